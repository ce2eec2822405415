"""Configuration from ``[tool.newsclean]`` in the nearest ``pyproject.toml`` or from a
``newsclean.toml``; command-line flags override it.

    [tool.newsclean]
    stages = ["layout", "boilerplate-lines", "normalize"]   # replaces the default list
    skip = ["content"]
    rules = ["house-rules.txt"]      # extra phrase packs, relative to the config file
    template = "site.template.json"  # a learned corpus template
    include = ["*.txt"]
    exclude = ["drafts/*"]
    format = "text"

    [tool.newsclean.options.safety-valve]
    min_words = 20
"""

from __future__ import annotations

import os
import sys

from .regexes import compile_re


def _toml():
    """The TOML parser, imported when a file is to be read (~1.5 ms of start-up)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found]
    return tomllib

KEYS = {
    "stages": list,
    "skip": list,
    "rules": list,
    "template": str,
    "include": list,
    "exclude": list,
    "format": str,
    "language": str,
    "encoding": str,
    "jobs": int,
    "options": dict,
}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file."""


class Config:
    """The settings found for a run: ``values`` read from ``path`` (None: no file)."""

    # A plain class, not a dataclass: generating a dataclass's methods at import costs
    # ~0.6 ms each, paid by every start of the command (see docs/performance.md).
    def __init__(self, path: str | None = None, values: dict | None = None) -> None:
        self.path = path
        self.values = {} if values is None else values

    def __repr__(self) -> str:
        return f"Config(path={self.path!r}, values={self.values!r})"

    def get(self, key: str, default=None):
        return self.values.get(key, default)


# A line that can start the [tool.newsclean] table in any TOML spelling: a header or a
# dotted key "tool.newsclean" (spaces and quotes allowed), a bare [tool] table (which
# may hold "newsclean.x = ..." keys) or "tool = {...}". Comments and strings do not
# count. Parsing costs ~3 ms of start-up; most pyproject files, a project's own
# included ("name = \"newsclean\""), need none.
# (No two runs of white space side by side, so it stays linear without possessive
# quantifiers, which the re module has only from Python 3.11.)
_TOOL_TABLE_RE = compile_re(r"""(?m)^[ \t]*(?:\[(?:[ \t]*\[)?[ \t]*)?["']?tool["']?[ \t]*(?:\.[ \t]*["']?newsclean\b|\]|=)""")


def _may_hold_table(text: str) -> bool:
    """False when ``text`` (a pyproject.toml) cannot hold ``[tool.newsclean]``.

    >>> _may_hold_table('[project]\\nname = "newsclean"\\n[tool.black]\\n')
    False
    >>> _may_hold_table('[tool . "newsclean"]\\njobs = 2\\n')
    True
    """
    return "newsclean" in text and _TOOL_TABLE_RE.search(text) is not None


def config_start(paths) -> str:
    """Where the search for a configuration starts: the folder that the named paths
    have in common (as black finds a project), so that ``newsclean -i corpus/`` run
    from elsewhere still finds ``corpus/newsclean.toml``; the current folder for stdin.

    >>> import os
    >>> config_start(["news/a.txt", "news/b/c.txt"]) == os.path.abspath("news")
    True
    >>> config_start(["-"])
    '.'
    """
    named = [p for p in paths if p != "-"]
    if not named:
        return "."
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in named]
    return os.path.commonpath(folders)


def find_config(start: str = ".") -> str | None:
    """The nearest ``newsclean.toml``, or ``pyproject.toml`` with a ``[tool.newsclean]``
    table, in ``start`` or a folder above it (stopping at a ``.git`` folder).

    A ``pyproject.toml`` that may hold the table but cannot be read (a TOML error,
    bytes that are not UTF-8, no permission) is a :class:`ConfigError` naming the file
    and the line: skipping it would drop its ``exclude`` and let ``-i`` rewrite files
    it was meant to protect. One that cannot hold the table is never parsed.
    """
    here = os.path.abspath(start)
    while True:
        own = os.path.join(here, "newsclean.toml")
        if os.path.isfile(own):
            return own
        pyproject = os.path.join(here, "pyproject.toml")
        if os.path.isfile(pyproject) and _holds_table(pyproject):
            return pyproject
        if os.path.exists(os.path.join(here, ".git")):
            return None
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _holds_table(pyproject: str) -> bool:
    raw = _read(pyproject)
    # The prefilter reads the text leniently: a stray byte must not hide a table.
    if not _may_hold_table(raw.decode("utf-8", "replace").removeprefix("\ufeff")):
        return False
    return "newsclean" in _parse(pyproject, raw).get("tool", {})


def _read(path: str) -> bytes:
    """The file's bytes through the one read path (a FIFO or device is refused, not
    waited on); :class:`ConfigError` names the file and the reason."""
    from .files import InputError, read_bytes

    if not os.path.exists(path):
        raise ConfigError(f"{path}: No such file or directory")
    try:
        return read_bytes(path)
    except InputError as exc:
        raise ConfigError(f"cannot read the configuration: {exc}") from None


def _parse(path: str, raw: bytes) -> dict:
    """TOML bytes to a table; :class:`ConfigError` names the file and the line."""
    tomllib = _toml()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: line {line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark (Windows editors write one); TOML has none
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


# Keys whose value is a list of strings (file names, globs, stage names).
_STRING_LISTS = ("stages", "skip", "rules", "include", "exclude")


def load_config(path: str | None) -> Config:
    """Read and check a configuration file; :class:`ConfigError` names the file and
    the key that is wrong (unknown key, wrong type, a list item that is not a string).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "newsclean.toml")
    >>> _ = open(p, "w").write("rules = [5]\\n")
    >>> load_config(p)
    Traceback (most recent call last):
    ...
    newsclean.config.ConfigError: .../newsclean.toml: 'rules' must be a list of strings; item 1 is 5
    """
    if path is None:
        return Config()
    data = _parse(path, _read(path))
    tool = data.get("tool", {})
    if os.path.basename(path) == "pyproject.toml":
        data = tool.get("newsclean", {}) if isinstance(tool, dict) else {}
        where = "[tool.newsclean]"
    else:
        data = tool.get("newsclean", data) if isinstance(tool, dict) else data
        where = "the file"
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {where} must be a table of key = value")
    for key, value in data.items():
        kind = KEYS.get(key)
        if kind is None:
            raise ConfigError(f"{path}: unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"{path}: {key!r} must be a {_KIND_NAMES[kind]}, not {_shown(value)}")
        if key in _STRING_LISTS and isinstance(value, list):
            for i, item in enumerate(value, 1):
                if not isinstance(item, str):
                    raise ConfigError(f"{path}: {key!r} must be a list of strings; item {i} is {_shown(item)}")
    if "jobs" in data and data["jobs"] < 1:
        raise ConfigError(f"{path}: 'jobs' must be 1 or more, not {data['jobs']}")
    for stage, opts in data.get("options", {}).items():
        if not isinstance(opts, dict):
            raise ConfigError(f"{path}: 'options.{stage}' must be a table of option = value")
    base = os.path.dirname(os.path.abspath(path))
    if "rules" in data:
        data["rules"] = [os.path.join(base, r) for r in data["rules"]]
    if "template" in data:
        data["template"] = os.path.join(base, data["template"])
    return Config(path, data)


_KIND_NAMES = {list: "list", str: "string", int: "whole number", dict: "table"}


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
