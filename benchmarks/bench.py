"""How fast belnews is: run ``python benchmarks/bench.py`` from the project root.

It parses a corpus of at least 200 articles (``examples/*.txt`` and, when present,
``../shared/seeds/*.txt``, repeated with a numbered headline so no two texts are equal) and
prints each figure next to its goal. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "2020-09-14"


def corpus(minimum: int) -> list[str]:
    """The benchmark's articles: the project's own and the seeds, varied up to ``minimum``."""
    paths = sorted((ROOT / "examples").glob("*.txt")) + sorted(
        (ROOT.parent / "shared" / "seeds").glob("*.txt")
    )
    base = [p.read_text(encoding="utf-8") for p in paths]
    if not base:
        sys.exit("no articles found under examples/ or ../shared/seeds/")
    out = []
    for n in range(max(minimum, len(base))):
        title, _, body = base[n % len(base)].partition("\n")
        out.append(f"{title} ({n})\n{body}")
    return out


def fresh_env() -> dict[str, str]:
    """The environment of the fresh interpreters: bytecode may be written and read, as after
    ``pip install`` (which compiles it), even where PYTHONDONTWRITEBYTECODE is set here."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def fresh(code: str, where: Path, store: str | None = None) -> str:
    """Run ``code`` in a new interpreter (cold caches) in folder ``where``; return what it prints.

    ``store`` is its ``BELNEWS_CACHE_DIR``, the folder of compiled patterns (the default one
    when None)."""
    env = fresh_env() if store is None else {**fresh_env(), "BELNEWS_CACHE_DIR": store}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=where, env=env)
    if done.returncode:
        sys.exit(f"a fresh interpreter failed:\n{done.stderr}")
    return done.stdout.strip()


def import_ms(where: Path) -> float:
    """``import belnews`` in a fresh interpreter, by ``-X importtime`` (median of 5)."""
    runs = []
    fresh("import belnews", where)  # untimed: writes the bytecode a normal install already has
    for _ in range(5):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import belnews"],
            capture_output=True,
            text=True,
            check=True,
            cwd=where,
            env=fresh_env(),
        ).stderr
        line = next(x for x in err.splitlines() if x.rstrip().endswith("| belnews"))
        runs.append(int(line.split("|")[1]) / 1000)
    return statistics.median(runs)


def first_call_ms(text: str, where: Path) -> tuple[float, float]:
    """The first ``parse_article`` in a fresh interpreter, data and dateparser loading included.

    Two figures (medians of 3): with the compiled patterns a previous process stored (every
    process after a machine's first), and with an empty store (the first process ever)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "article.txt"
        path.write_text(text, encoding="utf-8")
        code = (
            "import time, belnews\n"
            f"text = open({str(path)!r}, encoding='utf-8').read()\n"
            "t = time.perf_counter()\n"
            f"belnews.parse_article(text, published={PUBLISHED!r})\n"
            "print(time.perf_counter() - t)\n"
        )
        store = str(Path(scratch) / "store")
        fresh(code, where, store)  # untimed: writes the bytecode of every module the first call imports
        stored = statistics.median(float(fresh(code, where, store)) * 1000 for _ in range(3))
        empty = [str(Path(scratch) / f"empty{n}") for n in range(3)]
        first_ever = statistics.median(float(fresh(code, where, folder)) * 1000 for folder in empty)
        return stored, first_ever


def unseen_rate(where: Path, warm: list[str]) -> tuple[float, int]:
    """Articles/s over articles the process has not parsed before: the project's own
    evaluation articles under tests/fixtures, once each, in a fresh interpreter that has
    parsed the benchmark's own articles once (as a long run has met the common words: the
    patterns compiled per trigger word and per line start are then mostly in place, while
    the names and lines of each new article are still new)."""
    paths = sorted(str(p) for p in (ROOT / "tests" / "fixtures").glob("heldout*/articles/*.txt"))
    if not paths:
        return 0.0, 0
    code = (
        "import time, belnews\n"
        f"for x in {warm!r}:\n"
        f"    belnews.parse_article(x, published={PUBLISHED!r})\n"
        f"texts = [open(p, encoding='utf-8').read() for p in {paths!r}]\n"
        "t = time.process_time()\n"
        "for x in texts:\n"
        f"    belnews.parse_article(x, published={PUBLISHED!r})\n"
        "print(len(texts) / (time.process_time() - t))\n"
    )
    fresh(code, where)  # untimed: bytecode
    return statistics.median(float(fresh(code, where)) for _ in range(3)), len(paths)


def _parse_share(texts: list[str]) -> int:
    import belnews

    for text in texts:
        belnews.parse_article(text, published=PUBLISHED)
    return len(texts)


def independent_seconds(texts: list[str], workers: int) -> float:
    """Wall time of ``workers`` processes each parsing an equal share of ``texts`` with nothing
    sent back: what this machine allows N processes of this work, the ceiling for parse_many
    (cores shared with other tenants, or sharing their caches, give less than N)."""
    from concurrent.futures import ProcessPoolExecutor

    shares = [texts[k::workers] for k in range(workers)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        sum(pool.map(_parse_share, shares))
    return time.perf_counter() - start


def reference_ms() -> float:
    """A fixed pure-Python workload (string, dict and list work, as a parser does), best of 5:
    the machine's speed at the moment, so figures taken at different times can be compared."""

    def work() -> int:
        seen: dict[str, int] = {}
        words = ("Minsk protest Lukashenko said thousands of people marched on Sunday " * 40).split()
        for n in range(60):
            for w in words:
                key = w.casefold()
                seen[key] = seen.get(key, 0) + n
        return len(seen)

    return best(work, 5) * 1000


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def stage_seconds(texts: list[str]) -> dict[str, float]:
    """Time per stage over the corpus, calling the stages as ``parse_article`` does."""
    from belnews.actors import find_actors
    from belnews.clean import clean_article
    from belnews.dates import find_dates
    from belnews.events import find_events
    from belnews.pipeline import parse_published
    from belnews.quantities import find_quantities
    from belnews.quotes import find_quotes

    ref = parse_published(PUBLISHED)
    spent = dict.fromkeys(("clean", "actors", "quotes", "dates", "quantities", "events"), 0.0)
    for text in texts:
        t0 = time.perf_counter()
        doc = clean_article(text)
        t1 = time.perf_counter()
        actors = find_actors(doc)
        t2 = time.perf_counter()
        find_quotes(doc, actors)
        t3 = time.perf_counter()
        dates = find_dates(doc, ref)
        t4 = time.perf_counter()
        quantities = find_quantities(doc)
        t5 = time.perf_counter()
        find_events(doc, actors, dates, quantities, published=ref)
        t6 = time.perf_counter()
        for name, took in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
            spent[name] += took
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=240, help="corpus size (at least 200; default 240)")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parse_many figure")
    ap.add_argument(
        "--installed",
        action="store_true",
        help="measure the belnews installed in this environment (say, the compiled build), "
        "not the source tree beside this script",
    )
    args = ap.parse_args()
    if not args.installed:
        sys.path.insert(0, str(ROOT))

    texts = corpus(max(args.articles, 200))
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as elsewhere:
        where = Path(elsewhere) if args.installed else ROOT
        cold_import = import_ms(where)
        cold_first, first_ever = first_call_ms(texts[-1], where)
        unseen, n_unseen = unseen_rate(where, texts[: len(set(t.partition("\n")[2] for t in texts))])

    import belnews
    from belnews.parallel import parse_many

    belnews.parse_article(texts[0], published=PUBLISHED)  # warm: tables and dateparser loaded
    one_core = best(lambda: [belnews.parse_article(t, published=PUBLISHED) for t in texts], 3)
    stages = stage_seconds(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    sample = max(texts[1:6], key=len)  # a seed-sized article
    title, _, body = sample.partition("\n")
    long = title + "\n" + "\n\n".join([body] * 100)
    short_s = best(lambda: belnews.parse_article(sample, published=PUBLISHED), 10)
    long_s = best(lambda: belnews.parse_article(long, published=PUBLISHED), 2)
    ratio = long_s / short_s

    serial = best(lambda: list(parse_many(texts, published=PUBLISHED, workers=1)), 2)
    pooled = best(lambda: list(parse_many(texts, published=PUBLISHED, workers=args.workers)), 2)
    ceiling = best(lambda: independent_seconds(texts, args.workers), 2)
    reference = reference_ms()

    rate = len(texts) / one_core
    rows = [
        ("articles", f"{len(texts)} ({words / len(texts):.0f} words each on average)", ""),
        ("articles/s, one core", f"{rate:.0f}", ">= 150"),
        ("words/s, one core", f"{words / one_core:,.0f}", ""),
        (f"articles/s, {n_unseen} unseen", f"{unseen:.0f} (each parsed once)", ""),
        ("import belnews", f"{cold_import:.1f} ms", "< 50 ms"),
        ("first parse_article", f"{cold_first:.0f} ms (patterns stored by an earlier process)", "< 400 ms"),
        ("  first ever", f"{first_ever:.0f} ms (no stored patterns: a machine's first process)", ""),
        ("peak RSS", f"{peak_mb:.0f} MB", "< 120 MB"),
        ("100x longer article", f"{ratio:.0f}x the time", "<= 120x"),
        (
            f"parse_many, {args.workers} workers",
            f"{serial / pooled:.2f}x speed-up ({len(texts) / pooled:.0f} articles/s)",
            f"near {min(args.workers, os.cpu_count() or 1)}x",
        ),
        (
            f"  {args.workers} bare processes",
            f"{serial / ceiling:.2f}x (the machine's ceiling: no pool, nothing sent back)",
            "",
        ),
        ("reference loop", f"{reference:.1f} ms (this machine's speed now: lower is faster)", ""),
    ]
    total = sum(stages.values()) or 1.0
    for name, took in stages.items():
        rows.append(
            (f"  stage {name}", f"{took / len(texts) * 1000:.2f} ms/article ({took / total:.0%})", "")
        )
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    import belnews.actors

    build = "compiled (mypyc)" if not belnews.actors.__file__.endswith(".py") else "pure Python"
    print(f"belnews {belnews.__version__}, {build}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for name, value, goal in rows:
        print(f"{name.ljust(width)}  {value.ljust(value_width)}  {goal}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
