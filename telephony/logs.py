"""Structured logs: one JSON object a line, with the request id; no texts, numbers or addresses.

The access line is written here, not by uvicorn: uvicorn's shows the client's address and the
query string (which can hold what someone typed). Every record made while a request runs
carries that request's id, also in threads (contextvars travel into run_in_threadpool).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import re
import sys
import time
import traceback
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-ID"
# A client's id is kept only when it looks like one: long enough not to be a phone number.
_REQUEST_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Path segments of unrouted paths that could hold a number or an address are not logged.
_PERSONAL_SEGMENT = re.compile(r"[^/]*(?:@|\d{6,}|%40)[^/]*")
ACCESS_FIELDS = ("method", "path", "status", "duration_ms")
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)
log = logging.getLogger("omzien.access")


class JsonFormatter(logging.Formatter):
    """A record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        """Time, level, logger, message, request id, the access fields and any error."""
        line = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for field in ACCESS_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info and record.exc_info[0] is not None:
            line["error"] = record.exc_info[0].__name__
            line["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (test capture swaps it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter())

    @property
    def stream(self):  # noqa: D102 - the property replaces StreamHandler's attribute
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _install_record_factory() -> None:
    factory = logging.getLogRecordFactory()
    if getattr(factory, "adds_request_id", False):
        return

    def with_request_id(*args, **kwargs) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        record.request_id = request_id_var.get()
        return record

    with_request_id.adds_request_id = True
    logging.setLogRecordFactory(with_request_id)


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for the app and uvicorn; uvicorn's own access log off. Idempotent."""
    _install_record_factory()
    root = logging.getLogger()
    if not any(isinstance(handler, StderrHandler) for handler in root.handlers):
        root.addHandler(StderrHandler())
    root.setLevel(level)
    uvicorn = logging.getLogger("uvicorn")  # uvicorn.error propagates to it
    uvicorn.handlers = [StderrHandler()]
    uvicorn.propagate = False
    logging.getLogger("uvicorn.error").handlers = []
    # httpx logs every URL it calls at INFO (Rasa's, with conversation ids and queries).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # Without a handler uvicorn writes no access line at all (as with --no-access-log).
    access = logging.getLogger("uvicorn.access")
    access.handlers = []
    access.propagate = False


def incoming_request_id(scope: Scope) -> str:
    """The client's X-Request-ID when well-formed, else a new one."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _REQUEST_ID.fullmatch(candidate) and not candidate.isdigit():
                return candidate
    return uuid.uuid4().hex


def logged_path(scope: Scope) -> str:
    """The route's template ("/api/services/{service_id}"); an unrouted path masked."""
    route = scope.get("route")
    if route is not None and getattr(route, "path", None):
        return route.path
    return _PERSONAL_SEGMENT.sub("…", scope["path"])[:200]


class AccessLog:
    """One INFO line per request (method, path without query, status, ms) and X-Request-ID."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = incoming_request_id(scope)
        token = request_id_var.set(request_id)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            fields = {"method": scope["method"], "path": logged_path(scope)}
            log.info("request", extra={**fields, "status": status, "duration_ms": duration_ms})
            request_id_var.reset(token)
