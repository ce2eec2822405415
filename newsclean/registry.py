"""Name -> function registries for stages and writers, with lazy entry points.

Built-in stages register themselves with the same decorator third-party code uses.
A name the registry does not know is looked up, once and only then, among the entry
points of the registry's group (``newsclean.stages`` or ``newsclean.writers``), so an
installed plugin costs nothing until a pipeline names it.

>>> reg = Registry("example.group")
>>> @reg.register("shout", description="Upper-case every kept line.")
... def shout(doc):
...     pass
>>> reg.get("shout").description
'Upper-case every kept line.'
>>> reg.get("whisper")
Traceback (most recent call last):
...
newsclean.registry.UnknownNameError: unknown stage 'whisper'; available: shout
"""


# No `from __future__ import annotations` in this module: it defines NamedTuples, whose
# string annotations typing would compile one by one at every start (docs/performance.md).
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

F = TypeVar("F", bound=Callable[..., Any])


class UnknownNameError(KeyError):
    """A pipeline or a user named something no registry or plugin provides."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class PipelineError(UnknownNameError):
    """A stage list that cannot be run honestly (a stage before one it must follow, a
    stage named twice, the composer named as a stage): the message says why. A usage
    error, like an unknown name."""


class PluginError(UnknownNameError):
    """An installed plugin's entry point that cannot be imported: the name is known but
    nothing usable stands behind it."""


class Entry(NamedTuple):
    name: str
    func: Callable[..., Any]
    description: str
    origin: str  # "built-in" or the distribution that provided it
    after: tuple[str, ...] = ()  # stages this one must follow when both are in a list

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)


class Registry:
    def __init__(self, group: str, kind: str = "stage") -> None:
        self.group = group
        self.kind = kind
        self._entries: dict[str, Entry] = {}
        self._entry_points: dict[str, EntryPoint] | None = None

    def register(
        self,
        name: str,
        *,
        description: str | None = None,
        origin: str = "built-in",
        after: tuple[str, ...] | list[str] = (),
    ) -> Callable[[F], F]:
        """Decorator: register ``func`` under ``name``.

        The description defaults to the first line of the function's docstring.
        ``after`` names stages this one must follow when a list holds both: a pipeline
        that puts it before one of them is refused.
        """

        def decorator(func: F) -> F:
            desc = description or (inspect.getdoc(func) or "").split("\n", 1)[0]
            self._entries[name] = Entry(name, func, desc, origin, tuple(after))
            return func

        return decorator

    def unregister(self, name: str) -> None:
        self._entries.pop(name, None)

    def _plugins(self) -> "dict[str, EntryPoint]":
        if self._entry_points is None:
            # imported on the first unknown name only: importlib.metadata costs start-up
            from importlib.metadata import entry_points

            self._entry_points = {ep.name: ep for ep in entry_points(group=self.group)}
        return self._entry_points

    def _load(self, name: str) -> Entry | None:
        ep = self._plugins().get(name)
        if ep is None:
            return None
        dist = getattr(ep, "dist", None)
        origin = dist.name if dist else ep.value
        try:
            obj = ep.load()
        except Exception as exc:
            raise PluginError(
                f"{self.kind} {name!r} from {origin} ({ep.value}) failed to load: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        if isinstance(obj, Entry):
            entry = obj
        else:
            desc = (inspect.getdoc(obj) or "").split("\n", 1)[0]
            entry = Entry(name, obj, desc, origin)
        self._entries[name] = entry
        return entry

    def get(self, name: str) -> Entry:
        entry = self._entries.get(name) or self._load(name)
        if entry is None:
            raise UnknownNameError(
                f"unknown {self.kind} {name!r}; available: {', '.join(self.names(plugins=True))}"
            )
        return entry

    def names(self, *, plugins: bool = False) -> list[str]:
        names = set(self._entries)
        if plugins:
            names |= set(self._plugins())
        return sorted(names)

    def all(self) -> list[Entry]:
        """Every entry, built-in and plugin; loads every plugin (for listings).

        A plugin that fails to load is listed with the reason instead of its
        description, and stays out of the registry.
        """
        broken: dict[str, Entry] = {}
        for name, ep in self._plugins().items():
            if name not in self._entries:
                try:
                    self._load(name)
                except PluginError as exc:
                    broken[name] = Entry(name, _broken, str(exc), getattr(ep.dist, "name", ep.value))
        found = {**broken, **self._entries}
        return [found[n] for n in sorted(found)]

    def __contains__(self, name: str) -> bool:
        return name in self._entries or name in self._plugins()


def _broken(*args: Any, **kwargs: Any) -> None:  # pragma: no cover - never called: listed, not registered
    raise RuntimeError("this plugin failed to load")


stages = Registry("newsclean.stages", "stage")
writers = Registry("newsclean.writers", "writer")
