"""Shared fixtures: the project's own examples, and the seeds from ../shared when present."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI draws the property tests' examples in a fixed sequence, the same on every run, so that a
# red run is the change's and not the draw's; a developer's run draws new examples each time
# and so keeps looking for new cases.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


def run_python(code: str, **env: str) -> str:
    """Run ``code`` in a fresh interpreter from the project root, ``env`` added to the environment;
    return what it prints (a failure fails the test)."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=300,
        env={**os.environ, **env},
    )
    return done.stdout


def seed_paths() -> list[Path]:
    """The seed articles, or none where ../shared is absent (it is not part of a clone)."""
    return sorted((SHARED / "seeds").glob("*.txt"))


def gold_for(seed: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (SHARED / "gold" / (seed.stem + ".json")).read_text(encoding="utf-8")
    )
    return data


needs_shared = pytest.mark.skipif(
    not (SHARED / "seeds").is_dir(),
    reason="../shared/seeds is absent: the seed articles are not part of a fresh clone",
)
