"""Records: plain classes with named fields, shown and compared field by field.

newsclean's value classes are plain classes, not dataclasses or NamedTuples: generating
a dataclass's or a NamedTuple's methods at import is paid by every start of the command
(see docs/performance.md). :class:`Record` gives them what a dataclass would, once for
all of them: an ``__init__`` that takes every field by name (but those with a default), and a ``__repr__`` and an
``__eq__`` over the fields (its ``__slots__``, or its annotated class attributes). A record is mutable, so it has no hash.

>>> class Point(Record):
...     __slots__ = ("x", "y")
>>> Point(x=1, y=2)
Point(x=1, y=2)
>>> Point(x=1, y=2) == Point(x=1, y=2), Point(x=1, y=2) == Point(x=2, y=1)
(True, False)
>>> Point(x=1)
Traceback (most recent call last):
    ...
TypeError: Point: missing ['y'], unknown []
>>> class Size(Record):
...     width: int = 80
...     height: int = 24
>>> Size(height=40)
Size(width=80, height=40)

A subclass that wants a typed signature with defaults writes its own ``__init__`` and
hands its arguments on: ``Record.__init__(self, **arguments(locals()))``.
"""

from __future__ import annotations

from typing import Any


class Record:
    """Named fields, shown and compared field by field.

    The fields are the class's ``__slots__``; a class without slots names them as
    annotated class attributes, whose values are the defaults.
    """

    __slots__: tuple[str, ...] = ()
    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__
        names = own["__slots__"] if "__slots__" in own else own.get("__annotations__", ())
        cls._fields = cls._fields + tuple(name for name in names if name not in cls._fields)

    def __init__(self, **values: Any) -> None:
        """Every field by name, but for those with a default."""
        cls = type(self)
        missing = [name for name in cls._fields if name not in values and not _has_default(cls, name)]
        unknown = sorted(values.keys() - set(cls._fields))
        if missing or unknown:
            raise TypeError(f"{cls.__name__}: missing {missing}, unknown {unknown}")
        for name, value in values.items():
            setattr(self, name, value)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._fields)

    __hash__ = None  # type: ignore[assignment]


def _has_default(cls: type, name: str) -> bool:
    """Whether ``name`` has a class-level default (a slot's descriptor is none)."""
    return "__slots__" not in cls.__dict__ and name in cls.__dict__


def arguments(local_names: dict[str, Any]) -> dict[str, Any]:
    """A method's arguments from its ``locals()``, without ``self``.

    >>> arguments({"self": object(), "x": 1})
    {'x': 1}
    """
    return {name: value for name, value in local_names.items() if name != "self"}
