"""Landing page, privacy statement, the widget script and its config: content, headers, CORS."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from pydantic import ValidationError

from knowledge.paths import CONTENT
from omzien.settings import Settings
from telephony.app import create_app
from telephony.assets import STATIC
from telephony.pages import site_name, tel_href, whatsapp_href

WIDGET_SOURCE = Path(__file__).resolve().parents[2] / "widget" / "src"
LITERAL_HELPLINE_NUMBER = re.compile(r"\b(113|112|0800|088)\b")


class Markup(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would care about."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline_code: list[str] = []
        self.handlers: list[str] = []
        self.style_attributes = 0
        self.style_elements = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.style_attributes += sum(1 for name, _ in attrs if name == "style")
        if tag == "style":
            self.style_elements += 1
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_code.append(data)


def markup_of(html: str) -> Markup:
    parser = Markup()
    parser.feed(html)
    return parser


@pytest.fixture
def client_with(settings):
    """A gateway client on the test settings with some fields changed."""

    def make(**changes) -> TestClient:
        return TestClient(create_app(settings.copy(update=changes)))

    return make


def test_landing_page_is_the_dutch_campaign_page_with_the_helplines(gateway, settings):
    response = gateway.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    assert '<html lang="nl">' in html
    assert "Wat je al graag doet, doe dat samen" in html
    assert "Voel je je eenzaam?" in html and "Maak je je zorgen om iemand?" in html
    for number in (
        settings.human_line_number,
        settings.crisis_number,
        settings.crisis_free_number,
        settings.emergency_number,
        settings.nonacute_number,
    ):
        assert f'href="{tel_href(number)}">{number}</a>' in html
    assert settings.human_line_name in html


@pytest.mark.parametrize("path", ["/", "/privacy"])
def test_pages_have_no_inline_script_or_style(gateway, path):
    markup = markup_of(gateway.get(path).text)
    assert markup.inline_code == []
    assert markup.handlers == []
    assert markup.style_attributes == 0 and markup.style_elements == 0
    assert all(script.get("src") for script in markup.scripts)


def test_landing_page_embeds_the_widget_with_one_script_tag(gateway):
    markup = markup_of(gateway.get("/").text)
    assert len(markup.scripts) == 1
    script = markup.scripts[0]
    assert script["src"] == "/widget.js"
    assert "async" in script and script["data-title"]


def test_phone_line_and_whatsapp_numbers_come_from_settings(client_with):
    html = client_with(phone_line_number="085 123 4567", whatsapp_number="+31 6 12345678").get("/")
    assert 'href="tel:0851234567">085 123 4567</a>' in html.text
    assert 'href="https://wa.me/31612345678">+31 6 12345678</a>' in html.text


def test_without_own_numbers_the_landing_page_does_not_offer_them(client_with):
    html = client_with(phone_line_number="", whatsapp_number="").get("/").text
    assert "WhatsApp" not in html


def test_settings_cannot_inject_markup_into_the_pages(client_with):
    client = client_with(human_line_name='<script>alert("x")</script>')
    for path in ("/", "/privacy"):
        html = client.get(path).text
        assert '<script>alert("x")</script>' not in html
        assert "&lt;script&gt;" in html


def test_privacy_statement_says_what_how_long_who_and_the_rights(client_with):
    client = client_with(conversation_retention_days=45, privacy_contact="privacy@example.org")
    response = client.get("/privacy")
    assert response.status_code == 200
    html = response.text
    for heading in ("Wat we bewaren", "Hoe lang", "Wie het ziet", "Je rechten"):
        assert f"<h2>{heading}</h2>" in html
    assert "45 dagen" in html
    assert "AVG" in html and "Autoriteit Persoonsgegevens" in html
    assert 'href="mailto:privacy@example.org"' in html


def test_privacy_statement_without_a_contact_still_says_where_to_go(client_with):
    html = client_with(privacy_contact="").get("/privacy").text
    assert "mailto:" not in html
    assert "organisatie die deze website beheert" in html


def test_widget_script_is_the_committed_build_with_caching_headers(gateway):
    response = gateway.get("/widget.js")
    assert response.status_code == 200
    assert response.content == (STATIC / "widget.js").read_bytes()
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert re.fullmatch(r'"[0-9a-f]{32}"', response.headers["etag"])
    assert "max-age=" in response.headers["cache-control"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"


@pytest.mark.parametrize("path", ["/widget.js", "/site.css", "/widget/config", "/", "/privacy"])
def test_a_current_copy_is_revalidated_with_304(gateway, path):
    etag = gateway.get(path).headers["etag"]
    for if_none_match in (etag, f"W/{etag}", f'"other", {etag}'):
        response = gateway.get(path, headers={"If-None-Match": if_none_match})
        assert response.status_code == 304
        assert response.content == b""
        assert response.headers["etag"] == etag
    assert gateway.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_widget_script_is_under_25_kb_gzipped(gateway):
    assert len(gzip.compress(gateway.get("/widget.js").content, 9)) <= 25 * 1024


def test_widget_source_has_no_helpline_numbers_and_no_html_injection():
    for path in WIDGET_SOURCE.glob("*.js"):
        source = path.read_text()
        assert not LITERAL_HELPLINE_NUMBER.search(source), (
            f"{path.name}: numbers come from settings"
        )
        assert "innerHTML" not in source and "insertAdjacentHTML" not in source, path.name


def test_widget_config_carries_numbers_and_retention_from_settings(client_with):
    client = client_with(
        conversation_retention_days=7,
        human_line_name="Testlijn",
        human_line_number="0900 1234",
        crisis_number="999",
        crisis_free_number="0800-9999",
        crisis_chat_url="https://www.crisis.example",
        emergency_number="911",
    )
    response = client.get("/widget/config")
    assert response.status_code == 200
    assert "max-age=" in response.headers["cache-control"]
    config = response.json()
    assert len(config["notice"]) == 2
    assert "computerprogramma" in config["notice"][0]
    assert "7 dagen" in config["notice"][1]
    assert config["privacy_path"] == "/privacy"
    crisis = {link["href"]: link["label"] for link in config["cards"]["crisis"]["links"]}
    assert crisis == {
        "tel:999": "Bel 999",
        "tel:08009999": "Bel 0800-9999",
        "https://www.crisis.example": "Chat via crisis.example",
        "tel:911": "Bel 911 als je leven nu in gevaar is",
    }
    human = config["cards"]["human_line"]
    assert "Testlijn" in human["text"]
    assert {"label": "Bel Testlijn: 0900 1234", "href": "tel:09001234"} in human["links"]


def test_site_texts_have_no_literal_helpline_numbers():
    raw = yaml.safe_dump(yaml.safe_load((CONTENT / "site.yml").read_text()))
    assert not LITERAL_HELPLINE_NUMBER.search(raw)


def preflight_chat(client, origin: str, request_headers: str):
    """A browser's CORS preflight for POST /chat."""
    return client.options(
        "/chat",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": request_headers,
        },
    )


def test_cors_lets_listed_embedding_origins_chat(client_with):
    client = client_with(cors_origins=["https://gemeente.example"])
    preflight = preflight_chat(client, "https://gemeente.example", "content-type")
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://gemeente.example"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in preflight.headers
    config = client.get("/widget/config", headers={"Origin": "https://gemeente.example"})
    assert config.headers["access-control-allow-origin"] == "https://gemeente.example"


def test_cors_refuses_other_origins(client_with):
    client = client_with(cors_origins=["https://gemeente.example"])
    preflight = client.options(
        "/chat",
        headers={"Origin": "https://elders.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    config = client.get("/widget/config", headers={"Origin": "https://elders.example"})
    assert "access-control-allow-origin" not in config.headers


def test_cors_never_allows_the_authorization_header(client_with):
    client = client_with(cors_origins=["https://gemeente.example"])
    preflight = preflight_chat(client, "https://gemeente.example", "authorization")
    assert preflight.status_code == 400


@pytest.mark.parametrize(
    "origin", ["https://x.nl/", "https://x.nl/pagina", "x.nl", "*", "https://x.nl?a=1"]
)
def test_cors_origins_must_be_bare_origins(origin):
    with pytest.raises(ValidationError, match="not an origin"):
        Settings(_env_file=None, cors_origins=[origin])


def test_a_bare_origin_with_a_port_is_accepted():
    settings = Settings(_env_file=None, cors_origins=["https://x.nl:8443", "http://127.0.0.1:8199"])
    assert settings.cors_origins == ["https://x.nl:8443", "http://127.0.0.1:8199"]


def test_retention_days_must_be_positive():
    with pytest.raises(ValidationError, match="at least 1"):
        Settings(_env_file=None, conversation_retention_days=0)


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("088 0767 000", "tel:0880767000"),
        ("0800-0113", "tel:08000113"),
        ("113", "tel:113"),
        ("+31 85 123 45 67", "tel:+31851234567"),
    ],
)
def test_tap_to_call_links(number, href):
    assert tel_href(number) == href


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("+31 6 12345678", "https://wa.me/31612345678"),
        ("06-12345678", "https://wa.me/31612345678"),
        ("0031 6 12345678", "https://wa.me/31612345678"),
    ],
)
def test_whatsapp_links(number, href):
    assert whatsapp_href(number) == href


def test_site_names_are_short():
    assert site_name("https://www.113.nl") == "113.nl"
    assert site_name("https://www.deluisterlijn.nl/chat") == "deluisterlijn.nl"
