"""Shared fixtures: a CLI runner with a pinned width, fixed dates, dossier factories."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import factory
from icp_renew.cli.app import app
from processes import clock_ticks, forks_alive

TODAY = factory.TODAY


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No developer environment leaks into a test: no colour, fixed width, English default."""
    for var in (
        "ICP_RENEW_LANG",
        "ICP_RENEW_FORMAT",
        "ICP_RENEW_TODAY",
        "ICP_RENEW_RULES",
        "ICP_RENEW_OCR",
        "GITHUB_STEP_SUMMARY",
        "SOURCE_DATE_EPOCH",
        "LC_ALL",
        "LC_MESSAGES",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")
    from icp_renew import i18n

    monkeypatch.setattr(i18n, "_CURRENT", [])  # no command's --lang leaks into the next test


class Cli:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(
        self, *args: str, input: str | None = None, env: Mapping[str, str] | None = None
    ) -> Any:
        result = self.runner.invoke(
            app, list(args), input=input, env=dict(env or {}), catch_exceptions=True
        )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # a traceback is a bug: surface it in the test
        return result


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def make_dossier(tmp_path: Path) -> Callable[..., Path]:
    def make(
        config: Mapping[str, Any] | str | None = None,
        files: Mapping[str, bytes | str] | None = None,
        name: str = "dossier",
    ) -> Path:
        return factory.make_dossier(tmp_path / name, config, files)

    return make


@pytest.fixture
def today() -> dt.date:
    return dt.date.fromisoformat(TODAY)


@pytest.fixture
def no_worker_left() -> Iterator[None]:
    """Fails the test that leaves a worker process behind (pools, the zygote, its workers),
    running or unreaped."""
    since = clock_ticks() - 1
    yield
    import multiprocessing

    assert multiprocessing.active_children() == []
    if sys.platform.startswith("linux"):
        assert forks_alive(since) == []
