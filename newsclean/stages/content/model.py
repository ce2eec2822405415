"""The content model: a unit's probability of being article text.

Two ensembles of boosted regression trees (gradient boosting, fitted by
``make train``, see tools/train.py): the first scores each unit from its own signals
and its neighbours' (FEATURES), the second adds the first pass's scores of the unit
and its neighbours (CONTEXT_FEATURES, a learned version of jusText's context
smoothing). The fitted trees are committed as generated Python, ``_model.py``, which
:func:`tree_source` and :func:`model_source` write and Python imports like any module.

>>> probabilities([], MODEL)
[]
>>> MODEL.features == FEATURES
True
"""


# No `from __future__ import annotations` in this module: it defines NamedTuples, whose
# string annotations typing would compile one by one at every start (docs/performance.md).
import math
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from . import _model
from .features import CONTEXT_FEATURES, FEATURES, context_features


def tree_source(ensemble: dict[str, Any], name: str) -> str:
    """Python source of one function of a feature row that sums a boosted tree
    ensemble (as tools/train.py exports it: a dict of ``init`` and ``trees``).

    Generated code runs several times faster than walking the trees: each feature the
    trees test is read from the row once, into a local (one tuple assignment for all of
    them, so that two functions do not repeat a column of ``xN = x[N]`` lines), and the
    function returns one
    sum of conditional expressions, one per tree, ``init + tree0 + tree1 + ...``. Python
    adds from the left, in the trees' order, so the sum is the same float as walking
    them.
    """
    used = sorted({f for tree in ensemble["trees"] for f in tree["feature"] if f >= 0})

    def expr(tree: dict[str, Any], node: int) -> str:
        f = tree["feature"][node]
        if f < 0:
            return repr(tree["value"][node])
        left, right = expr(tree, tree["left"][node]), expr(tree, tree["right"][node])
        return f"({left} if x{f} <= {tree['threshold'][node]!r} else {right})"

    lines = [f"def {name}(x):"]
    if used:
        lines.append("    " + ", ".join(f"x{f}" for f in used) + " = " + ", ".join(f"x[{f}]" for f in used))
    lines.append("    return (")
    lines.append(f"        {ensemble['init']!r}")
    lines += [f"        + {expr(tree, 0)}" for tree in ensemble["trees"]]
    lines.append("    )")
    return "\n".join(lines) + "\n"


def model_source(data: dict[str, Any]) -> str:
    """The fitted model (a dict of ``features``, ``context_features``, ``params``,
    ``first`` and ``second``) as the Python source of ``_model.py``: its two
    functions, the features they read and the region parameters it was chosen with.

    >>> tree = {"feature": [0, -1, -1], "threshold": [0.5, 0.0, 0.0], "value": [0.0, -1.0, 1.0],
    ...         "left": [1, -1, -1], "right": [2, -1, -1]}
    >>> print(tree_source({"init": 0.25, "trees": [tree, {**tree, "feature": [2, -1, -1]}]}, "first"), end="")
    def first(x):
        x0, x2 = x[0], x[2]
        return (
            0.25
            + (-1.0 if x0 <= 0.5 else 1.0)
            + (-1.0 if x2 <= 0.5 else 1.0)
        )
    """
    return (
        f"FEATURES = {tuple(data['features'])!r}\n"
        f"CONTEXT_FEATURES = {tuple(data['context_features'])!r}\n"
        f"PARAMS = {dict(data.get('params', {}))!r}\n"
        + tree_source(data["first"], "first")
        + tree_source(data["second"], "second")
    )


Score = Callable[[list[float]], float]


class Model(NamedTuple):
    """The two ensembles, the features they were fitted for, and region parameters."""

    first: Score
    second: Score
    params: dict[str, float]
    features: tuple[str, ...] = FEATURES
    context_features: tuple[str, ...] = CONTEXT_FEATURES


MODEL = Model(_model.first, _model.second, dict(_model.PARAMS), _model.FEATURES, _model.CONTEXT_FEATURES)
if MODEL.features != FEATURES or MODEL.context_features != CONTEXT_FEATURES:  # pragma: no cover
    raise ImportError("newsclean/stages/content/_model.py was fitted for other features: run `make train`")


def _sigmoids(zs: Iterable[float]) -> list[float]:
    """``1 / (1 + e^-z)`` of each z, z clamped to [-30, 30]. The clamp is written as
    conditional expressions, which give the same float as ``max(-30.0, min(30.0, z))``
    for every z (NaN included: 30.0) without two calls per unit.

    >>> _sigmoids([0.0, 100.0, float("nan")])[0], _sigmoids([100.0])[0] > 0.999
    (0.5, True)
    """
    exp = math.exp
    return [1.0 / (1.0 + exp(-((z if z > -30.0 else -30.0) if z < 30.0 else 30.0))) for z in zs]


def _sigmoid(z: float) -> float:
    return _sigmoids((z,))[0]


def probabilities(rows: list[list[float]], model: Model = MODEL) -> list[float]:
    """Two passes: each unit alone, then with its neighbours' first-pass scores."""
    p1 = _sigmoids(map(model.first, rows))
    return _sigmoids(map(model.second, context_features(rows, p1)))
