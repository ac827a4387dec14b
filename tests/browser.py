"""Headless Chromium for the tests, driven by Playwright: Debian's package `chromium` at
/usr/bin/chromium, or $RENJACHECK_CHROMIUM. Playwright's own browser download (`playwright
install`) is never used. Without Playwright or a Chromium the browser tests skip and say why;
.ci/run installs Chromium and sets RENJACHECK_NO_SKIPS, under which any skip fails the run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]


def chromium_binary() -> str:
    """The Chromium to run (skips the test when there is none)."""
    binary = os.environ.get("RENJACHECK_CHROMIUM") or shutil.which("chromium") \
        or "/usr/bin/chromium"
    if not Path(binary).is_file():
        pytest.skip(f"no Chromium at {binary}: install Debian's package (apt-get install "
                    "chromium) or set RENJACHECK_CHROMIUM to a Chromium binary")
    return binary


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Playwright; skipped, saying why, when either is missing."""
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright is not installed (pip install '.[test]')")
    binary = chromium_binary()
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=binary, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
