"""Instructions per article, counted by valgrind: the figure that machine load does not move.

    python benchmarks/icount.py                       # the whole parse_article, 20 articles
    python benchmarks/icount.py --stage events        # one stage, on inputs made beforehand
    PYTHONPATH=/tmp/old python benchmarks/icount.py   # another copy of belnews, to compare

A child interpreter runs under valgrind's callgrind. It parses the benchmark's base articles
once (tables loaded, caches warm) and prepares every stage's inputs for N new variants of
them; then, with the hash seed fixed and garbage collection off, it runs the stage on those
N articles inside one ``eval`` call, and callgrind counts only inside that call. The count
repeats to the instruction from run to run, so two copies of the code can be compared by a
change of a few thousand instructions per article. Needs valgrind (Debian's package).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from bench import PUBLISHED, corpus

STAGES = ("all", "clean", "actors", "quotes", "dates", "quantities", "events")

# The child: argv is the stage, the number of articles and the folder of the corpus's files.
CHILD = """
import gc, sys
from pathlib import Path
import belnews
from belnews.actors import find_actors
from belnews.clean import clean_article
from belnews.dates import find_dates
from belnews.events import find_events
from belnews.pipeline import parse_published
from belnews.quantities import find_quantities
from belnews.quotes import find_quotes

stage, n, folder, published = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
warm, measured = texts[:-n], texts[-n:]
ref = parse_published(published)
for text in warm:
    belnews.parse_article(text, published=published)
inputs = []
for text in measured:
    doc = clean_article(text)
    inputs.append((text, doc, find_actors(doc), find_dates(doc, ref), find_quantities(doc)))
run = {
    "all": lambda t, doc, a, d, q: belnews.parse_article(t, published=published),
    "clean": lambda t, doc, a, d, q: clean_article(t),
    "actors": lambda t, doc, a, d, q: find_actors(doc),
    "quotes": lambda t, doc, a, d, q: find_quotes(doc, a),
    "dates": lambda t, doc, a, d, q: find_dates(doc, ref),
    "quantities": lambda t, doc, a, d, q: find_quantities(doc),
    "events": lambda t, doc, a, d, q: find_events(doc, a, d, q, published=ref),
}[stage]
gc.disable()
eval("[run(*i) for i in inputs]")
"""


def count(stage: str, articles: int) -> int:
    """Instructions of ``stage`` over ``articles`` new articles, counted inside the child's ``eval``."""
    texts = corpus(0)
    base = len(texts)
    texts = corpus(base + articles)  # the base articles to warm up on, then the new variants
    with tempfile.TemporaryDirectory() as folder:
        for k, text in enumerate(texts):
            with open(os.path.join(folder, f"{k:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
        out = os.path.join(folder, "callgrind.out")
        command = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=builtin_eval"]
        command += [f"--callgrind-out-file={out}", sys.executable, "-c", CHILD]
        command += [stage, str(articles), folder, PUBLISHED]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=folder, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(done.stderr[-3000:] or f"valgrind ended with code {done.returncode}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", choices=STAGES, default="all", help="the stage to count (default: all)")
    parser.add_argument("--articles", type=int, default=20, help="new articles to count over (default: 20)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt install valgrind)")
    if args.articles < 1:
        sys.exit("--articles must be at least 1")
    total = count(args.stage, args.articles)
    per_article = total / args.articles / 1e6
    print(f"{args.stage}: {per_article:.3f} M instructions per article ({args.articles} articles)")
    where = subprocess.run(
        [sys.executable, "-c", "import belnews; print(belnews.__file__)"], capture_output=True, text=True
    )
    print(f"belnews from {os.path.dirname(where.stdout.strip())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
