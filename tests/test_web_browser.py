"""`renjacheck serve` in a real browser: the server started as the README says, on a free port
of 127.0.0.1, and headless Chromium (tests/browser.py) using its page as a planner would:
upload the seed, read its findings, filter them, download the annotated copy; upload a file
that is no workbook; the page on a phone's width. The result page's screenshot is kept in
$RENJACHECK_ARTIFACTS (default: test-artifacts/ in the checkout) for a person to look at."""

from __future__ import annotations

import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install '.[web]')")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "banten-2024.xlsx"
ARTIFACTS = Path(os.environ.get("RENJACHECK_ARTIFACTS") or ROOT / "test-artifacts")
WAIT_MS = 60_000  # the longest a check may take in a loaded CI machine


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """`renjacheck serve` as a real process; its address. Stopped with Ctrl-C (SIGINT), as a
    person stops it, and it must then end, its workers with it, within seconds."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "renjacheck", "serve", "--port", str(port), "--no-config"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    said = process.stderr.readline()
    assert said == f"renjacheck: http://127.0.0.1:{port}/ (Ctrl-C)\n"
    for _ in range(200):  # until it listens
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("the server did not stop within 20 s of Ctrl-C") from None
    rest = process.stderr.read()
    assert "Traceback" not in rest, rest


@pytest.fixture
def page(browser, server):
    """A fresh page, recording its console messages and every address it asks for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    opened.log, opened.requests = [], []
    opened.on("console", lambda m: opened.log.append(f"{m.type}: {m.text}"))
    opened.on("pageerror", lambda e: opened.log.append(f"pageerror: {e}"))
    opened.on("request", lambda r: opened.requests.append(r.url))
    yield opened
    context.close()


def upload(page, server: str, *paths: Path, lang: str = "id") -> None:
    """Choose `paths` in the page's form and press its button; wait for the result page."""
    page.goto(f"{server}/?lang={lang}")
    page.set_input_files("input[type=file]", [str(p) for p in paths])
    page.get_by_role("button", name="Periksa" if lang == "id" else "Check").click()
    page.wait_for_selector("nav.web", timeout=WAIT_MS)  # the result page's bar of downloads


def shown(page) -> int:
    return int(page.locator("#shown-count").inner_text())


def test_the_seed_uploaded_filtered_and_its_annotated_copy_downloaded(page, server, tmp_path):
    upload(page, server, SEED)
    assert re.fullmatch(rf"{server}/job/[A-Za-z0-9_-]{{32}}", page.url)
    assert page.get_by_text("Capaian 2023!F36").first.is_visible()
    assert shown(page) == 35
    page.get_by_label("Peringatan (20)").uncheck()  # the HTML report's own filters
    assert shown(page) == 15
    assert not page.locator("tr.finding[data-severity='warning']").first.is_visible()
    assert page.locator("tr.finding[data-severity='error']").first.is_visible()
    page.get_by_label("Peringatan (20)").check()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot, whole = ARTIFACTS / "serve-result.png", ARTIFACTS / "serve-result-full.png"
    page.screenshot(path=str(shot))  # what a planner sees first
    page.screenshot(path=str(whole), full_page=True)
    for png in (shot, whole):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000

    with page.expect_download() as downloading:
        page.get_by_role("link", name="salinan bertanda (.xlsx)").click()
    download = downloading.value
    assert download.suggested_filename == "annotated.xlsx"
    saved = tmp_path / "annotated.xlsx"
    download.save_as(saved)
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(saved.read_bytes()))
    comment = book["Capaian 2023"]["F36"].comment
    assert comment is not None and "CAP001" in comment.text
    assert page.log == []  # no console error, no policy violation
    assert all(url.startswith(server) for url in page.requests)  # nothing from elsewhere


def test_a_file_that_is_no_workbook_is_refused_in_the_page(page, server, tmp_path):
    notes = tmp_path / "catatan.xlsx"
    notes.write_text("Kode;Uraian\n1;2\n", encoding="utf-8")
    upload(page, server, notes, lang="en")
    refusal = page.get_by_text("not an .xlsx file (perhaps a CSV or text file renamed)")
    assert refusal.first.is_visible()
    assert page.get_by_role("link", name="annotated copy (.xlsx)").count() == 0
    assert page.log == []


def test_on_a_phones_width_nothing_runs_off_the_side(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(server + "/")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        assert phone.get_by_role("button", name="Periksa").is_visible()
        phone.set_input_files("input[type=file]", str(SEED))
        phone.get_by_role("button", name="Periksa").click()
        phone.wait_for_selector("nav.web", timeout=WAIT_MS)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        assert phone.get_by_role("link", name="salinan bertanda (.xlsx)").is_visible()
    finally:
        context.close()
