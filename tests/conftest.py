"""Test-wide settings: no hypothesis deadlines (no test may depend on machine speed)."""

from hypothesis import settings

settings.register_profile("newsclean", deadline=None)
settings.load_profile("newsclean")
