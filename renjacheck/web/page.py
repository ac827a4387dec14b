"""The server's HTML: the upload page, and the result page made from the HTML report.

The result page is the HTML report of the files checked (renjacheck/reporters/html.py: the
tables read, the findings grouped by table, its filters), with a bar of downloads added at its
top. Every page is self-contained: its style and script are inline and allowed by their hashes
(`policy`), nothing is fetched from anywhere else.
"""

from __future__ import annotations

import re

from renjacheck.report import Report
from renjacheck.reporters.htmlkit import asset, digest, esc

WORDS = {
    "title": {"id": "Periksa buku kerja Renja", "en": "Check a Renja workbook"},
    "intro": {"id": "Pilih satu atau beberapa buku kerja (.xlsx), lalu tekan Periksa. Berkas "
                    "hanya diperiksa, tidak disimpan.",
              "en": "Choose one or more workbooks (.xlsx), then press Check. The files are only "
                    "checked, never kept."},
    "files": {"id": "Buku kerja (.xlsx)", "en": "Workbooks (.xlsx)"},
    "check": {"id": "Periksa", "en": "Check"},
    "limits": {"id": "Paling banyak {files} berkas, {mb} MB seluruhnya.",
               "en": "At most {files} files, {mb} MB in all."},
    "other": {"id": "English", "en": "Bahasa Indonesia"},
    "download": {"id": "Unduh", "en": "Download"},
    "annotated": {"id": "salinan bertanda (.xlsx)", "en": "annotated copy (.xlsx)"},
    "html": {"id": "laporan HTML", "en": "HTML report"},
    "json": {"id": "laporan JSON", "en": "JSON report"},
    "again": {"id": "Periksa berkas lain", "en": "Check other files"},
    "kept": {"id": "Unduhan tersedia {minutes} menit.", "en": "Downloads are kept {minutes} "
                                                               "minutes."},
    "too_large": {"id": "Unggahan terlalu besar: paling banyak {mb} MB.",
                  "en": "The upload is too large: at most {mb} MB."},
    "no_file": {"id": "Tidak ada berkas yang diunggah.", "en": "No file was uploaded."},
    "busy": {"id": "Server sedang sibuk: antrean pemeriksaan penuh. Coba lagi sebentar lagi.",
             "en": "The server is busy: the queue of checks is full. Try again in a moment."},
    "gone": {"id": "Hasil ini tidak ada atau sudah dihapus (hasil disimpan {minutes} menit).",
             "en": "This result does not exist or is gone (results are kept {minutes} minutes)."},
    "failed": {"id": "Pemeriksaan gagal ({reason}); mohon laporkan.",
               "en": "The check failed ({reason}); please report it."},
    "progress": {"id": "Sedang memeriksa", "en": "Checking"},
    "reloads": {"id": "Halaman ini dimuat ulang sendiri sampai hasilnya siap.",
                "en": "This page reloads itself until the result is ready."},
    "waiting": {"id": "menunggu giliran: antrean ke-{place}",
                "en": "waiting its turn: number {place} in the queue"},
    "running": {"id": "sedang diperiksa", "en": "being checked"},
    "done": {"id": "selesai", "en": "done"},
    "too_many": {"id": "Terlalu banyak berkas: paling banyak {files}.",
                 "en": "Too many files: at most {files}."},
}

_EXTRA = """
form.upload { display: grid; gap: .75rem; max-width: 40rem; }
form.upload input[type=file], form.upload button { font-size: 1rem; }
form.upload button { padding: .6rem 1.2rem; width: fit-content; }
nav.web { border-bottom: 1px solid #d0d7de; padding: .5rem 0; margin-bottom: .5rem; }
nav.web ul { padding-left: 1.2rem; margin: .25rem 0; }
nav.web a { margin-right: .75rem; }
p.refusal { color: #cf222e; font-weight: bold; }
"""


def say(key: str, lang: str, **args) -> str:
    """A word of the server's pages in `lang`."""
    return WORDS[key].get(lang, WORDS[key]["id"]).format(**args)


def policy(page: str) -> str:
    """The Content-Security-Policy of a page: its own inline style and script, by hash."""
    styles = " ".join(digest(s) for s in re.findall(r"<style>(.*?)</style>", page, re.S))
    scripts = " ".join(digest(s) for s in re.findall(r"<script>(.*?)</script>", page, re.S))
    return (f"default-src 'self'; style-src 'self' {styles}; script-src 'self' {scripts}; "
            "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def _frame(title: str, lang: str, body: list[str], head: tuple[str, ...] = ()) -> str:
    style = asset("html.css") + _EXTRA
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{esc(lang)}">', "<head>", '<meta charset="utf-8" />',
        *head,
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{esc(title)}</title>", f"<style>{style}</style>", "</head>", "<body>",
        *body, "</body>", "</html>", ""])


def upload_page(lang: str, max_files: int, max_mb: int, message: str | None = None) -> str:
    """The page with the upload form (and, after a refused upload, why)."""
    other = "en" if lang == "id" else "id"
    body = [
        '<header class="top">', f"<h1>{esc(say('title', lang))}</h1>",
        f'<p><a href="/?lang={other}">{esc(say("other", lang))}</a></p>', "</header>", "<main>",
        *([f'<p class="refusal" role="alert">{esc(message)}</p>'] if message else []),
        f"<p>{esc(say('intro', lang))}</p>",
        '<form class="upload" method="post" action="/check" enctype="multipart/form-data">',
        f'<label for="file">{esc(say("files", lang))}</label>',
        '<input id="file" type="file" name="file" multiple required '
        'accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />',
        f'<input type="hidden" name="lang" value="{esc(lang)}" />',
        f'<p class="meta">{esc(say("limits", lang, files=max_files, mb=max_mb))}</p>',
        f'<button type="submit">{esc(say("check", lang))}</button>', "</form>", "</main>"]
    return _frame(say("title", lang), lang, body)


def status_page(job, places: list[int], seconds: int) -> str:
    """The page of a job being checked: where each file is; it reloads itself (no script)."""
    lang = job.lang
    items = []
    for name, ticket, place in zip(job.names, job.tickets, places, strict=True):
        state = ticket.state if ticket.state != "waiting" or place else "running"
        said = say(state, lang, place=place)
        items.append(f'<li data-state="{esc(state)}">{esc(name)}: <strong>{esc(said)}</strong>'
                     "</li>")
    body = ['<header class="top">', f"<h1>{esc(say('progress', lang))}</h1>", "</header>",
            "<main>", f'<ul class="progress" role="status">{"".join(items)}</ul>',
            f'<p class="meta">{esc(say("reloads", lang))}</p>', "</main>"]
    return _frame(say("progress", lang), lang, body,
                  (f'<meta http-equiv="refresh" content="{int(seconds)}" />',))


def result_page(report_html: str, report: Report, token: str, lang: str,
                minutes: int) -> str:
    """The HTML report of the files checked, a bar of downloads at its top."""
    items = []
    for n, file in enumerate(report.files):
        links = [f'<a href="/result/{token}/{n}/report.html" download>{esc(say("html", lang))}'
                 "</a>",
                 f'<a href="/result/{token}/{n}/report.json" download>{esc(say("json", lang))}'
                 "</a>"]
        if file.error is None:
            links.insert(0, f'<a href="/result/{token}/{n}/annotated.xlsx" download>'
                            f'{esc(say("annotated", lang))}</a>')
        items.append(f"<li>{esc(file.path)}: {esc(say('download', lang))} {' '.join(links)}</li>")
    bar = ['<nav class="web">', f'<p><a href="/?lang={esc(lang)}">{esc(say("again", lang))}</a>'
           f' <span class="meta">{esc(say("kept", lang, minutes=minutes))}</span></p>',
           "<ul>", *items, "</ul>", "</nav>"]
    # The report's own policy (a meta element) allows its own style only; the page's policy
    # is sent as a header instead, with the hash of every inline style and script (`policy`).
    report_html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", report_html)
    head, _, rest = report_html.partition("</head>\n<body>\n")
    return (head + f"<style>{_EXTRA}</style>\n</head>\n<body>\n" + "\n".join(bar) + "\n"
            + rest)
