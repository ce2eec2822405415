"""The same pipeline on a Dask cluster: a bag of files, or of JSONL files, per partition.

Installed with ``pip install newsclean[dask]`` (``dask[bag]`` and ``distributed``);
the command line uses it with ``--scheduler ADDRESS``::

    newsclean --scheduler tcp://10.0.0.5:8786 corpus/ -o clean/
    newsclean --scheduler local --jobs 8 corpus/ -o clean/        # a LocalCluster
    newsclean --scheduler tcp://10.0.0.5:8786 --input-format jsonl shards/*.jsonl -o clean/

Every worker runs :func:`newsclean.runner.process` (text files) or
:func:`newsclean.streams.clean_stream` (JSONL) exactly as a local run does, and writes
its outputs itself, partition by partition; only small outcomes travel back. Workers
therefore need the same newsclean version and must see the input and output paths
(a shared file system, or a single machine).

Nothing here imports dask until a function is called, and the CLI imports this module
only when ``--scheduler`` is given: dask costs no start-up time otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence

from .concurrency import cores
from .files import Source, atomic_output
from .runner import Outcome, Plan, process


def connect(address: str, *, workers: int | None = None):
    """A ``distributed.Client`` for ``address``; ``"local"`` starts a LocalCluster of
    ``workers`` single-threaded processes (default: the number of cores)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the installation
        raise ImportError("--scheduler needs Dask: pip install 'newsclean[dask]'") from None
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers or cores(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        client._newsclean_cluster = cluster  # type: ignore[attr-defined]  # closed with the client (see close())
        return client
    return Client(address)


def close(client) -> None:
    cluster = getattr(client, "_newsclean_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _partitions(n: int, client, per_partition: int | None) -> int:
    if per_partition:
        return max(1, -(-n // per_partition))
    try:
        workers = len(client.scheduler_info().get("workers", {})) or 1
    except Exception:  # pragma: no cover
        workers = 1
    # A few partitions per worker balance uneven files; many tiny tasks cost overhead.
    return max(1, min(n, workers * 4))


def _process_partition(sources: Sequence[Source], plan: Plan) -> list[Outcome]:
    return [process(s, plan) for s in sources]


def process_files(sources: Iterable[Source], plan: Plan, client, *, per_partition: int | None = None) -> Iterator[Outcome]:
    """Yield an :class:`~newsclean.runner.Outcome` per source, in input order, computed on
    the cluster behind ``client``: the Dask counterpart of ``runner.process_many``.

    Outputs are written by the workers (``-o DIR``, ``--in-place``); in stdout and diff
    modes the rendered bytes come back in the outcomes.
    """
    for outcomes in process_partitions(sources, plan, client, per_partition=per_partition):
        yield from outcomes


def process_partitions(sources: Iterable[Source], plan: Plan, client, *,
                       per_partition: int | None = None) -> Iterator[list[Outcome]]:
    """The outcomes of each partition, in input order, as soon as it is done."""
    import dask.bag as db

    sources = list(sources)
    if not sources:
        return
    bag = db.from_sequence(sources, npartitions=_partitions(len(sources), client, per_partition))
    futures = client.compute(bag.map_partitions(_process_partition, plan).to_delayed())
    for future in futures:
        yield future.result()


def _clean_jsonl_partition(jobs: Sequence[tuple[str, str]], plan: Plan, text_field: str, with_removed: bool,
                           skip_bad: bool) -> list[dict]:
    from .streams import clean_stream

    results = []
    for src, dest in jobs:
        bad: list[str] = []
        error = None
        written = skipped = 0
        os.makedirs(os.path.dirname(dest) or ".", exist_ok=True)
        try:
            # The one atomic write path: the part file appears whole or not at all.
            with open(src, "rb") as inp, atomic_output(dest) as out:
                written, skipped = clean_stream(
                    inp, out, plan, name=src, text_field=text_field, with_removed=with_removed,
                    on_bad=bad.append if skip_bad else None,
                )
        except Exception as exc:  # a bad line (on_bad_line=fail), an unreadable file
            error = str(exc) if isinstance(exc, (ValueError, OSError)) else f"{type(exc).__name__}: {exc}"
        results.append({"input": src, "output": dest, "written": written, "skipped": skipped, "bad": bad,
                        "error": error})
    return results


def jsonl_outputs(files: Sequence[str], output_dir: str) -> list[str]:
    """Where each JSONL input's cleaned records go: ``part-00000.jsonl``... in input
    order, so ``cat DIR/part-*.jsonl`` is what a local run prints.

    >>> jsonl_outputs(["a.jsonl", "b/c.jsonl"], "out")
    ['out/part-00000.jsonl', 'out/part-00001.jsonl']
    """
    return [os.path.join(output_dir, f"part-{i:05d}.jsonl") for i in range(len(files))]


def clean_jsonl_files(files: Sequence[str], plan: Plan, output_dir: str, client, *, text_field: str = "text",
                      with_removed: bool = False, skip_bad: bool = False) -> list[dict]:
    """Clean JSONL files on the cluster, one output file per input (see
    :func:`jsonl_outputs`), each streamed record by record on a worker. Returns one
    summary per input: records written, bad lines skipped (with messages), error."""
    import dask.bag as db

    jobs = list(zip(files, jsonl_outputs(files, output_dir)))
    if not jobs:
        return []
    bag = db.from_sequence(jobs, npartitions=len(jobs))  # one file per partition, streamed
    return bag.map_partitions(_clean_jsonl_partition, plan, text_field, with_removed, skip_bad).compute(
        scheduler=client.get
    )
