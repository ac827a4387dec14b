"""Runs the command line in-process for the tests."""

from __future__ import annotations

import sys

import pytest

from renjacheck.cli import main


def run(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    """Run `renjacheck ARGS` in-process; return (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["renjacheck", *map(str, args)])
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    return exited.value.code, out, err
