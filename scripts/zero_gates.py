"""Fail when a seed metric that must stay at zero (merged persons, non-persons taken for
persons, scare quotes reported as quotes) is above it. Usage: zero_gates.py SHARED_DIR."""

from __future__ import annotations

import json
import subprocess
import sys

ZERO = ("person_merges", "not_person_as_person", "scare_as_quote")


def main() -> int:
    shared = sys.argv[1]
    out = subprocess.run(
        [sys.executable, f"{shared}/eval/score.py", "--json"], capture_output=True, text=True, check=True
    ).stdout
    metrics = json.loads(out[out.index("{") : out.rindex("}") + 1])
    bad = {k: metrics[k] for k in ZERO if metrics[k] != 0}
    print(f"zero gates: {'FAILED ' + str(bad) if bad else 'ok'} ({', '.join(ZERO)})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
