"""Response bodies with an ETag and Cache-Control, and 304 when the browser's copy is current."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
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


@dataclass(frozen=True)
class CachedBody:
    """A body that does not change while the app runs, with its headers worked out once."""

    body: bytes
    media_type: str
    headers: dict[str, str]

    @classmethod
    def of(
        cls,
        body: bytes,
        media_type: str,
        cache_control: str,
        headers: dict[str, str] | None = None,
    ) -> CachedBody:
        """`body` with its ETag, `cache_control`, nosniff and any further `headers`."""
        validators = {
            "ETag": etag_of(body),
            "Cache-Control": cache_control,
            "X-Content-Type-Options": "nosniff",
        }
        return cls(body, media_type, {**validators, **(headers or {})})

    def response(self, request: Request) -> Response:
        """The body, or an empty 304 when the request's If-None-Match names its ETag."""
        if etag_matches(request.headers.get("if-none-match"), self.headers["ETag"]):
            return Response(status_code=304, headers=self.headers)
        return Response(content=self.body, media_type=self.media_type, headers=self.headers)
