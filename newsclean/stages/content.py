"""The content classifier: judge what is left by signals that hold on any site."""

from __future__ import annotations

from ..document import Document
from ..registry import stages


@stages.register("content")
def content(doc: Document, ctx) -> None:
    """Remove low-content blocks (menus, teaser lists) by line and block signals."""
    return None
