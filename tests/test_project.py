"""The project's own promises: CI runs exactly the README's test command, and the compiled
build's check really tests the compiled modules."""

from __future__ import annotations

import importlib
import os

import pytest

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


# The modules scripts/check-compiled expects mypyc to have compiled (pyproject's hook list).
COMPILED = (
    "belnews.clean",
    "belnews.actors",
    "belnews.quotes",
    "belnews.dates",
    "belnews.quantities",
    "belnews.events",
    "belnews._mentions",
    "belnews._clauses",
    "belnews._triggers",
    "belnews.names._key",
    "belnews.names._parse",
)


@pytest.mark.skipif(
    os.environ.get("BELNEWS_EXPECT_COMPILED") != "1",
    reason="runs in scripts/check-compiled, which sets BELNEWS_EXPECT_COMPILED=1",
)
@pytest.mark.parametrize("name", COMPILED)
def test_compiled_build_is_the_one_tested(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__file__ is not None
    assert not module.__file__.endswith(".py"), f"{name} was imported from source: {module.__file__}"


@pytest.mark.skipif(
    os.environ.get("BELNEWS_EXPECT_COMPILED") == "1", reason="the compiled build is under test"
)
def test_source_tree_is_tested_from_source() -> None:
    # A compiled module left beside its source (a mypyc build without clean-up) would shadow
    # the .py file, and the suite would test stale code.
    for name in COMPILED:
        module = importlib.import_module(name)
        assert module.__file__ is not None and module.__file__.endswith(".py"), module.__file__
