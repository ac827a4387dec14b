"""The server's routes (Starlette): the page, the checks, the downloads and the API.

GET /                       the upload page (?lang=en for English; Bahasa Indonesia by default)
POST /check                 multipart, field `file` repeated: 303 to the job's page
GET /job/TOKEN              where each file is (waiting, its place in the queue, or being
                            checked), reloading itself; then the result page
GET /result/TOKEN/N/NAME    a download of a result (annotated.xlsx, report.html, report.json)
POST /api/check             the JSON report of the CLI (`check --format json`) for the files
GET /api/rules              the rule catalogue (`rules --format json`)
GET /api/openapi.json       an OpenAPI description of the API

Safe by default: a request body over the limit is refused (413) before it is parsed; uploads
are checked in worker processes (work.py) and kept nowhere but in memory, behind a random token
for `ttl` seconds at most; every response carries the security headers (`Secured`).
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from renjacheck.config import Settings
from renjacheck.engine.parallel import cores
from renjacheck.report import Report
from renjacheck.web.jobs import Job, Jobs
from renjacheck.web.page import policy, result_page, say, status_page, upload_page
from renjacheck.web.spec import openapi
from renjacheck.web.work import MEMORY_LIMIT, Ticket, Workers, safe_name

HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]
STRICT = ("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
          "form-action 'none'").encode()
PROGRESS_SECONDS = 1  # how often the page of a job being checked reloads itself
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Secured:
    """ASGI middleware: the security headers on every response (a strict policy by default;
    a page sends its own, which allows its inline style and script by hash)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def secured(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [h for h in HEADERS if h[0] not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", STRICT))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, secured)


class Server:
    """The state of one server: its settings, limits, workers and the jobs of its pages."""

    def __init__(self, settings: Settings, max_mb: int = 20, max_files: int = 10,
                 processes: int | None = None, seconds: float = 60, ttl: int = 300,
                 memory_mb: int = MEMORY_LIMIT // 2 ** 20, max_waiting: int = 200) -> None:
        self.settings, self.max_mb, self.max_files, self.ttl = settings, max_mb, max_files, ttl
        self.processes, self.seconds = processes or cores(), seconds
        self.memory, self.max_waiting = memory_mb * 2 ** 20, max_waiting
        self._workers: Workers | None = None
        self.jobs = Jobs(ttl)

    @property
    def workers(self) -> Workers:
        """The worker pool, started at the first check."""
        if self._workers is None:
            self._workers = Workers(self.settings.setup, self.processes, self.seconds,
                                    self.memory)
        return self._workers

    def close(self) -> None:
        """Stop the workers."""
        if self._workers is not None:
            self._workers.close()

    async def _body(self, request: Request) -> bytes:
        limit = self.max_mb * 1024 * 1024
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise TooLarge
        body = bytearray()
        async for chunk in request.stream():  # a body without a length is counted as it comes
            body += chunk
            if len(body) > limit:
                raise TooLarge
        return bytes(body)

    async def uploads(self, request: Request) -> tuple[list[tuple[str, bytes]], str]:
        """The files uploaded (name for display, bytes) and the language asked for."""
        if self.workers.waiting >= self.max_waiting:
            raise Busy  # before the body is read: a full queue costs no memory
        request._body = await self._body(request)  # parsed from memory, never from a path
        lang = request.query_params.get("lang")
        try:
            form = await request.form(max_files=self.max_files, max_fields=10)
        except MultiPartException:
            raise TooMany from None
        lang = lang or form.get("lang")
        files = []
        for item in form.getlist("file"):
            if isinstance(item, UploadFile) and item.filename:
                files.append((safe_name(item.filename), await item.read()))
        await form.close()
        return files, (lang if lang in ("id", "en") else "id")

    async def check(self, files: list[tuple[str, bytes]], lang: str,
                    tickets: list[Ticket] | None = None, copy: bool = True
                    ) -> tuple[Report, list]:
        """Every file checked in the workers, in the order given (with its annotated copy)."""
        tickets = tickets or [Ticket() for _ in files]
        done = await asyncio.gather(*(self.workers.check(n, d, lang, t, copy)
                                      for (n, d), t in zip(files, tickets, strict=True)))
        return Report(files=[c.report for c in done]), done


class TooLarge(Exception):
    """A request body over the upload limit."""


class Busy(Exception):
    """The queue of uploads is full."""


class TooMany(Exception):
    """More files or fields than allowed."""


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "id")
    return lang if lang in ("id", "en") else "id"


def _html(page: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(page, status, headers={"content-security-policy": policy(page)})


def create_app(server: Server) -> Starlette:
    """The Starlette app of `server`, its responses secured."""
    from renjacheck.reporters import REPORTERS
    from renjacheck.reporters.catalogue import rule_list

    def refused(lang: str, key: str, status: int, api: bool) -> Response:
        message = say(key, lang, mb=server.max_mb, files=server.max_files)
        if api:
            return JSONResponse({"error": message}, status)
        return _html(upload_page(lang, server.max_files, server.max_mb, message), status)

    async def received(request: Request, api: bool):
        try:
            files, lang = await server.uploads(request)
        except TooLarge:
            return None, refused(_lang(request), "too_large", 413, api)
        except TooMany:
            return None, refused(_lang(request), "too_many", 400, api)
        except Busy:
            return None, refused(_lang(request), "busy", 503, api)
        if not files:
            return None, refused(lang, "no_file", 400, api)
        return (files, lang), None

    async def home(request: Request) -> Response:
        return _html(upload_page(_lang(request), server.max_files, server.max_mb))

    async def run(job: Job, token: str, files: list[tuple[str, bytes]]) -> None:
        try:
            await finish(job, token, files)
        except Exception as exc:  # never a page that reloads for ever: say it failed
            job.page = upload_page(job.lang, server.max_files, server.max_mb,
                                   say("failed", job.lang, reason=type(exc).__name__))
            server.jobs.renew(token)

    async def finish(job: Job, token: str, files: list[tuple[str, bytes]]) -> None:
        report, done = await server.check(files, job.lang, job.tickets)
        html, js = REPORTERS["html"], REPORTERS["json"]
        job.downloads = [{"annotated.xlsx": c.annotated,
                          "report.html": html(job.lang).render(Report(files=[c.report])),
                          "report.json": js(job.lang).render(Report(files=[c.report]))}
                         for c in done]
        job.page = result_page(html(job.lang).render(report), report, token, job.lang,
                               server.ttl // 60)
        server.jobs.renew(token)

    async def check(request: Request) -> Response:
        got, refusal = await received(request, api=False)
        if refusal is not None:
            return refusal
        files, lang = got
        job = Job([name for name, _ in files], lang, [Ticket() for _ in files])
        token = server.jobs.add(job)
        job.task = asyncio.create_task(run(job, token, files))
        # Answered at once: the job's page says where each file is until its result is there.
        return RedirectResponse(f"/job/{token}", status_code=303)

    async def progress(request: Request) -> Response:
        job = server.jobs.get(request.path_params["token"])
        if job is None:
            lang = _lang(request)
            return _html(upload_page(lang, server.max_files, server.max_mb,
                                     say("gone", lang, minutes=server.ttl // 60)), 404)
        if job.page is not None:
            return _html(job.page)
        places = [server.workers.place(t) for t in job.tickets]
        return _html(status_page(job, places, PROGRESS_SECONDS))

    async def download(request: Request) -> Response:
        job = server.jobs.get(request.path_params["token"])
        n, name = request.path_params["n"], request.path_params["name"]
        if job is None or n >= len(job.downloads) or job.downloads[n].get(name) is None:
            return Response(status_code=404)
        kind = {"annotated.xlsx": XLSX, "report.html": "text/html; charset=utf-8",
                "report.json": "application/json"}[name]
        return Response(job.downloads[n][name], media_type=kind,
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    async def api_check(request: Request) -> Response:
        got, refusal = await received(request, api=True)
        if refusal is not None:
            return refusal
        files, lang = got
        report, _ = await server.check(files, lang, copy=False)  # the API sends no copy
        return Response(REPORTERS["json"](lang).render(report), media_type="application/json")

    async def api_rules(request: Request) -> Response:
        return Response(rule_list(server.settings.catalogue, _lang(request), "json"),
                        media_type="application/json")

    async def api_spec(request: Request) -> Response:
        return JSONResponse(openapi(server.max_mb))

    routes = [Route("/", home), Route("/check", check, methods=["POST"]),
              Route("/job/{token}", progress),
              Route("/result/{token}/{n:int}/{name:str}", download),
              Route("/api/check", api_check, methods=["POST"]), Route("/api/rules", api_rules),
              Route("/api/openapi.json", api_spec),
              # Browsers ask for it: no icon, and no error in their console either.
              Route("/favicon.ico", lambda _request: Response(status_code=204))]
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        server.close()  # the workers stop with the server

    return Secured(Starlette(routes=routes, lifespan=lifespan))
