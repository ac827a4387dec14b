"""The OpenAPI description of the server's API (served at /api/openapi.json)."""

from __future__ import annotations


def openapi(max_mb: int) -> dict:
    """The OpenAPI 3.1 description of /api/check and /api/rules."""
    lang = {"name": "lang", "in": "query", "required": False,
            "schema": {"type": "string", "enum": ["id", "en"], "default": "id"}}
    json_body = {"application/json": {"schema": {"type": "object"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "renjacheck", "version": _version(),
                 "description": "Checks Renja workbooks for internal consistency."},
        "paths": {
            "/api/check": {"post": {
                "summary": "Check workbooks: the JSON report of `renjacheck check --format json`",
                "parameters": [lang],
                "requestBody": {"required": True, "content": {"multipart/form-data": {
                    "schema": {"type": "object", "required": ["file"], "properties": {
                        "file": {"type": "array", "items": {
                            "type": "string", "format": "binary"}}}}}}},
                "responses": {
                    "200": {"description": "The report; a file that could not be checked is "
                                           "its entry with `error`", "content": json_body},
                    "400": {"description": "No file, or too many", "content": json_body},
                    "413": {"description": f"The upload is over {max_mb} MB",
                            "content": json_body},
                    "503": {"description": "The queue of checks is full: try again later",
                            "content": json_body}}}},
            "/api/rules": {"get": {
                "summary": "The rule catalogue (`renjacheck rules --format json`)",
                "parameters": [lang],
                "responses": {"200": {"description": "The rules", "content": {
                    "application/json": {"schema": {"type": "array"}}}}}}},
        },
    }


def _version() -> str:
    from renjacheck.version import __version__

    return __version__
