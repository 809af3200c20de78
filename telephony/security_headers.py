"""Security headers on every response; a strict Content-Security-Policy on the HTML pages.

The landing and privacy pages load only /site.css and /widget.js from the gateway, and the
widget draws its CSS through a constructed stylesheet and its colours through CSSOM, which a
CSP without 'unsafe-inline' allows; so no inline script or style is ever needed. Other sites
may frame the pages only when OMZIEN_FRAME_ANCESTORS names them.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from omzien.settings import Settings
from telephony.pages import PRIVACY_PATH

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {ancestors}"
)
# The gateway's HTML pages (telephony/routers/site.py).
PAGE_PATHS = frozenset({"/", PRIVACY_PATH})
# JSON, TwiML, scripts and CSS are never documents: nothing may run in them or frame them.
RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The browser features Omzien never uses.
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def page_policy(settings: Settings) -> str:
    """The CSP of the HTML pages, with the configured frame ancestors."""
    return PAGE_POLICY.format(ancestors=" ".join(["'self'", *settings.frame_ancestors]))


class SecurityHeaders:
    """Adds the headers to every HTTP response, keeping any a route set itself."""

    def __init__(self, app: ASGIApp, settings: Settings, skip_csp: tuple[str, ...] = ()):
        self.app = app
        self.skip_csp = skip_csp  # FastAPI's API docs run inline scripts from a CDN
        self.common = {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "Permissions-Policy": PERMISSIONS,
        }
        self.page = {"Content-Security-Policy": page_policy(settings)}
        if not settings.frame_ancestors:  # X-Frame-Options cannot name other sites
            self.page["X-Frame-Options"] = "SAMEORIGIN"
        self.resource = {"Content-Security-Policy": RESOURCE_POLICY}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                extra = dict(self.common)
                if scope["path"] not in self.skip_csp:
                    html = headers.get("content-type", "").startswith("text/html")
                    # A 304 has no content type, yet the browser applies its CSP to the page
                    # it revalidated: a page path keeps the page's policy.
                    revalidated_page = message["status"] == 304 and scope["path"] in PAGE_PATHS
                    extra.update(self.page if html or revalidated_page else self.resource)
                for name, value in extra.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
