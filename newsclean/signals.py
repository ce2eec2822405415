"""Typed signals that stages leave on the lines they remove, for later stages to read.

A removal names its stage and rule for people (``--explain``); what another stage needs
to know about it travels as a :class:`Signal`, so no stage reads another's label
strings.

>>> Signal.STATISTICAL in (Signal.STATISTICAL | Signal.COMMENT_ATTRIBUTION)
True
>>> Signal.MENU_PHRASE in Signal.NONE
False
"""

from __future__ import annotations

import enum


class Signal(enum.Flag):
    """What a removal says about its line, beyond its rule's name."""

    NONE = 0
    #: A judgement from statistics (the content model, a learned template), not named
    #: debris: the safety valve may undo it when a page would come out (almost) empty.
    STATISTICAL = enum.auto()
    #: The line is made of known menu or share phrases: a block mostly of such lines
    #: is a menu.
    MENU_PHRASE = enum.auto()
    #: The line attributes a reader's comment ("Posted by Ann on 3 May 2008"): two
    #: or more below article text start the comment section.
    COMMENT_ATTRIBUTION = enum.auto()
