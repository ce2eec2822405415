"""Test-wide settings: no hypothesis deadlines (no test may depend on machine speed), and
the same generated examples on every run, so that a run of `make test` on a fresh machine
(CI) passes or fails on the code, not on the draw. Longer searches, with fresh draws:
NEWSCLEAN_PROPERTY_EXAMPLES=10000 HYPOTHESIS_RANDOM=1 (what they found is kept in
tests/test_properties.py as explicit examples)."""

import os

from hypothesis import settings

settings.register_profile("newsclean", deadline=None, derandomize=not os.environ.get("HYPOTHESIS_RANDOM"))
settings.load_profile("newsclean")
