"""`renjacheck serve` (renjacheck/web): the page, the API and their limits with starlette's
TestClient, and the hostile corpus through the server."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install '.[web]')")

from starlette.testclient import TestClient  # noqa: E402

from renjacheck.cli.options import load_catalogue  # noqa: E402
from renjacheck.web.app import Server, create_app  # noqa: E402
from tests.hostile import build, round2  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "banten-2024.xlsx"
SECURITY = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
            "referrer-policy": "no-referrer"}


@pytest.fixture(scope="module")
def server():
    made = Server(load_catalogue(None, None, True), max_mb=1, max_files=30, processes=2)
    yield made
    made.close()


@pytest.fixture(scope="module")
def client(server):
    with TestClient(create_app(server)) as client:
        yield client


def upload(*files: tuple[str, bytes]) -> list:
    return [("file", (name, data)) for name, data in files]


def checked(client, *files: tuple[str, bytes], query: str = ""):
    """The page a browser ends on after uploading `files`: the job's page, reloaded (as its
    refresh asks) until the result is there."""
    response = client.post(f"/check{query}", files=upload(*files), follow_redirects=False)
    if response.status_code != 303:
        return response  # refused at once
    job = response.headers["location"]
    assert re.fullmatch(r"/job/[A-Za-z0-9_-]{32}", job)
    for _ in range(600):
        response = client.get(job)
        if 'http-equiv="refresh"' not in response.text:
            return response
        time.sleep(0.1)
    raise AssertionError("no result in 60 s")


def test_the_page_has_the_form_in_indonesian_and_english(client):
    page = client.get("/")
    assert page.status_code == 200
    assert '<form class="upload" method="post" action="/check"' in page.text
    assert 'name="file" multiple' in page.text and ">Periksa</button>" in page.text
    assert "<script" not in page.text and "http://" not in page.text  # nothing from elsewhere
    english = client.get("/?lang=en").text
    assert ">Check</button>" in english and 'lang="en"' in english


def test_every_response_carries_the_security_headers(client):
    for response in [client.get("/"), client.get("/api/rules"), client.get("/nowhere"),
                     client.post("/api/check", data={"x": "1"})]:
        assert {k: response.headers.get(k) for k in SECURITY} == SECURITY
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy
        assert re.search(r"default-src '(self|none)'", policy)


def test_the_seed_uploaded_shows_its_findings_and_its_downloads(client):
    page = checked(client, (SEED.name, SEED.read_bytes()))
    assert page.status_code == 200
    assert "Capaian 2023!F36" in page.text
    assert "CAP001" in page.text and "banten-2024.xlsx" in page.text
    links = re.findall(r'href="(/result/[^"]+)"', page.text)
    assert [link.rsplit("/", 1)[1] for link in links] == \
        ["annotated.xlsx", "report.html", "report.json"]
    token = links[0].split("/")[2]
    assert len(token) >= 32  # secrets.token_urlsafe: not guessable
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(client.get(links[0]).content))
    assert book["Capaian 2023"]["F36"].comment is not None
    report = json.loads(client.get(links[2]).content)
    assert ("CAP001", "Capaian 2023!F36") in {
        (i["rule"], f"{where['sheet']}!{where['cell']}")
        for i in report["files"][0]["issues"] for where in i["locations"]}
    assert client.get(links[0].replace(token, "x" * len(token))).status_code == 404


def test_api_check_is_the_json_report_of_the_cli(client):
    response = client.post("/api/check", files=upload((SEED.name, SEED.read_bytes())))
    assert response.status_code == 200
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli = subprocess.run([sys.executable, "-m", "renjacheck", "check", "--no-config",
                          "--format", "json", SEED.name], cwd=SEED.parent, env=env,
                         capture_output=True, text=True, check=False)
    assert cli.returncode == 1, cli.stderr
    assert response.json() == json.loads(cli.stdout)  # fingerprints included


def test_no_file_is_400_and_too_large_is_413(client):
    assert client.post("/api/check", data={"lang": "en"}).status_code == 400
    empty_part = checked(client, ("", b""))
    assert empty_part.status_code == 400 and "Tidak ada berkas" in empty_part.text
    big = checked(client, ("besar.xlsx", b"0" * (1024 * 1024 + 1)))
    assert big.status_code == 413 and "terlalu besar: paling banyak 1 MB" in big.text
    api = client.post("/api/check?lang=en", files=upload(("big.xlsx", b"0" * 1_100_000)))
    assert api.status_code == 413 and api.json() == {
        "error": "The upload is too large: at most 1 MB."}


def test_a_non_xlsx_is_refused_in_one_line(client):
    page = checked(client, ("catatan.txt", b"Kode;Uraian\n1;2\n"))
    assert page.status_code == 200 and "bukan berkas .xlsx" in page.text
    assert "annotated.xlsx" not in page.text  # nothing to annotate
    entry = client.post("/api/check", files=upload(("catatan.txt", b"a,b\n"))).json()
    assert entry["files"][0]["error"]["code"] == "not_xlsx"


@pytest.fixture(scope="module")
def roomy():
    """A client of a server that takes a whole hostile corpus in one upload (some 30 MB)."""
    made = Server(load_catalogue(None, None, True), max_mb=40, max_files=30, processes=2)
    with TestClient(create_app(made)) as client:
        yield client
    made.close()


@pytest.mark.parametrize("corpus", ["round1", "round2"])
def test_the_hostile_corpus_is_refused_and_the_server_keeps_serving(roomy, tmp_path, corpus):
    # Every case of tests/hostile through the page (which also makes the annotated copy) and
    # the API; the slowest (five million cells, some 10 s each) only through the API.
    client = roomy
    module = {"round1": build, "round2": round2}[corpus]
    paths = module.build_all(tmp_path)
    cases = {name: (code, wanted) for name, (_, code, wanted, *_) in module.CASES.items()}
    quick = [n for n, (_, *_, seconds, _mb) in module.CASES.items() if seconds <= 15] \
        if corpus == "round2" else list(cases)
    refused = {name for name, (code, _) in cases.items() if code == 2}
    page = checked(client, *((f"{n}.xlsx", paths[n].read_bytes())
                             for n in sorted(refused & set(quick)))).text
    for name in sorted(refused & set(quick)):
        assert cases[name][1] in page, name
    report = client.post("/api/check", files=upload(
        *((f"{n}.xlsx", p.read_bytes()) for n, p in sorted(paths.items())))).json()
    errors = {f["path"][:-5]: f.get("error", {}).get("message") for f in report["files"]}
    assert {n for n, message in errors.items() if message} == refused
    assert all(cases[n][1] in errors[n] for n in refused)
    assert "CAP001" in checked(client, (SEED.name, SEED.read_bytes())).text


def test_a_check_past_its_time_is_stopped_and_the_next_is_served(client, server):
    workers = server.workers
    workers.seconds = 0.001
    try:
        page = checked(client, (SEED.name, SEED.read_bytes())).text
        assert "pemeriksaan dihentikan: melewati batas 0 detik" in page
    finally:
        workers.seconds = 60
    assert "CAP001" in checked(client, (SEED.name, SEED.read_bytes())).text


def test_the_rules_and_the_openapi_description(client):
    rules = client.get("/api/rules?lang=en").json()
    assert {"id": "CAP001", "slug": "capaian-hitung"}.items() <= rules[0].items() or \
        any(r["id"] == "CAP001" for r in rules)
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.") and {"/api/check", "/api/rules"} <= set(spec["paths"])


def test_the_job_page_says_which_file_waits_and_which_is_checked():
    # One worker, three files: the first is checked, the other two wait their turn, in order.
    one = Server(load_catalogue(None, None, True), max_files=5, processes=1)
    try:
        with TestClient(create_app(one)) as client:
            seed = (SEED.name, SEED.read_bytes())
            posted = client.post("/check", files=upload(seed, ("kedua.xlsx", seed[1]),
                                                        ("ketiga.xlsx", seed[1])),
                                 follow_redirects=False)
            assert posted.status_code == 303
            job = posted.headers["location"]
            for _ in range(300):  # until the first file is in its worker
                page = client.get(job).text
                if 'data-state="running"' in page:
                    break
                time.sleep(0.02)
            states = re.findall(r'<li data-state="(\w+)">([^:]+): <strong>([^<]+)</strong>', page)
            assert states == [
                ("running", "banten-2024.xlsx", "sedang diperiksa"),
                ("waiting", "kedua.xlsx", "menunggu giliran: antrean ke-1"),
                ("waiting", "ketiga.xlsx", "menunggu giliran: antrean ke-2")]
            assert '<meta http-equiv="refresh" content="1" />' in page
            assert "<script" not in page  # it reloads without a script
            for _ in range(600):
                page = client.get(job).text
                if 'http-equiv="refresh"' not in page:
                    break
                time.sleep(0.1)
            assert page.count("CAP001") >= 3 and "ketiga.xlsx" in page
    finally:
        one.close()


def test_a_result_gone_or_never_there_is_404(client):
    gone = client.get("/job/" + "A" * 32)
    assert gone.status_code == 404 and "tidak ada atau sudah dihapus" in gone.text


def test_a_full_queue_is_503_before_the_upload_is_read():
    full = Server(load_catalogue(None, None, True), processes=1, max_waiting=0)
    try:
        with TestClient(create_app(full)) as client:
            page = client.post("/check", files=upload((SEED.name, SEED.read_bytes())))
            assert page.status_code == 503 and "Server sedang sibuk" in page.text
            api = client.post("/api/check?lang=en", files=upload((SEED.name, b"x")))
            assert api.status_code == 503 and api.json() == {
                "error": "The server is busy: the queue of checks is full. Try again in a "
                         "moment."}
    finally:
        full.close()


def test_a_check_past_the_memory_limit_is_stopped_and_the_next_is_served(tmp_path):
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import budget
    finally:
        _sys.path.remove(str(ROOT / "benchmarks"))
    big = budget(tmp_path / "besar.xlsx", rows=20_000, satker=5)
    # A worker checks the seed and makes its annotated copy within 200 MB of address space
    # (measured: 194 MB at its peak); the annotated copy of a 20,000-row budget needs some
    # 345 MB (openpyxl holds every cell).
    small = Server(load_catalogue(None, None, True), processes=1, memory_mb=230)
    try:
        with TestClient(create_app(small)) as client:
            page = checked(client, ("besar.xlsx", big.read_bytes()),
                           (SEED.name, SEED.read_bytes())).text
            stopped = re.findall(r"pemeriksaan dihentikan: [^<]*", page)
            assert stopped in (["pemeriksaan dihentikan: melewati batas memori 230 MB"],
                               ["pemeriksaan dihentikan: proses pemeriksa berhenti (batas "
                                "memori)"]), stopped
            assert "Capaian 2023!F36" in page  # the next file, checked by a fresh worker
    finally:
        small.close()


def test_a_job_that_fails_says_so_instead_of_reloading_for_ever(client, server, monkeypatch):
    async def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(server, "check", broken)
    page = checked(client, (SEED.name, SEED.read_bytes()))
    assert page.status_code == 200 and "Pemeriksaan gagal (RuntimeError)" in page.text
