"""Thread safety: parsing from 8 threads at once gives exactly what parsing one by one gives."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import belnews
from tests.conftest import EXAMPLES, ROOT, seed_paths
from tests.fixtures.adversarial import SHAPES, normal


def _texts() -> list[str]:
    paths = [*sorted(EXAMPLES.glob("*.txt")), *seed_paths()]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts += [normal(3_000), *(build(2_000) for build in SHAPES.values())]
    return texts


def _parse(text: str) -> dict[str, Any]:
    return belnews.parse_article(text, published="2020-09-14").to_dict()


def test_eight_threads_match_serial() -> None:
    texts = _texts()
    serial = [_parse(t) for t in texts]
    work = texts * 3
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_parse, work))
    for k, result in enumerate(threaded):
        assert result == serial[k % len(texts)], f"text {k % len(texts)} differs under threads"


_COLD = textwrap.dedent(
    """
    import json, sys
    from concurrent.futures import ThreadPoolExecutor
    import belnews
    texts = json.loads(sys.stdin.read())
    def parse(t):
        return belnews.parse_article(t, published="2020-09-14").to_dict()
    with ThreadPoolExecutor(max_workers=8) as pool:  # the first calls race to load the stages
        threaded = list(pool.map(parse, texts * 2))
    print(json.dumps(threaded))
    """
)


def test_cold_start_from_eight_threads() -> None:
    """The lazily loaded tables and patterns load correctly when 8 threads need them at once."""
    texts = _texts()[:8]
    out = subprocess.run(
        [sys.executable, "-c", _COLD],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    threaded = json.loads(out.stdout)
    serial = [_parse(t) for t in texts]
    assert threaded == serial * 2
