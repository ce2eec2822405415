"""Where the work runs: this process, one pool of worker processes, or a Dask cluster.

One :class:`Pool` per run, started on first use and shared by every folder and JSONL
stream of the run. Its workers end with their parent (a parent-death signal on Linux,
and a watchdog everywhere), ignore Ctrl-C (the parent decides when to stop), and a
worker that dies (the out-of-memory killer) costs at most the files it had: they are
retried once, each alone, and reported failed if they kill a worker again.

:class:`StopSignals` turns SIGINT and SIGTERM into "stop starting files": the files in
flight finish (their atomic writes complete and are reported), the rest are left as
they were, and the run reports and exits 130 or 143.

>>> cores() >= 1
True
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from . import runner

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .files import Source
    from .runner import Outcome, Plan


def cores() -> int:
    """The cores this process may use (a container's share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


# The work is bound by the CPU: more worker processes than cores only add memory (each
# holds a pipeline and its pages) and start-up, so a request for more is capped, at a
# margin above the cores for a machine whose scheduler grants more than its affinity
# shows. ProcessPoolExecutor takes at most 61 on Windows (black caps at 60 there too).
MAX_JOBS_PER_CORE = 4
MAX_JOBS_WINDOWS = 61


def worker_count(requested: int | None, what: str = "-j") -> tuple[int, str | None]:
    """The worker processes to use for ``requested`` (``None``: one per core), and a note
    for the user when the request was more than that and was capped. ``what`` names
    where the number came from.

    >>> worker_count(3)[0] == 3, worker_count(None) == (cores(), None)
    (True, True)
    >>> jobs, note = worker_count(10000); jobs == MAX_JOBS_PER_CORE * cores() or sys.platform == "win32"
    True
    >>> note.startswith("-j 10000: using ")
    True
    """
    n = cores()
    if requested is None:
        return n, None
    cap = MAX_JOBS_PER_CORE * n
    if sys.platform == "win32":  # pragma: no cover
        cap = min(cap, MAX_JOBS_WINDOWS)
    if requested <= cap:
        return requested, None
    return cap, (
        f"{what} {requested}: using {cap} worker processes "
        f"(at most {MAX_JOBS_PER_CORE} per core, {n} core{'' if n == 1 else 's'} here)"
    )


# ------------------------------------------------------------------ signals


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where a Ctrl-C would be: handled the same way, exit 143."""


def raise_terminated(signum, frame) -> None:
    raise Terminated()


class StopSignals:
    """While active (main thread only), SIGINT and SIGTERM set :attr:`signum` instead of
    interrupting the file being cleaned; a second signal interrupts at once.

    >>> with StopSignals() as stop:
    ...     stop.signum
    0
    """

    def __init__(self) -> None:
        self.signum = 0
        # Set while the main thread waits for input and holds no work (a JSONL stream
        # read from a terminal or an idle pipe): a signal then stops it at once, since a
        # read that a signal interrupts is resumed, and could wait forever.
        self.idle = False
        self._saved: dict[int, object] = {}

    def _handle(self, signum, frame) -> None:
        first = not self.signum
        self.signum = self.signum or signum
        if not first or self.idle:  # asked twice (an atomic write is abandoned whole), or nothing in hand
            raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._saved[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]

    @property
    def stopped(self) -> bool:
        return bool(self.signum)


# ------------------------------------------------------------------ the worker side


PR_SET_PDEATHSIG = 1


def _worker_init(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's business; end when the parent ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the parent's handler
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog does it
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watchdog, args=(parent,), name="newsclean-watchdog", daemon=True).start()


def _watchdog(parent: int) -> None:  # pragma: no cover - runs in the workers
    import time

    while True:
        time.sleep(1.0)
        if os.getppid() != parent:  # re-parented: the parent is gone
            os._exit(1)


def _work(sources: Sequence[Source], plan: Plan) -> list[Outcome]:
    return [runner.process(s, plan) for s in sources]


# ------------------------------------------------------------------ the pool


class Pool:
    """Worker processes started on first use; one per run, shared by its streams and
    folders (a pool costs ~16 ms to start).

    >>> with Pool(2) as pool:
    ...     pool.started
    False
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._executor: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self._executor is not None

    def executor(self) -> ProcessPoolExecutor:
        """The executor, started here (call from the main thread: on Linux a worker's
        parent-death signal fires when the thread that started it ends)."""
        if self._executor is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if sys.version_info < (3, 12):
                _quiet_cancelled_future_race()

            context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=context, initializer=_worker_init, initargs=(os.getpid(),)
            )
            # Start every worker now, from this thread. A new process closes its copy of
            # sys.stdin first (multiprocessing does), which waits for the stream's lock:
            # if a JSONL reader thread is blocked reading stdin here at that moment, the
            # copy is locked for ever and the worker hangs. With sys.stdin set aside while
            # they start, there is nothing for them to close (the reader keeps its stream).
            saved, sys.stdin = sys.stdin, None
            try:
                self._executor.submit(os.getpid).result()
            finally:
                sys.stdin = saved
        return self._executor

    def submit(self, fn, *args) -> Future:
        return self.executor().submit(fn, *args)

    def result(self, future: Future, timeout: float | None = None):
        """``future.result(timeout)``, except that a worker found dead fails it with
        BrokenProcessPool, as the executor would have: a worker killed while it sent its
        result (a SIGTERM to the whole process group, the out-of-memory killer) leaves
        the executor's thread reading the rest of that message for ever (this process
        holds the pipe's other end), and every future of the pool pending with it."""
        import time
        from concurrent.futures import TimeoutError as Timeout
        from concurrent.futures.process import BrokenProcessPool

        end = None if timeout is None else time.monotonic() + timeout
        while True:
            step = 0.1 if end is None else max(0.0, min(0.1, end - time.monotonic()))
            try:
                return future.result(timeout=step)
            except Timeout:
                if self._worker_died():
                    self.restart()  # the executor's thread is freed and fails what it had
                    if future.done():
                        return future.result()
                    raise BrokenProcessPool("a worker process died") from None
                if end is not None and time.monotonic() >= end:
                    raise

    def _worker_died(self) -> bool:
        if self._executor is None:
            return False
        from multiprocessing.connection import wait

        processes = list((getattr(self._executor, "_processes", None) or {}).values())
        return bool(processes) and bool(wait([p.sentinel for p in processes], timeout=0))

    def restart(self) -> None:
        """After a worker died (or when interrupted twice): drop the executor; the next
        use starts a new one. Its workers are killed and its result pipe closed on this
        side, so that its thread, if it waits for the rest of a dead worker's message,
        reads the end of the pipe and fails the pending futures, and ends before a new
        pool is forked (which would hold the old pipes open)."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        thread = getattr(executor, "_executor_manager_thread", None)
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.kill()
        results = getattr(executor, "_result_queue", None)
        if results is not None:
            with contextlib.suppress(OSError, AttributeError):
                results._writer.close()
        executor.shutdown(wait=False, cancel_futures=True)
        if thread is not None:
            thread.join(timeout=10)

    def close(self) -> None:
        if self._worker_died():
            self.restart()  # a normal shutdown would wait on the dead worker's message
        elif self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None and issubclass(exc[0], KeyboardInterrupt):
            self.restart()  # interrupted twice: do not wait; the workers die with us
        else:
            self.close()


def _quiet_cancelled_future_race() -> None:
    """Keep a known CPython race out of the user's terminal (gh-107219, fixed in 3.12):
    when a pool breaks (its workers killed by a SIGTERM to the whole process group) just
    after a stop cancelled its pending futures, the executor's own thread fails the
    cancelled futures again and dies printing an InvalidStateError traceback. Nothing is
    lost (the stop already reports those files as not cleaned), so that one exception,
    from that thread, is not printed; any other goes to the hook that was there."""
    import threading
    from concurrent.futures import InvalidStateError
    from concurrent.futures.process import _ExecutorManagerThread

    previous = threading.excepthook
    if getattr(previous, "_newsclean", False):
        return

    def hook(args) -> None:
        if args.exc_type is InvalidStateError and isinstance(args.thread, _ExecutorManagerThread):
            return
        previous(args)

    hook._newsclean = True  # type: ignore[attr-defined]
    threading.excepthook = hook


def _lost(path: str) -> Outcome:
    return runner.Outcome(
        path, "failed", message=f"{path}: the worker process cleaning it died (killed, or out of memory); not cleaned"
    )


class Files:
    """The outcomes of cleaning ``sources``, in input order, in this process or the pool.

    Stops starting files once ``stop`` is set; the files already in flight still
    finish and are yielded.
    """

    def __init__(self, sources: Iterable[Source], plan: Plan, pool: Pool | None, stop: StopSignals | None = None):
        self.sources = list(sources)
        self.plan = plan
        self.pool = pool
        self.stop = stop
        self._before: dict[str, int] = {}

    def _stopped(self) -> bool:
        return self.stop is not None and self.stop.stopped

    def __iter__(self) -> Iterator[Outcome]:
        if self.pool is None or self.pool.jobs <= 1 or len(self.sources) < 2:
            for s in self.sources:
                if self._stopped():
                    return
                yield runner.process(s, self.plan)
            return
        yield from self._pooled(self.pool)

    def _pooled(self, pool: Pool) -> Iterator[Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        jobs = pool.jobs
        size = max(1, min(8, len(self.sources) // (jobs * 8)))
        todo = deque(self.sources[i : i + size] for i in range(0, len(self.sources), size))
        pending: deque[tuple[list[Source], Future]] = deque()
        window = jobs * 3
        while True:
            broken = False
            while todo and len(pending) < window and not self._stopped():
                chunk = todo.popleft()
                self._remember(chunk)
                try:
                    pending.append((chunk, pool.submit(_work, chunk, self.plan)))
                except BrokenProcessPool:  # a worker died since the last result
                    todo.appendleft(chunk)
                    broken = True
                    break
            if broken:
                pool.restart()
                yield from self._retry(list(pending), pool)
                pending.clear()
                continue
            if not pending:
                return
            if self._stopped():
                yield from self._drain(pending)
                return
            chunk, future = pending.popleft()
            try:
                outcomes = pool.result(future)
            except BrokenProcessPool:
                pool.restart()
                yield from self._retry([(chunk, future), *pending], pool)
                pending.clear()
                continue
            yield from outcomes

    def _remember(self, chunk: list[Source]) -> None:
        """In place: which file each name is before a worker may replace it."""
        if self.plan.mode is runner.Mode.IN_PLACE:
            for s in chunk:
                try:
                    self._before[s.path] = os.stat(s.path).st_ino
                except OSError:
                    pass

    def _again(self, outcome: Outcome) -> Outcome:
        """A file retried after its worker died may have been rewritten by that worker
        (its result lost with it): then it was cleaned in this run, and is reported so."""
        if outcome.status == "unchanged" and outcome.name in self._before:
            try:
                if os.stat(outcome.name).st_ino != self._before[outcome.name]:
                    outcome.status = "changed"
            except OSError:
                pass
        return outcome

    def _rewritten(self, chunk: list[Source]) -> Iterator[Outcome]:
        """The run is stopping and the worker that had ``chunk`` died (a SIGTERM sent to
        the whole process group, as ``timeout`` does, reaches the workers too): the files
        it had already rewritten (a new inode under the name) were cleaned in this run and
        are reported so; the others are left as they were, like every file not started."""
        for s in chunk:
            before = self._before.get(s.path)
            try:
                if before is not None and os.stat(s.path).st_ino != before:
                    yield runner.Outcome(s.path, "changed")
            except OSError:
                pass

    def _drain(self, pending: deque) -> Iterator[Outcome]:
        """Stopped: cancel what has not started; what has (and may be writing) finishes."""
        from concurrent.futures.process import BrokenProcessPool

        for _, future in pending:
            future.cancel()
        for chunk, future in pending:
            if future.cancelled():
                continue
            try:
                yield from self.pool.result(future) if self.pool is not None else future.result()
            except BrokenProcessPool:
                yield from self._rewritten(chunk)

    def _retry(self, lost: list, pool: Pool) -> Iterator[Outcome]:
        """A worker died: what finished is kept; every other file runs again, alone, in a
        fresh pool, so that a file that kills its worker again is the one reported. Once
        the run is stopping, nothing runs again: what finished is still reported, and so
        is each file a dead worker had rewritten."""
        from concurrent.futures.process import BrokenProcessPool

        for chunk, future in lost:
            if not future.cancelled() and future.exception() is None:
                yield from future.result()
                continue
            for i, source in enumerate(chunk):
                if self._stopped():
                    yield from self._rewritten(chunk[i:])
                    break
                try:
                    (outcome,) = pool.result(pool.submit(_work, [source], self.plan))
                    yield self._again(outcome)
                except BrokenProcessPool:
                    pool.restart()
                    yield _lost(source.path)


# ------------------------------------------------------------------ Dask


class DaskFiles:
    """The same outcomes from a Dask cluster (``--scheduler``); dask is imported here only."""

    def __init__(self, sources: Iterable[Source], plan: Plan, client, stop: StopSignals | None = None):
        self.sources = list(sources)
        self.plan = plan
        self.client = client
        self.stop = stop

    def __iter__(self) -> Iterator[Outcome]:
        from . import dask as nc_dask

        for outcomes in nc_dask.process_partitions(self.sources, self.plan, self.client):
            yield from outcomes  # a partition is done as a whole: every file in it is reported
            if self.stop is not None and self.stop.stopped:
                return  # closing the client drops the partitions not yet done


def outcomes(sources: Iterable[Source], plan: Plan, *, pool: Pool | None = None, client=None,
             stop: StopSignals | None = None) -> Iterable[Outcome]:
    """The one way the CLI runs files: on ``client`` (Dask) if given, else ``pool``."""
    if client is not None:
        return DaskFiles(sources, plan, client, stop)
    return Files(sources, plan, pool, stop)
