"""The project's own promises: CI runs exactly the README's test command."""

from __future__ import annotations

from tests.conftest import ROOT


def _readme_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines[:12] if ln.startswith("    ")]


def test_readme_opens_with_two_commands() -> None:
    install_and_run, test = _readme_commands()
    assert "pip install ." in install_and_run and "belnews parse examples/" in install_and_run
    assert "[test" in test and "scripts/check" in test


def test_ci_runs_the_readme_test_command() -> None:
    test = _readme_commands()[1]
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
