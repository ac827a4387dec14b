"""The hostile corpus (tests/hostile/build.py), each case run as a real process: its exit code,
its message, its time and memory bounds, and the file exactly as it was afterwards."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import plans
from tests.hostile import build, round2

# Each corpus: CASES, name -> (builder, exit code, text wanted[, seconds, megabytes]).
CORPORA = {"round1": build, "round2": round2}

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 15
MEGABYTES = 400


def run_measured(args: list[str], seconds: float = SECONDS) -> tuple[int, str, str, float]:
    """(exit code, stdout, stderr, seconds) of one process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=seconds * 4)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from tests.hostile.build import build_all

    return build_all(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """Each corpus, built the first time a case of it runs."""
    built: dict[str, dict[str, Path]] = {}

    def get(name: str) -> dict[str, Path]:
        if name not in built:
            built[name] = CORPORA[name].build_all(tmp_path_factory.mktemp(name))
        return built[name]

    return get


def run_case(path: Path, code: int, wanted: str, seconds: float = SECONDS,
             megabytes: float = MEGABYTES) -> None:
    """`renjacheck check path` as a real process: its exit code, its one line or its report,
    within `seconds` and `megabytes`, and the file exactly as it was afterwards."""
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    # A one-off parent reports its only child's peak memory (RUSAGE_CHILDREN is the maximum
    # over the children of a process: here, the renjacheck run alone).
    probe = ("import resource, subprocess, sys; "
             "done = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
             "sys.exit(done.returncode)")
    returned, out, err, took = run_measured(
        [sys.executable, "-c", probe, sys.executable, "-m", "renjacheck", "check", str(path)],
        seconds)
    *lines, peak_kb = err.rstrip("\n").split("\n")
    assert returned == code, err
    assert "Traceback" not in out + err
    if code == 2:
        assert out == "" and len(lines) == 1 and lines[0].startswith(f"renjacheck: {path}: ")
        assert wanted in lines[0]
    else:
        assert lines == [] and wanted in out
    assert took < seconds
    assert int(peak_kb) / 1024 < megabytes
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(("corpus_name", "name"), [(corpus, name)
                                                   for corpus, module in CORPORA.items()
                                                   for name in sorted(module.CASES)])
def test_hostile_case(corpus_name, name, corpora):
    _, code, wanted, *bounds = CORPORA[corpus_name].CASES[name]
    run_case(corpora(corpus_name)[name], code, wanted, *bounds)


def test_nothing_of_the_host_is_echoed(corpus):
    from renjacheck.engine import check_files

    report = check_files([corpus["external_entity"], corpus["billion_laughs"]])
    assert [f.error for f in report.files] == ["xml_dtd", "xml_dtd"]
    assert "root:" not in repr(report) and "lollol" not in repr(report)


def test_survivors_report_at_their_cells(corpus):
    from renjacheck.engine import check_files

    report = check_files([corpus[n] for n in ("uncalculated", "strange_values", "huge_merge",
                                              "dates_in_amounts")])
    flat = [[(f.rule, str(f.locations[0])) for f in file.findings if f.rule != "READ001"]
            for file in report.files]
    # Never calculated: reported, and not read as zero (no sum finding follows from them).
    assert flat[0] == [("READ003", "Pendanaan!E2:E3")]
    assert report.files[0].findings[-1].args["count"] == 2
    assert flat[1] == [("TBL001", "Pendanaan!C2"), ("TBL001", "Pendanaan!D2"),
                       ("TBL001", "Pendanaan!D3"), ("TBL002", "Pendanaan!C4"),
                       ("TBL001", "Pendanaan!D4")]
    assert ("READ004", "Pendanaan!A20") in flat[2]
    assert flat[3] == [("TBL001", "Pendanaan!C2")]


def test_limits_come_from_the_configuration(corpus, tmp_path):
    from renjacheck.config import Flags, Resolver

    config = tmp_path / "renjacheck.toml"
    config.write_text("[limits]\nentries = 5\n", encoding="utf-8")
    target = tmp_path / "rencana.xlsx"
    target.write_bytes(corpus["no_table"].read_bytes())
    settings = Resolver(Flags()).for_workbook(target)
    assert settings.setup.limits.entries == 5
    from renjacheck.engine import check_files

    report = check_files([target], resolve=Resolver(Flags()))
    assert report.files[0].error == "too_many_entries"
    config.write_text("[limits]\nentries = -1\n", encoding="utf-8")
    from renjacheck.config import ConfigError

    with pytest.raises(ConfigError, match="limits.entries"):
        Resolver(Flags()).for_workbook(target)


# ---- round two, in process: the bounds behind the cases ---------------------------------------

def test_cells_are_refused_at_the_limit_not_after_the_part(corpora):
    from renjacheck.workbook.grid import load
    from renjacheck.workbook.safety import CannotCheck, Limits

    path = corpora("round2")["cells_without_r"]
    start = time.perf_counter()
    with pytest.raises(CannotCheck) as refused:
        load(path, Limits(cells=1_000))
    # Five million cells follow the 1,001st: none of them is parsed.
    assert time.perf_counter() - start < 1
    assert (refused.value.key, refused.value.args_) == ("too_many_cells",
                                                        {"count": 1_001, "limit": 1_000})


def test_a_part_several_sheets_name_is_parsed_once(tmp_path, monkeypatch):
    from renjacheck.workbook import grid as grid_module
    from renjacheck.workbook.safety import CannotCheck, Limits

    sheets = "".join(f'<sheet name="S{n}" sheetId="{n}" r:id="rId1"/>' for n in range(1, 4))
    part = round2._big_part(20)  # A1:J2
    path = round2._book(tmp_path / "shared.xlsx", sheets, {"xl/worksheets/sheet1.xml": part})
    parsed = []
    real = grid_module.read_sheet
    monkeypatch.setattr(grid_module, "read_sheet", lambda *a: parsed.append(a[1]) or real(*a))
    grids = grid_module.load(path)
    assert parsed == ["xl/worksheets/sheet1.xml"]
    assert [(g.name, g.value(2, 10), g.max_row, g.max_col) for g in grids] == [
        ("S1", 2, 2, 10), ("S2", 2, 2, 10), ("S3", 2, 2, 10)]
    # Each sheet counts its cells against the limit: 3 x 20.
    with pytest.raises(CannotCheck) as refused:
        grid_module.load(path, Limits(cells=59))
    assert (refused.value.key, refused.value.args_) == ("too_many_cells",
                                                        {"count": 60, "limit": 59})
    with pytest.raises(CannotCheck) as refused:
        grid_module.load(path, Limits(sheets=2))
    assert (refused.value.key, refused.value.args_) == ("too_many_sheets",
                                                        {"count": 3, "limit": 2})


def test_text_no_cell_holds_costs_time_linear_in_its_length(tmp_path):
    # The round-one reader re-copied a growing tail: a 190 MB text node took 177 s.
    from renjacheck.workbook.grid import load

    took = {}
    for megabytes in (4, 16):
        path = round2.long_text_unread(tmp_path / f"t{megabytes}.xlsx", megabytes)
        start = time.perf_counter()
        grids = load(path)
        took[megabytes] = time.perf_counter() - start
        assert grids[0].value(1, 2) == plans.UNIT
    assert took[16] < 4 * took[4] * 1.5 + 0.2, took


def test_a_cell_text_is_bounded_as_configured(corpus):
    from renjacheck.workbook.grid import load
    from renjacheck.workbook.safety import CannotCheck, Limits

    # strange_values holds 32,000 characters at Pendanaan!D3: within Excel's 32,767.
    assert load(corpus["strange_values"])[0].value(3, 4) == "x" * 32_000
    with pytest.raises(CannotCheck) as refused:
        load(corpus["strange_values"], Limits(text_chars=31_999))
    assert (refused.value.key, refused.value.args_) == ("text_too_long",
                                                        {"cell": "Pendanaan!D3",
                                                         "limit": 31_999})


def test_the_real_end_record_is_read_whatever_the_comment_holds(corpora, tmp_path):
    import struct
    import zipfile

    from renjacheck.workbook.safety import open_zip

    path = corpora("round2")["fake_end_record"]
    with open_zip(path) as archive:
        names = archive.namelist()
    assert "xl/workbook.xml" in names and len(names) > 10
    # A comment with the signature but no record that reaches the end is zipfile's own case.
    plain = plans.template(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(plain, "a") as archive:
        archive.comment = b"PK\x05\x06 just text"
    with open_zip(plain) as archive:
        assert archive.namelist() == names
    # A record naming a central directory past itself is no real record either.
    odd = plans.template(tmp_path / "odd.xlsx")
    fake = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, 46, 10**9, 0)
    with zipfile.ZipFile(odd, "a") as archive:
        archive.comment = b"x" + fake
    with open_zip(odd) as archive:
        assert archive.namelist() == names


def test_a_shared_string_table_holds_no_more_items_than_cells(tmp_path):
    from renjacheck.workbook.grid import load
    from renjacheck.workbook.safety import CannotCheck, Limits

    path = round2.string_index_negative(tmp_path / "s.xlsx")
    parts = build._parts(path)
    parts["xl/sharedStrings.xml"] = (f'<sst xmlns="{round2.MAIN}">'.encode() + b"<si/>" * 5_000
                                     + b"</sst>")
    build._zip(path, parts)
    with pytest.raises(CannotCheck) as refused:
        load(path, Limits(cells=1_000))
    assert (refused.value.key, refused.value.args_) == ("too_many_strings", {"limit": 1_000})
