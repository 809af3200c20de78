"""Playwright on Debian's chromium against the running stack, and host pages on another origin."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.stack import HOST_PAGE_ORIGIN, ROOT, Stack

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
HOST_PAGES = Path(__file__).resolve().parent / "host_pages"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}

# Rasa's first answers after start-up can take several seconds on a busy 2-core machine.
expect.set_options(timeout=30_000)


# Package scope: Playwright's sync API keeps an event loop running while it lives, which would
# break later tests that call asyncio.run().
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Headless Debian chromium (`make browser-deps` installs it); never a downloaded browser."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Pages in fresh browser contexts (own sessionStorage); closed after the test."""
    contexts: list[BrowserContext] = []
    script_errors: list[str] = []

    def make(viewport: dict[str, int] = DESKTOP, **options) -> Page:
        context = browser.new_context(viewport=viewport, locale="nl-NL", **options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: script_errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert script_errors == [], "the widget must not throw"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def host_site(stack: Stack, tmp_path_factory) -> Iterator[str]:
    """A campaign site on another origin that embeds the widget from the stack's gateway."""
    folder = tmp_path_factory.mktemp("host_site")
    template = (HOST_PAGES / "page.html").read_text()
    hostile = f"<style>\n{(HOST_PAGES / 'hostile.css').read_text()}</style>"
    for name, (style, attributes) in {
        "plain": ("", 'data-title="Chat met Omzien"'),
        "hostile": (hostile, 'data-title="Chat met Omzien"'),
        "yellow": ("", 'data-title="Praat met ons" data-color="#ffd200"'),
        "bad-colour": (
            "",
            'data-title="Chat met Omzien" data-color="red;background:url(https://evil.example)"',
        ),
    }.items():
        page = template.replace("{{ gateway }}", stack.url).replace("{{ style }}", style)
        (folder / f"{name}.html").write_text(page.replace("{{ attributes }}", attributes))
    address = urlparse(HOST_PAGE_ORIGIN)
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer((address.hostname, address.port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield HOST_PAGE_ORIGIN
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from npm (widget/package-lock.json); `make browser-deps` installs it."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make browser-deps` (npm ci in widget/)")
    return AXE.read_text()


@pytest.fixture
def run_axe(axe_source: str) -> Callable[[Page], list[dict]]:
    """Run axe-core in a page; the serious and critical violations."""

    def run(page: Page) -> list[dict]:
        # Evaluated over the DevTools protocol: the pages' CSP forbids inline <script> tags.
        page.evaluate(axe_source)
        results = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        return [
            {
                "rule": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]],
            }
            for violation in results["violations"]
            if violation["impact"] in ("serious", "critical")
        ]

    return run


def describe(violations: list[dict]) -> str:
    """Violations readable in a failing assertion."""
    return json.dumps(violations, indent=2, ensure_ascii=False)
