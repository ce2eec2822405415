#!/usr/bin/env python3
"""newsclean benchmarks: every figure with its target, and the ratios measured in the same run.

    make bench                                   # = python benchmarks/run.py --shared ../shared
    python benchmarks/run.py --quick             # small sizes, a few seconds (the smoke test)
    python benchmarks/run.py --only throughput,startup

Inputs: the raw pages of ``<shared>/eval/dev`` when that folder exists (read at run time,
never copied into the repository), else ``samples/*.raw.txt``. Folders and streams are
generated in a temporary folder or straight into a pipe, and removed afterwards.

Results are printed and written as JSON to ``benchmarks/results/<UTC time>.json`` and
``benchmarks/results/latest.json`` (the folder is not versioned). Machine noise matters:
run on an idle machine, and compare figures from the same run rather than across runs.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MB = 1_000_000

FULL = {
    "throughput_mb": 50,
    "startup_runs": 20,
    "folder_files": 3000,
    "folder_rounds": 2,
    "stream_mb": 1024,
    "precommit_files": 1000,
    "no_newline_mb": 20,
    "hostile_mb": 10,
}
QUICK = {
    "throughput_mb": 1,
    "startup_runs": 3,
    "folder_files": 120,
    "folder_rounds": 1,
    "stream_mb": 8,
    "precommit_files": 40,
    "no_newline_mb": 1,
    "hostile_mb": 0.2,
}


# --------------------------------------------------------------------------- helpers


def load_corpus(shared: str | None) -> tuple[str, list[bytes]]:
    """Raw pages as bytes: the dev corpus when present, else the repository's samples."""
    if shared:
        dev = sorted(glob.glob(os.path.join(shared, "eval", "dev", "*.raw.txt")))
        if dev:
            return f"{len(dev)} dev pages ({os.path.join(shared, 'eval', 'dev')})", [_read(p) for p in dev]
    samples = sorted(glob.glob(os.path.join(ROOT, "samples", "*.raw.txt")))
    if not samples:
        sys.exit("benchmarks: no input pages (no <shared>/eval/dev and no samples/*.raw.txt)")
    return f"{len(samples)} sample pages (samples/)", [_read(p) for p in samples]


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def newsclean_cmd() -> list[str]:
    """The installed console script beside this Python, else ``python -m newsclean``."""
    script = os.path.join(os.path.dirname(sys.executable), "newsclean")
    if os.path.exists(script):
        return [script]
    return [sys.executable, "-m", "newsclean"]


# Peak RSS needs a launcher: a child started straight from this process reports this
# process's peak as its own (Linux records the peak of the memory image it replaces at
# exec, and subprocess vforks). The launcher is a bare interpreter (~8 MB), started
# once per measured run, that runs the command and reports the command's rusage.
_LAUNCHER = (
    "import os,subprocess,sys\n"
    "p=subprocess.Popen(sys.argv[1:])\n"
    "_,st,ru=os.wait4(p.pid,0)\n"
    "sys.stderr.write('\\n@@rusage %d %f\\n' % (ru.ru_maxrss, ru.ru_utime + ru.ru_stime))\n"
    "sys.exit(os.waitstatus_to_exitcode(st))\n"
)


def _pump(feed, pipe) -> None:
    """``feed(pipe)``, then close the pipe; a child that stops reading ends the feed."""
    try:
        feed(pipe)
    except BrokenPipeError:
        pass
    finally:
        try:
            pipe.close()
        except BrokenPipeError:
            pass


def measure(cmd, *, feed=None, env=None, cwd=None, rss=False) -> dict:
    """Run ``cmd``; wall time, exit code, CPU time and (with ``rss``) peak RSS.

    ``feed`` is a callable that writes to the child's stdin (run in a thread), so a
    stream can be generated on the fly without being stored. Without ``rss`` the
    command is started directly (for start-up times, where a launcher would count).
    """
    full_env = {**os.environ, **(env or {})}
    if rss:
        cmd = [sys.executable, "-S", "-c", _LAUNCHER, *cmd]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE if feed else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=full_env,
            cwd=cwd,
        )
        writer = None
        if feed:
            writer = threading.Thread(target=_pump, args=(feed, proc.stdin), daemon=True)
            writer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if writer:
            writer.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    maxrss, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    if rss:
        stderr, _, tail = stderr.rpartition("\n@@rusage ")
        maxrss, cpu = int(tail.split()[0]), float(tail.split()[1])
    return {"seconds": wall, "cpu_seconds": cpu, "exit": proc.returncode,
            "peak_rss_mb": maxrss / 1024 if rss else None, "stderr": stderr[-2000:]}


def line_filter(text: str) -> str:
    """The trivial baseline: split, strip, keep lines ending in sentence punctuation, join."""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if line and line[-1] in ".!?\"'”":
            out.append(line)
    return "\n".join(out)


def make_folder(root: str, pages: list[bytes], n: int) -> int:
    """``n`` files cycling through ``pages`` in six sub-folders; returns total bytes."""
    total = 0
    per = -(-n // 6)
    for i in range(n):
        sub = os.path.join(root, f"part{i // per:03d}")
        if i % per == 0:
            os.makedirs(sub, exist_ok=True)
        data = pages[i % len(pages)]
        with open(os.path.join(sub, f"page{i:05d}.txt"), "wb") as f:
            f.write(data)
        total += len(data)
    return total


def same_tree(a: str, b: str) -> bool:
    files_a = sorted(os.path.relpath(p, a) for p in glob.glob(os.path.join(a, "**", "*"), recursive=True) if os.path.isfile(p))
    files_b = sorted(os.path.relpath(p, b) for p in glob.glob(os.path.join(b, "**", "*"), recursive=True) if os.path.isfile(p))
    return files_a == files_b and all(_read(os.path.join(a, f)) == _read(os.path.join(b, f)) for f in files_a)


# --------------------------------------------------------------------------- figures


def bench_throughput(texts: list[str], sizes: list[int], cfg: dict) -> dict:
    import newsclean

    for t in texts[:5]:
        newsclean.clean(t)  # warm up: packs parsed, patterns compiled
    target = cfg["throughput_mb"] * MB
    order, total = [], 0
    while total < target:
        for i, n in enumerate(sizes):
            order.append(i)
            total += n
    t0, c0 = time.perf_counter(), time.process_time()
    for i in order:
        newsclean.clean(texts[i])
    lib, lib_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    for i in order:
        line_filter(texts[i])
    base, base_cpu = time.perf_counter() - t0, time.process_time() - c0
    lib_rate, base_rate = total / MB / lib, total / MB / base
    return {
        "mb": total / MB,
        "library_mb_s": lib_rate,
        "line_filter_mb_s": base_rate,
        "ratio_to_line_filter": lib_rate / base_rate,
        # CPU time of this process: what the figures would be on an idle machine.
        "library_cpu_mb_s": total / MB / lib_cpu,
        "ratio_to_line_filter_cpu": (total / MB / lib_cpu) / (total / MB / base_cpu),
        "targets": {"library_mb_s": ">= 12", "ratio_to_line_filter": ">= 0.06"},
        "ok": lib_rate >= 12 and lib_rate / base_rate >= 0.06,
    }


def bench_startup(cfg: dict) -> dict:
    founding = sorted(glob.glob(os.path.join(ROOT, "samples", "eir-*.raw.txt")))
    if not founding:
        return {"skipped": "no samples/eir-*.raw.txt"}
    cmd = newsclean_cmd() + [founding[0]]
    runs = cfg["startup_runs"]
    measure(cmd)  # warm the page cache and .pyc files
    ours, bare = [], []
    for _ in range(runs):  # interleaved, so that a burst of load hits both alike
        ours.append(measure(cmd))
        bare.append(measure([sys.executable, "-c", "pass"]))
    med, bare_med = statistics.median(r["seconds"] for r in ours), statistics.median(r["seconds"] for r in bare)
    cpu, bare_cpu = statistics.median(r["cpu_seconds"] for r in ours), statistics.median(r["cpu_seconds"] for r in bare)
    return {
        "runs": runs,
        "median_ms": med * 1000,
        "python_pass_median_ms": bare_med * 1000,
        "ratio_to_python": med / bare_med,
        "median_cpu_ms": cpu * 1000,
        "python_pass_median_cpu_ms": bare_cpu * 1000,
        "targets": {"median_ms": "<= 80", "ratio_to_python": "<= 7"},
        "ok": med <= 0.080 and med / bare_med <= 7,
    }


def bench_folder(tmp: str, pages: list[bytes], cfg: dict) -> dict:
    folder = os.path.join(tmp, "corpus")
    n = cfg["folder_files"]
    nbytes = make_folder(folder, pages, n)
    out1, out2 = os.path.join(tmp, "out1"), os.path.join(tmp, "out2")
    base = newsclean_cmd() + ["-q", folder, "-o"]
    # Interleaved, best of `folder_rounds`: other load on the machine only ever slows a run.
    runs1, runs2 = [], []
    for _ in range(cfg["folder_rounds"]):
        runs1.append(measure(base + [out1, "--jobs", "1"], rss=True))
        runs2.append(measure(base + [out2, "--jobs", "2"], rss=True))
        shutil.rmtree(out1) if _ < cfg["folder_rounds"] - 1 else None
        shutil.rmtree(out2) if _ < cfg["folder_rounds"] - 1 else None
    r1 = min(runs1, key=lambda r: r["seconds"])
    r2 = min(runs2, key=lambda r: r["seconds"])
    speedup = r1["seconds"] / r2["seconds"]
    return {
        "files": n,
        "mb": nbytes / MB,
        "jobs1_s": r1["seconds"],
        "jobs2_s": r2["seconds"],
        "rounds": cfg["folder_rounds"],
        "peak_rss_mb": [r1["peak_rss_mb"], r2["peak_rss_mb"]],
        "jobs1_mb_s": nbytes / MB / r1["seconds"],
        "jobs2_mb_s": nbytes / MB / r2["seconds"],
        "cpu_seconds": [r1["cpu_seconds"], r2["cpu_seconds"]],
        "speedup": speedup,
        "exit_codes": [r1["exit"], r2["exit"]],
        "outputs_equal": same_tree(out1, out2),
        "targets": {"speedup": ">= 1.6"},
        "ok": speedup >= 1.6 and r1["exit"] == 0 and r2["exit"] == 0,
        "_out": out1,
    }


def _jsonl_feeder(pages: list[bytes], limit: int):
    """A callable writing JSONL records (id, url, text) to a pipe until ``limit`` bytes."""
    tails = [
        json.dumps({"url": f"https://example.org/{i}", "text": p.decode("utf-8", "surrogateescape")},
                   ensure_ascii=True)[1:].encode() + b"\n"
        for i, p in enumerate(pages)
    ]

    def feed(pipe) -> None:
        written, i, buf = 0, 0, []
        size = 0
        while written < limit:
            rec = b'{"id": %d, ' % i + tails[i % len(tails)]
            buf.append(rec)
            size += len(rec)
            i += 1
            if size >= 1 << 20:
                pipe.write(b"".join(buf))
                written += size
                buf, size = [], 0
        if buf:
            pipe.write(b"".join(buf))

    return feed


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (worker processes too), from
    /proc; 0 where /proc cannot tell."""
    pids, total, i = [pid], 0, 0
    while i < len(pids):
        p = pids[i]
        i += 1
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    pids += [int(c) for c in f.read().split()]
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except (OSError, ValueError):
            pass
    return total / 1024


def measure_tree(cmd, *, feed) -> dict:
    """Run ``cmd`` fed by ``feed``; wall time and the peak of its whole process tree's
    resident memory, sampled every 20 ms (a pool's workers count, unlike ru_maxrss)."""
    peak = [0.0]
    done = threading.Event()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err)

        def sample() -> None:
            while not done.wait(0.02):
                peak[0] = max(peak[0], _tree_rss_mb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        t0 = time.perf_counter()
        sampler.start()
        _pump(feed, proc.stdin)
        proc.wait()
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return {"seconds": wall, "exit": proc.returncode, "peak_tree_rss_mb": peak[0], "stderr": stderr[-2000:]}


def bench_stream(pages: list[bytes], cfg: dict) -> dict:
    big = cfg["stream_mb"] * MB
    small = big // 8  # 8x more stream must not mean more memory
    cmd = newsclean_cmd() + ["--input-format", "jsonl", "--text-field", "text", "-"]
    # One process: the streaming design's own memory, flat or not.
    r_small = measure(cmd + ["--jobs", "1"], feed=_jsonl_feeder(pages, small), rss=True)
    r_big = measure(cmd + ["--jobs", "1"], feed=_jsonl_feeder(pages, big), rss=True)
    growth = r_big["peak_rss_mb"] - r_small["peak_rss_mb"]
    flat = growth <= max(10.0, 0.1 * r_small["peak_rss_mb"])
    # The default on this machine, a worker per core: speed, and all the processes' memory.
    jobs = os.cpu_count() or 1
    r_pool = measure_tree(cmd + ["--jobs", str(jobs)], feed=_jsonl_feeder(pages, small))
    return {
        "sizes_mb": [small / MB, big / MB],
        "peak_rss_mb": [r_small["peak_rss_mb"], r_big["peak_rss_mb"]],
        "seconds": [r_small["seconds"], r_big["seconds"]],
        "mb_s": [small / MB / r_small["seconds"], big / MB / r_big["seconds"]],
        "exit_codes": [r_small["exit"], r_big["exit"], r_pool["exit"]],
        "rss_growth_mb": growth,
        "pool": {"jobs": jobs, "mb": small / MB, "seconds": r_pool["seconds"],
                 "mb_s": small / MB / r_pool["seconds"], "speedup": r_small["seconds"] / r_pool["seconds"],
                 "peak_tree_rss_mb": r_pool["peak_tree_rss_mb"]},
        "targets": {"peak_rss_mb": "<= 200", "rss_growth_mb": "flat (<= max(10 MB, 10%))"},
        "ok": r_big["peak_rss_mb"] <= 200 and flat and r_big["exit"] == 0 and r_pool["exit"] == 0
              and r_pool["peak_tree_rss_mb"] <= 200,
        "stderr": r_big["stderr"] if r_big["exit"] else r_pool["stderr"] if r_pool["exit"] else "",
    }


def bench_learn(tmp: str) -> dict:
    folder = os.path.join(tmp, "corpus")
    parts = sorted(glob.glob(os.path.join(folder, "part*")))
    half = parts[: max(1, len(parts) // 2)]
    rows = []
    for label, paths in (("half", half), ("full", [folder])):
        nbytes = sum(os.path.getsize(p) for d in paths for p in glob.glob(os.path.join(d, "**", "*.txt"), recursive=True))
        r = measure(newsclean_cmd() + ["-q", "--learn-template", os.path.join(tmp, f"tpl-{label}.json")] + paths,
                    rss=True)
        rows.append({"mb": nbytes / MB, "seconds": r["seconds"], "mb_s": nbytes / MB / r["seconds"],
                     "peak_rss_mb": r["peak_rss_mb"], "exit": r["exit"]})
    # Linear: time grows like size (1.0); startup makes small inputs look slightly worse.
    scale = (rows[1]["seconds"] / rows[0]["seconds"]) / (rows[1]["mb"] / rows[0]["mb"])
    return {"runs": rows, "time_growth_per_size_growth": scale,
            "targets": {"time_growth_per_size_growth": "about 1 (linear); report MB/s and peak RSS"},
            "ok": scale <= 1.3 and all(r["exit"] == 0 for r in rows)}


def bench_precommit(tmp: str, clean_tree: str, cfg: dict) -> dict:
    files = sorted(glob.glob(os.path.join(clean_tree, "**", "*.txt"), recursive=True))[: cfg["precommit_files"]]
    if not files:
        return {"skipped": "no cleaned files"}
    dest = os.path.join(tmp, "precommit")
    os.makedirs(dest)
    names = []
    for i, f in enumerate(files):
        name = os.path.join(dest, f"clean{i:05d}.txt")
        shutil.copyfile(f, name)
        names.append(name)
    before = {n: _read(n) for n in names}
    cmd = newsclean_cmd() + ["--in-place"] + names
    runs = [measure(cmd, env={"PRE_COMMIT": "1"}) for _ in range(3)]
    changed = sum(1 for n in names if _read(n) != before[n])
    secs = statistics.median(r["seconds"] for r in runs)
    return {
        "files": len(names),
        "median_s": secs,
        "files_s": len(names) / secs,
        "exit_codes": [r["exit"] for r in runs],
        "files_changed_by_first_run": changed,
        "targets": {"median_s": "report (exit 0, no file changed: cleaning is idempotent)"},
        "ok": changed == 0 and all(r["exit"] == 0 for r in runs),
    }


def hostile_inputs(cfg: dict) -> dict[str, str]:
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 40)
    no_nl = (words * (cfg["no_newline_mb"] * MB // len(words) + 1))[: cfg["no_newline_mb"] * MB]
    article = "This is an ordinary sentence of the article around the hostile line.\n"
    return {
        "50,000-space line": article + " " * 50_000 + "\n" + article,
        f"{cfg['no_newline_mb']} MB without newline": no_nl,
        "100,000 '|'": "|" * 100_000,
        "100,000 '|' between words": "home " + "| " * 100_000 + "share",
        "repeated punctuation (200,000 '.!?')": article + ".!?" * 66_667 + "\n",
        "100,000 '[' (image names)": "[" * 100_000 + "\n" + article,
        "copyright + 100,000 words": "Copyright " + "a " * 100_000,
        "combining marks (100,000 on one letter)": "a" + "\u0301" * 100_000 + "\n" + article,
        "100,000 lines of one word": "Home\n" * 100_000,
        "100,000 '_' (form field)": "Search " + "_" * 100_000 + " Go",
    }


def bench_hostile(cfg: dict) -> dict:
    import newsclean

    rows = {}
    for name, text in hostile_inputs(cfg).items():
        t0, c0 = time.perf_counter(), time.process_time()
        newsclean.clean(text)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows[name] = {"chars": len(text), "seconds": secs, "cpu_seconds": cpu,
                      "mb_s": len(text.encode("utf-8")) / MB / secs}
    worst = max(r["seconds"] for r in rows.values())
    return {"inputs": rows, "worst_s": worst, "targets": {"worst_s": "report (linear, no blow-up)"}, "ok": True}


# Hostile documents: big inputs of the shapes that cost most per MB. Targets (issue 11,
# item 26): CPU time per MB within 3x of a typical page's, measured in the same run, and
# peak memory at most 10x the document.
TIME_RATIO = 3.0
RSS_RATIO = 10.0
_WORDS = ("Home", "News", "World", "Sport", "Business", "Weather", "Opinion", "Video", "Share",
          "Login", "Register", "Search", "Contact", "Archive", "Subscribe", "Podcasts", "More")
_PROSE = ("the council said on monday that the new ferry would enter service in the spring after "
          "a winter of trials and the harbour master welcomed the decision which had been expected "
          "for several years by the islanders who depend on the crossing for work and school ").split()
_CJK = ("市议会周二表示新的渡轮将在春季投入运营。", "港务长欢迎这一决定，岛上居民多年来一直期待。",
        "首页", "新闻", "体育", "天气", "更多", "登录")


def _sized(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` UTF-8 bytes, cut at a line end."""
    per = len(unit.encode("utf-8"))
    out = (unit * (size // per + 1))[: size * len(unit) // per]
    return out[: out.rfind("\n") + 1] or out


def _hyphen_wrapped(size: int) -> str:
    """Prose hard-wrapped at 60 columns, every line ending inside a word with a hyphen."""
    out, n, line, i = [], 0, "", 0
    while n < size:
        word = _PROSE[i % len(_PROSE)] + ("," if i % 11 == 10 else "")
        i += 1
        if len(line) + len(word) + 1 <= 60:
            line = f"{line} {word}" if line else word
            continue
        cut = max(2, len(word) // 2)
        out.append(f"{line} {word[:cut]}-")
        n += len(out[-1]) + 1
        line = word[cut:]
    return "\n".join(out) + "\n"


def hostile_documents(cfg: dict, pages: list[bytes]) -> dict[str, tuple[str, str]]:
    """Name -> (input format, text) of each hostile document, ``hostile_mb`` MB each."""
    size = int(cfg["hostile_mb"] * MB)
    real = "\n\n".join(p.decode("utf-8", "replace") for p in pages)
    real = _sized(real if real.endswith("\n") else real + "\n", size)
    varied = "".join(w + "\n" for w in _WORDS)
    cjk = "".join(c + "\n" for c in _CJK)
    mb = f"{cfg['hostile_mb']:g} MB"
    return {
        f"{mb} of real pages, one document": ("text", real),
        f"{mb} of one-word lines ('Home')": ("text", _sized("Home\n", size)),
        f"{mb} of one-word lines (varied)": ("text", _sized(varied, size)),
        f"{mb} of hyphen-wrapped lines": ("text", _hyphen_wrapped(size)),
        f"{mb} of CJK lines": ("text", _sized(cjk, size)),
        f"{mb} JSONL record of real pages": ("jsonl", json.dumps({"id": 1, "text": real}, ensure_ascii=False) + "\n"),
    }


_TYPICAL = (
    "import sys, time, newsclean\n"
    "texts = [open(p, encoding='utf-8', errors='surrogateescape').read() for p in sys.argv[1:]]\n"
    "for t in texts[:3]: newsclean.clean(t)\n"
    "c0 = time.process_time()\n"
    "for t in texts: newsclean.clean(t)\n"
    "print(time.process_time() - c0, sum(len(t.encode('utf-8', 'surrogateescape')) for t in texts))\n"
)


def bench_documents(tmp: str, pages: list[bytes], cfg: dict) -> dict:
    """Each hostile document cleaned by ``newsclean FILE`` in a child of its own: CPU
    seconds per MB against a typical page's (the corpus pages one by one, CPU time of a
    child), and the child's peak RSS against the document's size."""
    folder = os.path.join(tmp, "typical")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i, page in enumerate(pages):
        paths.append(os.path.join(folder, f"{i}.txt"))
        with open(paths[-1], "wb") as f:
            f.write(page)
    out = subprocess.run([sys.executable, "-c", _TYPICAL, *paths], capture_output=True, text=True, check=True)
    shutil.rmtree(folder)
    cpu, nbytes = (float(x) for x in out.stdout.split())
    typical = cpu / (nbytes / MB)
    rows, ok = {}, True
    for name, (fmt, text) in hostile_documents(cfg, pages).items():
        path = os.path.join(tmp, "hostile.txt")
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        res = measure([*newsclean_cmd(), "-q", "--input-format", fmt, path], rss=True)
        mb = len(data) / MB
        row = {"mb": mb, "seconds": res["seconds"], "cpu_seconds": res["cpu_seconds"], "exit": res["exit"],
               "s_per_mb": res["cpu_seconds"] / mb, "peak_rss_mb": res["peak_rss_mb"]}
        row["time_ratio"] = row["s_per_mb"] / typical
        row["rss_ratio"] = row["peak_rss_mb"] / mb
        row["ok"] = res["exit"] == 0 and row["time_ratio"] <= TIME_RATIO and row["rss_ratio"] <= RSS_RATIO
        ok = ok and row["ok"]
        rows[name] = row
        os.unlink(path)
    return {"typical_s_per_mb": typical, "typical_mb": nbytes / MB, "inputs": rows, "ok": ok,
            "targets": {"time_ratio": f"<= {TIME_RATIO:g}", "rss_ratio": f"<= {RSS_RATIO:g}"}}


def _hostile(tmp: str, pages: list[bytes], cfg: dict) -> dict:
    res = bench_hostile(cfg)
    res["documents"] = docs = bench_documents(tmp, pages, cfg)
    res["ok"] = docs["ok"]
    res["targets"].update(docs["targets"])
    return res


# --------------------------------------------------------------------------- report


def _git(*args) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def report(name: str, res: dict) -> None:
    if "skipped" in res:
        print(f"  {name}: skipped ({res['skipped']})")
        return
    mark = "ok " if res.get("ok") else "LOW"
    print(f"[{mark}] {name}")
    tg = res.get("targets", {})
    if name == "throughput":
        print(f"      library       {res['library_mb_s']:8.2f} MB/s   target {tg['library_mb_s']} MB/s  ({res['mb']:.0f} MB through newsclean.clean)")
        print(f"      line filter   {res['line_filter_mb_s']:8.2f} MB/s")
        print(f"      ratio         {res['ratio_to_line_filter']:8.3f}        target {tg['ratio_to_line_filter']}")
        print(f"      (CPU time: library {res['library_cpu_mb_s']:.2f} MB/s, ratio {res['ratio_to_line_filter_cpu']:.3f})")
    elif name == "startup":
        print(f"      newsclean FILE {res['median_ms']:7.1f} ms     target {tg['median_ms']} ms  (median of {res['runs']})")
        print(f"      python -c pass {res['python_pass_median_ms']:7.1f} ms")
        print(f"      ratio          {res['ratio_to_python']:7.2f}        target {tg['ratio_to_python']}")
        print(f"      (CPU time: newsclean {res['median_cpu_ms']:.1f} ms, python -c pass {res['python_pass_median_cpu_ms']:.1f} ms)")
    elif name == "folder":
        print(f"      {res['files']} files, {res['mb']:.1f} MB: --jobs 1 {res['jobs1_s']:.2f} s ({res['jobs1_mb_s']:.1f} MB/s), "
              f"--jobs 2 {res['jobs2_s']:.2f} s ({res['jobs2_mb_s']:.1f} MB/s)")
        print(f"      speedup       {res['speedup']:8.2f}x       target {tg['speedup']}x   (best of {res['rounds']}; outputs equal: {res['outputs_equal']})")
    elif name == "stream":
        for size, rss, secs, rate in zip(res["sizes_mb"], res["peak_rss_mb"], res["seconds"], res["mb_s"]):
            print(f"      {size:7.0f} MB JSONL on stdin, --jobs 1: peak RSS {rss:6.1f} MB   {secs:6.1f} s  ({rate:.1f} MB/s)   target <= 200 MB")
        print(f"      RSS growth    {res['rss_growth_mb']:+8.1f} MB      target flat   exit codes {res['exit_codes']}")
        pool = res["pool"]
        print(f"      {pool['mb']:7.0f} MB JSONL on stdin, --jobs {pool['jobs']}: all processes' peak RSS "
              f"{pool['peak_tree_rss_mb']:6.1f} MB   {pool['seconds']:6.1f} s  ({pool['mb_s']:.1f} MB/s, "
              f"{pool['speedup']:.2f}x --jobs 1)")
        if res.get("stderr"):
            print("      stderr: " + res["stderr"].strip().replace("\n", "\n              "))
    elif name == "learn":
        for label, r in zip(("half", "full"), res["runs"]):
            print(f"      {label}: {r['mb']:6.1f} MB  {r['seconds']:6.2f} s  {r['mb_s']:6.1f} MB/s  peak RSS {r['peak_rss_mb']:6.1f} MB")
        print(f"      time growth / size growth {res['time_growth_per_size_growth']:.2f}   target ~1 (linear)")
    elif name == "precommit":
        print(f"      {res['files']} already-clean files, --in-place, PRE_COMMIT=1: {res['median_s']:.2f} s "
              f"({res['files_s']:.0f} files/s, median of 3); files changed: {res['files_changed_by_first_run']}")
    elif name == "hostile":
        for label, r in res["inputs"].items():
            print(f"      {label:42s} {r['seconds'] * 1000:9.1f} ms   (CPU {r['cpu_seconds'] * 1000:.1f} ms)")
        docs = res["documents"]
        print(f"      documents, each by `newsclean FILE` in a child: CPU s/MB against a typical page's "
              f"({docs['typical_s_per_mb']:.2f} s/MB, {docs['typical_mb']:.2f} MB of pages one by one), target "
              f"{docs['targets']['time_ratio']}; peak RSS against the input, target {docs['targets']['rss_ratio']}")
        for label, r in docs["inputs"].items():
            mark = "ok " if r["ok"] else "LOW"
            print(f"      [{mark}] {label:36s} {r['s_per_mb']:6.2f} s/MB {r['time_ratio']:5.1f}x   "
                  f"peak RSS {r['peak_rss_mb']:7.1f} MB {r['rss_ratio']:6.1f}x   (wall {r['seconds']:.1f} s, exit {r['exit']})")


ALL = ("throughput", "startup", "folder", "stream", "learn", "precommit", "hostile")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder holding eval/dev (default: none, use samples/)")
    ap.add_argument("--quick", action="store_true", help="small sizes: checks the script runs, figures mean little")
    ap.add_argument("--only", help="comma-separated subset of: " + ", ".join(ALL))
    ap.add_argument("--stream-mb", type=int, help="size of the larger JSONL stream (the smaller is an eighth)")
    ap.add_argument("--hostile-mb", type=float, help="size of each hostile document (default 10, --quick 0.2)")
    ap.add_argument("--out", default=os.path.join(HERE, "results"), help="folder for the JSON results")
    args = ap.parse_args(argv)

    cfg = dict(QUICK if args.quick else FULL)
    if args.stream_mb:
        cfg["stream_mb"] = args.stream_mb
    if args.hostile_mb:
        cfg["hostile_mb"] = args.hostile_mb
    only = [s.strip() for s in args.only.split(",")] if args.only else list(ALL)
    unknown = set(only) - set(ALL)
    if unknown:
        ap.error(f"unknown figure(s): {', '.join(sorted(unknown))}")

    corpus_label, pages = load_corpus(args.shared)
    texts = [p.decode("utf-8", "surrogateescape") for p in pages]
    sizes = [len(p) for p in pages]
    meta = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "corpus": corpus_label,
        "corpus_mb": sum(sizes) / MB,
        "quick": args.quick,
        "config": cfg,
        "loadavg_start": os.getloadavg(),
    }
    print(f"newsclean benchmarks  commit {meta['commit']}{' (dirty)' if meta['dirty'] else ''}  "
          f"python {meta['python']}  {meta['cpus']} cpus  {'QUICK ' if args.quick else ''}")
    print(f"corpus: {corpus_label}, {meta['corpus_mb']:.1f} MB; load average {meta['loadavg_start'][0]:.1f} "
          f"(figures assume an otherwise idle machine)")
    results: dict = {"meta": meta}
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        steps = {
            "throughput": lambda: bench_throughput(texts, sizes, cfg),
            "startup": lambda: bench_startup(cfg),
            "folder": lambda: bench_folder(tmp, pages, cfg),
            "stream": lambda: bench_stream(pages, cfg),
            "learn": lambda: bench_learn(tmp),
            "precommit": lambda: bench_precommit(tmp, results.get("folder", {}).get("_out", ""), cfg),
            "hostile": lambda: _hostile(tmp, pages, cfg),
        }
        for name in ALL:
            if name not in only:
                continue
            if name in ("learn", "precommit") and "folder" not in results:
                results["folder"] = bench_folder(tmp, pages, cfg)  # they need its folder
                report("folder", results["folder"])
            res = steps[name]()
            results[name] = res
            report(name, res)
            sys.stdout.flush()
    results.get("folder", {}).pop("_out", None)
    meta["seconds"] = time.perf_counter() - t_start
    meta["loadavg_end"] = os.getloadavg()
    os.makedirs(args.out, exist_ok=True)
    stamp = meta["when"].replace(":", "").replace("-", "")
    for name in (f"{stamp}.json", "latest.json"):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
            f.write("\n")
    print(f"done in {meta['seconds']:.0f} s, load average {meta['loadavg_end'][0]:.1f}; results in {os.path.relpath(os.path.join(args.out, 'latest.json'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
