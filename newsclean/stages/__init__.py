"""Built-in judging stages. Importing this package registers them all.

A stage is a function ``stage(doc, ctx, **options) -> None`` (see
:class:`newsclean.context.Stage`) registered with ``@newsclean.stage("name")``: it marks
lines of ``doc`` as removed or cut, never deletes them. The composer
(:mod:`newsclean.compose`) is no stage: the pipeline always runs it last.
"""

from . import boilerplate, columns, content, furniture, safety, template  # noqa: F401
