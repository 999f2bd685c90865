"""Where belnews spends its time: run ``python benchmarks/profile.py`` from the project root.

It parses the benchmark corpus (the same articles as ``bench.py``) with ``cProfile`` on,
one profiler per stage (clean, actors, quotes, dates, quantities, events), so every
function's time is charged to the stage that called it. It prints:

- the cost of each stage in ms per article, measured without the profiler (the profiler
  slows Python code more than C code, so its own figures are only for ranking);
- per stage, the top functions by cumulative time and by own time;
- the overall hot spots: belnews functions (``file:line``) ranked by their own time plus the
  time of the C functions they call directly (``regex`` matching, ``str`` methods), which
  is where an optimisation would act.

Options: ``--articles N`` (corpus size, default 240), ``--top N`` (rows per table, default
10), ``--stage NAME`` (print only that stage's tables), ``--save FILE`` (write the merged
profile for ``python -m pstats`` or snakeviz), ``--sample`` (also run the corpus under the
sampling profiler py-spy, when installed: ``pip install py-spy``).

cProfile adds a fixed cost to every Python call, so it overstates functions called very
often (a helper called 500,000 times); the sampled view has no such bias, and its "hot
lines" name the exact line of ours that was running, library and C calls below it included.
Trust the sampled shares for where to optimise; use cProfile's counts to see why.

This file is named ``profile.py`` as the issue asks, which is also the name of a standard
module that ``cProfile`` imports; so the script takes its own folder off ``sys.path``
before importing ``cProfile``, and loads ``bench.py`` by path.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Our folder first on sys.path would make ``import profile`` (inside cProfile) load this file.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import importlib.util  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

STAGES = ("clean", "actors", "quotes", "dates", "quantities", "events")
PUBLISHED = "2020-09-14"

#: (file, line, function name), as pstats keys its entries.
Func = tuple[str, int, str]


def load_bench() -> ModuleType:
    """``benchmarks/bench.py`` as a module, for its corpus."""
    spec = importlib.util.spec_from_file_location("belnews_bench", HERE / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stage_calls() -> dict[str, Callable[..., Any]]:
    from belnews.actors import find_actors
    from belnews.clean import clean_article
    from belnews.dates import find_dates
    from belnews.events import find_events
    from belnews.quantities import find_quantities
    from belnews.quotes import find_quotes

    return {
        "clean": clean_article,
        "actors": find_actors,
        "quotes": find_quotes,
        "dates": find_dates,
        "quantities": find_quantities,
        "events": find_events,
    }


#: Calls ``stage``'s function with these arguments and returns what it returns.
Timer = Callable[..., Any]


def run_stages(texts: list[str], timer: Timer, ref: Any) -> None:
    """Call the stages over ``texts`` as ``parse_article`` does, each through ``timer``."""
    call = stage_calls()
    for text in texts:
        doc = timer("clean", call["clean"], text)
        actors = timer("actors", call["actors"], doc)
        timer("quotes", call["quotes"], doc, actors)
        dates = timer("dates", call["dates"], doc, ref)
        quantities = timer("quantities", call["quantities"], doc)
        timer("events", call["events"], doc, actors, dates, quantities, published=ref)


def wall_ms(texts: list[str], ref: Any, repeat: int = 3) -> tuple[dict[str, float], dict[str, float]]:
    """Milliseconds per article and stage, no profiler, best of ``repeat`` passes: wall-clock
    time, and this process's CPU time (which other programs on a busy machine inflate less)."""
    best = dict.fromkeys(STAGES, float("inf"))
    best_cpu = dict.fromkeys(STAGES, float("inf"))
    for _ in range(repeat):
        spent = dict.fromkeys(STAGES, 0.0)
        cpu = dict.fromkeys(STAGES, 0.0)

        def timer(stage: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.process_time()
            out = fn(*args, **kwargs)
            spent[stage] += time.perf_counter() - start  # noqa: B023 (called within the pass)
            cpu[stage] += time.process_time() - start_cpu  # noqa: B023
            return out

        run_stages(texts, timer, ref)
        for stage in STAGES:
            best[stage] = min(best[stage], spent[stage] / len(texts) * 1000)
            best_cpu[stage] = min(best_cpu[stage], cpu[stage] / len(texts) * 1000)
    return best, best_cpu


def profiles(texts: list[str], ref: Any) -> dict[str, cProfile.Profile]:
    """One profiler per stage, switched on only while that stage runs."""
    profilers = {stage: cProfile.Profile() for stage in STAGES}

    def timer(stage: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        profiler = profilers[stage]
        profiler.enable()
        try:
            return fn(*args, **kwargs)
        finally:
            profiler.disable()

    run_stages(texts, timer, ref)
    return profilers


def where(func: Func) -> str:
    """``belnews/actors.py:120 find_actors``, or the C function's name for built-ins."""
    file, line, name = func
    if file == "~":
        return name
    path = Path(file)
    for base in (ROOT, Path(sys.prefix)):
        try:
            return f"{path.relative_to(base)}:{line} {name}"
        except ValueError:
            continue
    parts = path.parts
    if "site-packages" in parts:
        return f"{Path(*parts[parts.index('site-packages') + 1 :])}:{line} {name}"
    return f"{file}:{line} {name}"


def is_belnews(func: Func) -> bool:
    return "belnews" in Path(func[0]).parts and "benchmarks" not in Path(func[0]).parts


def own_with_c_calls(stats: pstats.Stats) -> dict[Func, float]:
    """Own time of each Python function plus the C functions it calls directly.

    cProfile books ``pattern.finditer`` or ``str.split`` as functions of their own; charging
    their time back to the caller shows which line of ours pays for it.
    """
    raw: dict[Func, Any] = stats.stats  # type: ignore[attr-defined]
    total: dict[Func, float] = defaultdict(float)
    for func, (_cc, _nc, tt, _ct, callers) in raw.items():
        if func[0] == "~":
            for caller, (_c, _n, caller_tt, _t) in callers.items():
                total[caller] += caller_tt
        else:
            total[func] += tt
    return total


def table(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"\n{title}")
    for value, name in rows:
        print(f"  {value:>10}  {name}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=240, help="corpus size (default 240)")
    ap.add_argument("--top", type=int, default=10, help="rows per table (default 10)")
    ap.add_argument("--stage", choices=STAGES, help="print only this stage's tables")
    ap.add_argument("--save", type=Path, help="write the merged profile here (pstats format)")
    ap.add_argument(
        "--sample",
        action="store_true",
        help="also sample with py-spy (pip install py-spy), which does not slow small functions",
    )
    ap.add_argument("--parse-only", action="store_true", help=argparse.SUPPRESS)  # py-spy's target
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))

    import belnews
    from belnews.pipeline import parse_published

    texts = load_bench().corpus(args.articles)
    ref = parse_published(PUBLISHED)
    belnews.parse_article(texts[0], published=PUBLISHED)  # warm: tables and dateparser loaded
    if args.parse_only:
        parse_rounds(texts, 3)
        return 0
    ms, cpu_ms = wall_ms(texts, ref)
    profilers = profiles(texts, ref)
    per_stage = {stage: pstats.Stats(p) for stage, p in profilers.items()}

    n = len(texts)
    total_ms = sum(ms.values())
    words = sum(len(t.split()) for t in texts) / n
    print(f"belnews {belnews.__version__}, Python {sys.version.split()[0]}")
    print(f"{n} articles, {words:.0f} words each on average; no profiler: {total_ms:.2f} ms/article")
    print(f"({1000 / total_ms:.0f} articles/s through the stages alone)\n")
    total_cpu = sum(cpu_ms.values())
    print(f"  {'stage':<11} {'ms/article':>10} {'share':>6} {'CPU ms':>7}   profiled ms/article")
    for stage in STAGES:
        profiled = per_stage[stage].total_tt / n * 1000  # type: ignore[attr-defined]
        print(
            f"  {stage:<11} {ms[stage]:>10.2f} {ms[stage] / total_ms:>6.0%} {cpu_ms[stage]:>7.2f}"
            f"   {profiled:.2f}"
        )
    print(f"  {'total':<11} {total_ms:>10.2f} {'':>6} {total_cpu:>7.2f}")

    top = args.top
    for stage in STAGES if args.stage is None else (args.stage,):
        raw: dict[Func, Any] = {
            f: v
            for f, v in per_stage[stage].stats.items()  # type: ignore[attr-defined]
            if Path(f[0]).resolve() != Path(__file__).resolve()  # our own timer
        }
        by_cum = sorted(raw.items(), key=lambda kv: kv[1][3], reverse=True)[:top]
        by_own = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
        print(f"\n== {stage}: {ms[stage]:.2f} ms/article ==")
        table(
            f"cumulative (ms/article, profiled), top {top}",
            [(f"{v[3] / n * 1000:.3f}", f"{where(f)}  ({v[1]} calls)") for f, v in by_cum],
        )
        table(
            f"own time (ms/article, profiled), top {top}",
            [(f"{v[2] / n * 1000:.3f}", f"{where(f)}  ({v[1]} calls)") for f, v in by_own],
        )

    merged = pstats.Stats(*profilers.values())
    if args.stage is None:
        spots: dict[Func, float] = defaultdict(float)
        stage_of: dict[Func, set[str]] = defaultdict(set)
        for stage, stats in per_stage.items():
            for func, took in own_with_c_calls(stats).items():
                if is_belnews(func):
                    spots[func] += took
                    stage_of[func].add(stage)
        profiled_total = sum(s.total_tt for s in per_stage.values())  # type: ignore[attr-defined]
        ranked = sorted(spots.items(), key=lambda kv: kv[1], reverse=True)[:top]
        table(
            f"HOT SPOTS: belnews functions by own time + the C calls they make, top {top} "
            "(ms/article, profiled; share of all profiled time)",
            [
                (
                    f"{took / n * 1000:.3f}",
                    f"{took / profiled_total:>4.0%}  {where(f)}  [{', '.join(sorted(stage_of[f]))}]",
                )
                for f, took in ranked
            ],
        )
    if args.save:
        merged.dump_stats(str(args.save))
        print(f"\nprofile written to {args.save} (python -m pstats {args.save})")
    if args.sample:
        sample(args.articles, top)
    return 0


def parse_rounds(texts: list[str], rounds: int) -> None:
    """What py-spy samples: the corpus parsed ``rounds`` times, tables already warm."""
    import belnews

    for _ in range(rounds):
        for text in texts:
            belnews.parse_article(text, published=PUBLISHED)


def sample(articles: int, top: int) -> None:
    """Run ``parse_article`` over the corpus under py-spy and print where the samples fall."""
    import shutil
    import subprocess
    import tempfile
    from collections import Counter

    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        print("\npy-spy is not installed (pip install py-spy): no sampled profile")
        return
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "samples.txt"
        target = [sys.executable, __file__, "--parse-only", "--articles", str(articles)]
        subprocess.run(
            [spy, "record", "--rate", "250", "--format", "raw", "--output", str(raw), "--", *target],
            check=True,
            capture_output=True,
        )
        lines = raw.read_text(encoding="utf-8").splitlines()
    entry = {
        "clean_article": "clean",
        "find_actors": "actors",
        "find_quotes": "quotes",
        "find_dates": "dates",
        "find_quantities": "quantities",
        "find_events": "events",
    }
    stages: Counter[str] = Counter()
    spots: Counter[str] = Counter()
    functions: Counter[str] = Counter()
    for line in lines:
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not any(f.startswith("parse_rounds (") for f in frames):
            continue  # start-up and the warm-up call (tables and patterns loading)
        n = int(count)
        stage = next((entry[f.split(" (")[0]] for f in frames if f.split(" (")[0] in entry), "pipeline")
        stages[stage] += n
        # The innermost frame of ours: library and C time below it is charged to that line.
        ours = next((f for f in reversed(frames) if "(belnews/" in f), None)
        if ours is not None:
            name, _, place = ours.partition(" (")
            spots[f"{place.rstrip(')')} {name}  [{stage}]"] += n
            functions[f"{name} ({place.split(':')[0]})  [{stage}]"] += n
    total = sum(stages.values()) or 1
    print(f"\nSAMPLED with py-spy ({total} samples of warm parse_article calls, 250/s): share per stage")
    for stage, n in stages.most_common():
        print(f"  {stage:<11} {n / total:>6.1%}")
    table(
        f"SAMPLED hot lines (innermost belnews line, library calls below it included), top {top}",
        [(f"{n / total:.1%}", spot) for spot, n in spots.most_common(top)],
    )
    table(
        f"SAMPLED hot functions (self + library calls), top {top}",
        [(f"{n / total:.1%}", fn) for fn, n in functions.most_common(top)],
    )


if __name__ == "__main__":
    sys.exit(main())
