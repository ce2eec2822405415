"""Measure the JSON/markdown headline against each page's title.

A folder of pages as the eval corpora lay them out: ``NAME.raw.txt`` (the dump) and
``NAME.neutral.txt`` whose first line is the page's title (dev2; on dev the first
neutral line is usually the title too). A page counts only when its raw dump contains
that title (whitespace squeezed); the figure is the share of those whose headline
equals it (whitespace squeezed, case kept).

    python tools/headline_eval.py ../shared/eval/dev2
    python tools/headline_eval.py ../shared/eval/dev2 --show 30     # misses, with headline
    python tools/headline_eval.py ../shared/eval/dev2 --loose       # also: title inside headline
    python tools/headline_eval.py ../shared/eval/dev2 ../shared/eval/dev --fit   # new WEIGHTS
    python tools/headline_eval.py ../shared/eval/dev2 ../shared/eval/dev --fit --halves

``--fit`` fits the weights of :data:`newsclean.headline.WEIGHTS` on the folders given
(a conditional logit over each page's candidates, by gradient descent on standardized
features; deterministic) and prints them with the share right on each folder; with two
folders it also prints the figures fitted on one and scored on the other; ``--halves``
splits each folder's sites in two halves (by a hash of the host in ``manifest.tsv``) and
prints the figures fitted on the pages of one half and scored on the other's.

Nothing of the folder is written anywhere: the pages stay outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import math
import operator
import sys
import zlib
from pathlib import Path
from urllib.parse import urlsplit

from newsclean.headline import FEATURES, candidates, headline
from newsclean.pipeline import Pipeline

# One page: the candidates' features and whether each is the title.
Page = tuple[list[list[float]], list[bool]]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _sites(folder: Path) -> dict[str, str]:
    """Each page's site (the host of its ``url`` in ``manifest.tsv``), when known."""
    manifest = folder / "manifest.tsv"
    if not manifest.exists():
        return {}
    with manifest.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["name"]: urlsplit(r.get("url") or "").netloc.lower().removeprefix("www.") for r in rows}


def _half(site: str) -> int:
    """The half (0 or 1) a site falls in, the same on every run and machine."""
    return zlib.crc32(site.encode("utf-8")) % 2


def _titled_pages(folder: Path, limit: int = 0):
    """(name, title, raw text) of the pages whose dump contains their title."""
    raws = sorted(folder.glob("*.raw.txt"))
    if limit:
        raws = raws[:limit]
    for raw_path in raws:
        name = raw_path.name[: -len(".raw.txt")]
        neutral = raw_path.with_name(name + ".neutral.txt")
        if not neutral.exists():
            continue
        lines = neutral.read_text(encoding="utf-8", errors="replace").splitlines()
        title = _squeeze(lines[0]) if lines else ""
        raw = raw_path.read_text(encoding="utf-8", errors="replace")
        if title and title in _squeeze(raw):
            yield name, title, raw


def _pages(folder: Path, pipeline: Pipeline, limit: int) -> tuple[list[Page], list[int]]:
    """Each titled page's candidates, and the half of the sites its site is in."""
    sites = _sites(folder)
    out: list[Page] = []
    halves: list[int] = []
    for name, title, raw in _titled_pages(folder, limit):
        found = candidates(pipeline.run(raw))
        out.append(([c[2] for c in found], [_squeeze(c[1]) == title for c in found]))
        halves.append(_half(sites.get(name, name)))
    return out, halves


def _fit(pages: list[Page], steps: int = 500, rate: float = 0.5, l2: float = 0.01) -> list[float]:
    """Softmax over each page's candidates, the title as the target; features
    standardized for the descent, weights returned on the raw features."""
    rows = [x for xs, _ in pages for x in xs]
    k = len(FEATURES)
    mean = [sum(r[j] for r in rows) / len(rows) for j in range(k)]
    sd = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / len(rows)) + 1e-9 for j in range(k)]
    data = [([[(x[j] - mean[j]) / sd[j] for j in range(k)] for x in xs], ys) for xs, ys in pages if any(ys)]
    w = [0.0] * k
    for _ in range(steps):
        grad = [0.0] * k
        for zs, ys in data:
            scores = [sum(map(operator.mul, w, z)) for z in zs]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            right = sum(ys)
            for z, e, y in zip(zs, exps, ys):
                coef = e / total - (1.0 / right if y else 0.0)
                for j in range(k):
                    grad[j] += coef * z[j]
        w = [wj - rate * (g / len(data) + l2 * wj) for wj, g in zip(w, grad)]
    return [round(wj / s, 3) for wj, s in zip(w, sd)]


def _right(pages: list[Page], w: list[float]) -> float:
    ok = 0
    for xs, ys in pages:
        if xs:
            scores = [sum(a * b for a, b in zip(w, x)) for x in xs]
            ok += ys[max(range(len(xs)), key=scores.__getitem__)]
    return ok / max(1, len(pages))


def fit(folders: list[Path], limit: int, halves: bool = False) -> int:
    pipeline = Pipeline()
    found = {f: _pages(f, pipeline, limit) for f in folders}
    pages = {f: found[f][0] for f in folders}
    if halves:
        # fitted on the pages of half the sites (of every folder), scored on the others'
        for k in (0, 1):
            train = [p for f in folders for p, h in zip(*found[f]) if h == k]
            w = _fit(train)
            shown = []
            for f in folders:
                own = [p for p, h in zip(*found[f]) if h == k]
                rest = [p for p, h in zip(*found[f]) if h != k]
                shown.append(
                    f"{f.name} fitted half {_right(own, w):.3f} ({len(own)}), "
                    f"other half {_right(rest, w):.3f} ({len(rest)})"
                )
            print(f"fitted on sites of half {k}: " + "; ".join(shown))
    if len(folders) == 2:
        a, b = folders
        for one, other in ((a, b), (b, a)):
            w = _fit(pages[one])
            print(f"fitted on {one.name}: {one.name} {_right(pages[one], w):.3f}, {other.name} {_right(pages[other], w):.3f}")
    w = _fit([p for f in folders for p in pages[f]])
    for f in folders:
        print(f"fitted on all: {f.name} {_right(pages[f], w):.3f}")
    print("WEIGHTS = (" + ", ".join(str(x) for x in w) + ")")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="+")
    parser.add_argument("--fit", action="store_true", help="fit the ranking weights on the folders")
    parser.add_argument("--halves", action="store_true", help="with --fit: also fit on half the sites, score on the rest")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    parser.add_argument("--loose", action="store_true", help="also count a headline that contains the title")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    if args.fit:
        return fit(args.folder, args.limit, args.halves)
    for folder in args.folder:
        report(folder, args.show, args.loose, args.limit)
    return 0


def report(folder: Path, show: int, loose_too: bool, limit: int) -> None:
    pipeline = Pipeline()
    eligible = right = loose = none = 0
    misses: list[tuple[str, str, str | None]] = []
    for name, title, raw in _titled_pages(folder, limit):
        eligible += 1
        found = headline(pipeline.run(raw))
        got = _squeeze(found) if found else None
        if got == title:
            right += 1
        elif got is not None and loose_too and title in got:
            loose += 1
        else:
            none += got is None
            misses.append((name, title, got))
    if not eligible:
        print(f"{folder}: no page with a title found in its dump", file=sys.stderr)
        return
    print(f"{folder.name}: pages with the title in the dump {eligible}")
    print(f"headline == title: {right} ({100 * right / eligible:.1f}%)   null: {none}")
    if loose_too:
        print(f"title inside headline: {loose} more ({100 * (right + loose) / eligible:.1f}%)")
    for name, title, got in misses[:show]:
        print(f"{name}\n  title:    {title}\n  headline: {got}")


if __name__ == "__main__":
    sys.exit(main())
