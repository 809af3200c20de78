"""The web chat's public face: landing page, privacy statement, the widget and its texts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from omzien.settings import Settings
from telephony.assets import STATIC, CachedBody
from telephony.dependencies import SettingsDep
from telephony.pages import PRIVACY_PATH, render_page, widget_config

router = APIRouter(tags=["site"])

# The embed URL has no version in it: caches keep it briefly and then revalidate by ETag.
ASSET_CACHE = "public, max-age=600"
CONFIG_CACHE = "public, max-age=300"
PAGE_CACHE = "no-cache"
HTML = "text/html; charset=utf-8"

# Committed files (widget.js is the build of widget/src): read once, when the gateway starts.
WIDGET_SCRIPT = CachedBody.of(
    (STATIC / "widget.js").read_bytes(),
    "text/javascript; charset=utf-8",
    ASSET_CACHE,
    {"Cross-Origin-Resource-Policy": "cross-origin"},
)
SITE_CSS = CachedBody.of((STATIC / "site.css").read_bytes(), "text/css; charset=utf-8", ASSET_CACHE)


@dataclass(frozen=True)
class SiteBodies:
    """What the site renders from settings, which do not change while the app runs."""

    landing: CachedBody
    privacy: CachedBody
    widget_config: CachedBody

    @classmethod
    def render(cls, settings: Settings) -> SiteBodies:
        """Render the pages and the widget config once."""
        config = json.dumps(widget_config(settings), ensure_ascii=False).encode()
        return cls(
            landing=CachedBody.of(render_page("landing.html", settings).encode(), HTML, PAGE_CACHE),
            privacy=CachedBody.of(render_page("privacy.html", settings).encode(), HTML, PAGE_CACHE),
            widget_config=CachedBody.of(config, "application/json", CONFIG_CACHE),
        )


def site_bodies(request: Request, settings: SettingsDep) -> SiteBodies:
    """This app's SiteBodies, rendered on its first request."""
    state = request.app.state
    if not hasattr(state, "site_bodies"):
        state.site_bodies = SiteBodies.render(settings)
    return state.site_bodies


SiteDep = Annotated[SiteBodies, Depends(site_bodies)]


@router.get("/", response_class=Response)
def landing_page(request: Request, site: SiteDep) -> Response:
    """The campaign landing page, with the widget embedded as any host page would."""
    return site.landing.response(request)


@router.get(PRIVACY_PATH, response_class=Response)
def privacy_statement(request: Request, site: SiteDep) -> Response:
    """What is stored, for how long, who sees it, and the person's rights under the AVG."""
    return site.privacy.response(request)


@router.get("/widget.js", response_class=Response)
def widget_script(request: Request) -> Response:
    """The built widget (widget/src, `make widget`), loadable from any embedding page."""
    return WIDGET_SCRIPT.response(request)


@router.get("/widget/config", response_class=Response)
def widget_settings(request: Request, site: SiteDep) -> Response:
    """The widget's notice, cards and numbers, from settings (never hard-coded in the script)."""
    return site.widget_config.response(request)


@router.get("/site.css", response_class=Response)
def site_stylesheet(request: Request) -> Response:
    """The stylesheet of the landing and privacy pages."""
    return SITE_CSS.response(request)
