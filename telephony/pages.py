"""The landing page, the privacy statement and the widget's texts, all filled from settings."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from knowledge.paths import CONTENT
from omzien import privacy
from omzien.settings import Settings
from telephony.twilio.numbers import international
from telephony.twilio.whatsapp_forget import CONFIRMATION, FORGET_WORD

TEMPLATES = Path(__file__).resolve().parent / "templates"
PRIVACY_PATH = "/privacy"


def tel_href(number: str) -> str:
    """A tap-to-call link: "088 0767 000" -> "tel:0880767000", "+31 6 ..." -> "tel:+316..."."""
    digits = re.sub(r"\D", "", number)
    return f"tel:+{digits}" if number.strip().startswith("+") else f"tel:{digits}"


def whatsapp_href(number: str) -> str:
    """A WhatsApp chat link (wa.me wants the international number without + or 00)."""
    return f"https://wa.me/{international(number).removeprefix('+')}"


def site_name(url: str) -> str:
    """A web address as people say it: "https://www.113.nl/x" -> "113.nl"."""
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def placeholders(settings: Settings) -> dict[str, Any]:
    """Everything a site text may use as a {placeholder}."""
    return {
        **settings.helpline_placeholders(),
        "retention_days": settings.conversation_retention_days,
        "crisis_chat_site": site_name(settings.crisis_chat_url),
        "human_line_site": site_name(settings.human_line_url),
    }


@lru_cache
def site_texts() -> dict[str, Any]:
    """knowledge/content/site.yml as written (placeholders still in)."""
    with open(CONTENT / "site.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _card(card: dict[str, Any], settings: Settings, fill: dict[str, Any]) -> dict[str, Any]:
    links = []
    for item in card["links"]:
        if "call" in item:
            href = tel_href(getattr(settings, item["call"]))
        else:
            href = getattr(settings, item["open"])
        links.append({"label": item["label"].format(**fill), "href": href})
    return {
        "title": card["title"].format(**fill),
        "text": card["text"].format(**fill),
        "links": links,
    }


def widget_config(settings: Settings) -> dict[str, Any]:
    """What the widget shows besides the bot's messages: notice, cards and error text."""
    texts = site_texts()
    fill = placeholders(settings)
    return {
        "notice": [line.format(**fill) for line in texts["notice"]],
        "privacy_path": PRIVACY_PATH,
        "privacy_link": texts["privacy_link"],
        "network_error": texts["network_error"].format(**fill),
        "forget": texts["forget"],
        "cards": {name: _card(card, settings, fill) for name, card in texts["cards"].items()},
    }


@lru_cache
def templates() -> Environment:
    """Jinja2 with autoescaping on, so a setting can never inject markup."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(tel=tel_href, whatsapp=whatsapp_href, site_name=site_name)
    # The privacy statement names what the code does with the code's own words.
    environment.globals.update(
        masking_labels=", ".join(privacy.LABELS),
        forget_word=FORGET_WORD.upper(),
        forget_confirmation=CONFIRMATION.upper(),
    )
    return environment


def render_page(name: str, settings: Settings) -> str:
    """One of the site's HTML pages."""
    return templates().get_template(name).render(settings=settings, privacy_path=PRIVACY_PATH)
