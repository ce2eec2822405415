"""Built-in stages. Importing this package registers them all.

A stage is a function ``stage(doc, ctx, **options) -> None`` registered with
``@newsclean.stage("name")``: it marks lines of ``doc`` as removed (never deletes
them) or, for the normalizer, sets ``doc.paragraphs``.
"""

from . import boilerplate, columns, content, normalize, safety, template  # noqa: F401
