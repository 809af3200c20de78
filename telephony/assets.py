"""Responses with an ETag and Cache-Control, and 304 when the browser's copy is current."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from fastapi import Request, Response

STATIC = Path(__file__).resolve().parent / "static"


def etag_of(body: bytes) -> str:
    """A strong ETag: the content's hash."""
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak tags compare equal, "*" matches)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


def cached_response(
    request: Request,
    body: bytes,
    media_type: str,
    cache_control: str,
    headers: dict[str, str] | None = None,
) -> Response:
    """`body` with validators; an empty 304 when the request's If-None-Match fits."""
    etag = etag_of(body)
    all_headers = {
        "ETag": etag,
        "Cache-Control": cache_control,
        "X-Content-Type-Options": "nosniff",
        **(headers or {}),
    }
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=all_headers)
    return Response(content=body, media_type=media_type, headers=all_headers)


@lru_cache(maxsize=16)
def _read(path: Path, modified_ns: int) -> bytes:
    return path.read_bytes()


def static_file(name: str) -> bytes:
    """A file of telephony/static, read again only after it changed on disk."""
    path = STATIC / name
    return _read(path, path.stat().st_mtime_ns)
