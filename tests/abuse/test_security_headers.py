"""Security headers on every kind of route; a CSP without inline script on the pages."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi.testclient import TestClient

from telephony.app import create_app
from tests.twilio.conftest import rasa_handler

COMMON = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
}


def csp(response: httpx.Response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {d.split()[0]: d.partition(" ")[2] for d in (p.strip() for p in policy.split(";")) if d}


@pytest.mark.parametrize("path", ["/", "/privacy"])
def test_pages_get_a_strict_policy(gateway, path):
    response = gateway.get(path)
    for name, value in COMMON.items():
        assert response.headers[name] == value
    directives = csp(response)
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert "unsafe" not in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert "camera=()" in response.headers["permissions-policy"]


@pytest.mark.parametrize("path", ["/", "/privacy"])
def test_a_revalidated_page_keeps_the_page_policy(gateway, path):
    # The browser applies a 304's CSP to its cached page; the strict API policy would block
    # the widget after every reload.
    first = gateway.get(path)
    again = gateway.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert csp(again)["script-src"] == "'self'"


@pytest.mark.parametrize("path", ["/", "/privacy"])
def test_pages_need_nothing_the_policy_forbids(gateway, path):
    html = gateway.get(path).text
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == [] or all(' src="/' in tag for tag in scripts), "only our own script files"
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), "no inline script"
    assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", html), "no inline style or handlers"
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(js|css)"', html), "no outside files"


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/widget.js"), ("GET", "/widget/config"), ("GET", "/site.css"),
     ("POST", "/chat"), ("GET", "/api/activities"), ("GET", "/health"), ("GET", "/nope"),
     ("POST", "/twilio/voice")],
)  # fmt: skip
def test_every_other_response_gets_the_headers_and_no_framing(gateway, method, path):
    response = gateway.request(method, path, json={"sender": "a", "message": "hoi"})
    for name, value in COMMON.items():
        assert response.headers[name] == value, path
    assert csp(response) == {"default-src": "'none'", "frame-ancestors": "'none'"}


def test_the_widget_keeps_its_cross_origin_resource_policy(gateway):
    response = gateway.get("/widget.js")
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    assert response.headers.get_list("x-content-type-options") == ["nosniff"], "set once"


def test_campaign_sites_may_frame_the_pages_when_configured(settings, rasa_replies):
    settings.frame_ancestors = ["https://www.eentegeneenzaamheid.nl", "https://gemeente.example"]
    rasa_replies.update(requests=[])
    app = create_app(settings, transport=httpx.MockTransport(rasa_handler(rasa_replies)))
    with TestClient(app) as client:
        response = client.get("/")
    assert csp(response)["frame-ancestors"] == (
        "'self' https://www.eentegeneenzaamheid.nl https://gemeente.example"
    )
    assert "x-frame-options" not in response.headers, "it cannot name other sites"


def test_frame_ancestors_must_be_origins():
    from omzien.settings import Settings

    with pytest.raises(ValueError):
        Settings(frame_ancestors=["https://x.nl/page; script-src *"])


def test_cors_allows_only_listed_origins(settings, rasa_replies):
    settings.cors_origins = ["https://www.gemeente.nl"]
    rasa_replies.update(requests=[])
    app = create_app(settings, transport=httpx.MockTransport(rasa_handler(rasa_replies)))
    with TestClient(app) as client:
        allowed = client.get("/widget/config", headers={"Origin": "https://www.gemeente.nl"})
        other = client.get("/widget/config", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://www.gemeente.nl"
    assert "access-control-allow-origin" not in other.headers
