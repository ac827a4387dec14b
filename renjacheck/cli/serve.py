"""`renjacheck serve`: a web page and an API for planners, on this machine (renjacheck[web])."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from renjacheck.cli.options import ConfigOpt, NoConfig, RulesDir, app, fail, load_catalogue, whole


@app.command()
def serve(host: Annotated[str, typer.Option(
              "--host", metavar="HOST",
              help="The address to listen on; another than 127.0.0.1 lets other machines in.")]
          = "127.0.0.1",
          port: Annotated[str, typer.Option("--port", metavar="PORT", help="The port.")] = "8000",
          rules: RulesDir = None, config: ConfigOpt = None, no_config: NoConfig = False,
          max_upload_mb: Annotated[str, typer.Option(
              "--max-upload-mb", metavar="MB",
              help="The largest upload, all its files together, in MB.")] = "20",
          max_files: Annotated[str, typer.Option(
              "--max-files", metavar="N", help="The most files in one upload.")] = "10",
          timeout: Annotated[str, typer.Option(
              "--timeout", metavar="SECONDS",
              help="Stop a check that runs longer, and say so.")] = "60",
          memory_mb: Annotated[str, typer.Option(
              "--memory-mb", metavar="MB",
              help="The memory one check may use, in MB; past it the file is not checked.")]
          = "2048") -> None:
    """Serve a web page where planners upload workbooks and read their reports."""
    number, mb = whole(port, "--port", 1), whole(max_upload_mb, "--max-upload-mb", 1)
    most, seconds = whole(max_files, "--max-files", 1), whole(timeout, "--timeout", 1)
    memory = whole(memory_mb, "--memory-mb", 64)
    try:  # the optional extra renjacheck[web]: loaded only here
        import uvicorn

        from renjacheck.web.app import Server, create_app
    except ImportError as exc:
        fail(f"{exc.name}: pip install 'renjacheck[web]'")
    settings = load_catalogue(rules, config, no_config)
    server = Server(settings, max_mb=mb, max_files=most, seconds=seconds, memory_mb=memory)
    print(f"renjacheck: http://{host}:{number}/ (Ctrl-C)", file=sys.stderr)
    uvicorn.run(create_app(server), host=host, port=number, log_level="warning")
