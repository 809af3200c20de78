"""Bearer-token dependencies for the data-maintenance and coordinator APIs."""

from __future__ import annotations

import hmac
from collections.abc import Callable

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from omzien.settings import Settings
from telephony.dependencies import settings_dep

bearer = HTTPBearer(auto_error=False)


def require_token(setting: str) -> Callable[..., None]:
    """A dependency that lets a request through only with the token in `settings.<setting>`."""

    def check(
        settings: Settings = Depends(settings_dep),
        credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
    ) -> None:
        expected = getattr(settings, setting)
        given = credentials.credentials if credentials else ""
        # No token configured means the API is closed; compare in constant time.
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(
                401, "A valid bearer token is required.", {"WWW-Authenticate": "Bearer"}
            )

    return check
