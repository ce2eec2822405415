"""``python -m newsclean``: the same command as ``newsclean``."""

import sys

from .cli import main

sys.exit(main())
