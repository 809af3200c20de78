"""The web chat's public face: landing page, privacy statement, the widget and its texts."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request, Response

from telephony.assets import cached_response, static_file
from telephony.dependencies import SettingsDep
from telephony.pages import render_page, widget_config

router = APIRouter(tags=["site"])

# The embed URL has no version in it: caches keep it briefly and then revalidate by ETag.
ASSET_CACHE = "public, max-age=600"
CONFIG_CACHE = "public, max-age=300"
PAGE_CACHE = "no-cache"
HTML = "text/html; charset=utf-8"


@router.get("/", response_class=Response)
def landing_page(request: Request, settings: SettingsDep) -> Response:
    """The campaign landing page, with the widget embedded as any host page would."""
    return cached_response(
        request, render_page("landing.html", settings).encode(), HTML, PAGE_CACHE
    )


@router.get("/privacy", response_class=Response)
def privacy_statement(request: Request, settings: SettingsDep) -> Response:
    """What is stored, for how long, who sees it, and the person's rights under the AVG."""
    return cached_response(
        request, render_page("privacy.html", settings).encode(), HTML, PAGE_CACHE
    )


@router.get("/widget.js", response_class=Response)
def widget_script(request: Request) -> Response:
    """The built widget (widget/src, `make widget`), loadable from any embedding page."""
    return cached_response(
        request,
        static_file("widget.js"),
        "text/javascript; charset=utf-8",
        ASSET_CACHE,
        {"Cross-Origin-Resource-Policy": "cross-origin"},
    )


@router.get("/widget/config", response_class=Response)
def widget_settings(request: Request, settings: SettingsDep) -> Response:
    """The widget's notice, cards and numbers, from settings (never hard-coded in the script)."""
    body = json.dumps(widget_config(settings), ensure_ascii=False).encode()
    return cached_response(request, body, "application/json", CONFIG_CACHE)


@router.get("/site.css", response_class=Response)
def site_stylesheet(request: Request) -> Response:
    """The stylesheet of the landing and privacy pages."""
    return cached_response(request, static_file("site.css"), "text/css; charset=utf-8", ASSET_CACHE)
