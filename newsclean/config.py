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
import re
import sys
from dataclasses import dataclass, field


def _toml():
    """The TOML parser, imported when a file is to be read (~1.5 ms of start-up)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
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


@dataclass
class Config:
    path: str | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)


# A line that can start the [tool.newsclean] table in any TOML spelling: a header or a
# dotted key "tool.newsclean" (spaces and quotes allowed), a bare [tool] table (which
# may hold "newsclean.x = ..." keys) or "tool = {...}". Comments and strings do not
# count. Parsing costs ~3 ms of start-up; most pyproject files, a project's own
# included ("name = \"newsclean\""), need none.
# (No two runs of white space side by side, so it stays linear without possessive
# quantifiers, which the re module has only from Python 3.11.)
_TOOL_TABLE_RE = re.compile(r"""(?m)^[ \t]*(?:\[(?:[ \t]*\[)?[ \t]*)?["']?tool["']?[ \t]*(?:\.[ \t]*["']?newsclean\b|\]|=)""")


def _may_hold_table(text: str) -> bool:
    """False when ``text`` (a pyproject.toml) cannot hold ``[tool.newsclean]``.

    >>> _may_hold_table('[project]\\nname = "newsclean"\\n[tool.black]\\n')
    False
    >>> _may_hold_table('[tool . "newsclean"]\\njobs = 2\\n')
    True
    """
    return "newsclean" in text and _TOOL_TABLE_RE.search(text) is not None


def find_config(start: str = ".") -> str | None:
    """The nearest ``newsclean.toml``, or ``pyproject.toml`` with a ``[tool.newsclean]``
    table, in ``start`` or a folder above it (stopping at a ``.git`` folder)."""
    here = os.path.abspath(start)
    while True:
        own = os.path.join(here, "newsclean.toml")
        if os.path.isfile(own):
            return own
        pyproject = os.path.join(here, "pyproject.toml")
        if os.path.isfile(pyproject):
            try:
                with open(pyproject, "rb") as f:
                    text = f.read().decode("utf-8")
                if _may_hold_table(text) and "newsclean" in _toml().loads(text).get("tool", {}):
                    return pyproject
            except (OSError, UnicodeDecodeError, ValueError):  # TOMLDecodeError is a ValueError
                pass
        if os.path.exists(os.path.join(here, ".git")):
            return None
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def load_config(path: str | None) -> Config:
    if path is None:
        return Config()
    tomllib = _toml()
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("newsclean", {})
    else:
        data = data.get("tool", {}).get("newsclean", data)
    for key, value in data.items():
        kind = KEYS.get(key)
        if kind is None:
            raise ConfigError(f"{path}: unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, kind):
            raise ConfigError(f"{path}: {key!r} must be a {kind.__name__}")
    for stage, opts in data.get("options", {}).items():
        if not isinstance(opts, dict):
            raise ConfigError(f"{path}: 'options.{stage}' must be a table of option = value")
    base = os.path.dirname(os.path.abspath(path))
    if "rules" in data:
        data["rules"] = [os.path.join(base, r) for r in data["rules"]]
    if "template" in data:
        data["template"] = os.path.join(base, data["template"])
    return Config(path, data)
