"""/privacy says exactly what the code does: retention days from settings, masking, forgetting."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from omzien import privacy
from omzien.settings import Settings
from telephony.app import create_app
from telephony.twilio.whatsapp_forget import CONFIRMATION, FORGET_WORD

WIDGET_VIEW = Path(__file__).resolve().parents[2] / "widget" / "src" / "view.js"


def statement(settings: Settings) -> str:
    """The privacy statement as a reader sees it: text without markup, one space apart."""
    page = TestClient(create_app(settings)).get("/privacy")
    assert page.status_code == 200
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.text))
    return re.sub(r"\s+", " ", text)


@pytest.fixture(params=["configured", "changed"])
def rules(request, settings) -> Settings:
    """The settings as configured (environment and defaults), and with other numbers of days."""
    configured = Settings()
    days = {
        "conversation_retention_days": configured.conversation_retention_days,
        "callback_retention_days": configured.callback_retention_days,
    }
    if request.param == "changed":
        days = {"conversation_retention_days": 45, "callback_retention_days": 9}
    return settings.copy(update=days)


def test_every_number_of_days_in_the_statement_is_a_retention_setting(rules):
    text = statement(rules)
    conversation, callback = rules.conversation_retention_days, rules.callback_retention_days
    said = {int(days) for days in re.findall(r"(\d+) dagen", text)}
    assert said == {conversation, callback}
    assert f"We bewaren een gesprek {conversation} dagen na je laatste bericht" in text
    assert f"Een verzoek om teruggebeld te worden wissen we na {callback} dagen" in text


def test_the_statement_names_the_labels_masking_writes(settings):
    text = statement(settings)
    assert all(label in text for label in privacy.LABELS)


@pytest.mark.parametrize(
    ("named", "example", "label"),
    [
        ("telefoonnummers", "06 12345678", privacy.PHONE),
        ("e-mailadressen", "jan@example.nl", privacy.EMAIL),
        ("rekeningnummers (IBAN)", "NL91 ABNA 0417 1643 00", privacy.IBAN),
        ("burgerservicenummers", "123456789", privacy.NUMBER),
        ("een postcode met huisnummer", "1234 AB 5", f"1234 {privacy.POSTCODE}"),
        ("een huisnummer na een straatnaam", "Kerkweg 5", f"Kerkweg {privacy.HOUSE_NUMBER}"),
        ("alleen de vier cijfers, zoals 1234", "ik woon in 1234", "ik woon in 1234"),
    ],
)
def test_what_the_statement_says_is_masked_is_masked(settings, named, example, label):
    assert named in statement(settings)
    assert privacy.mask_personal_data(example) == label


def test_the_statement_tells_how_to_forget_with_the_words_the_code_knows(settings):
    text = statement(settings)
    assert f"Stuur het woord {FORGET_WORD.upper()}" in text
    assert f"Stuur daarna {CONFIRMATION.upper()}" in text
    assert "Klik op Nieuw gesprek en kies Ja" in text
    assert "text: 'Nieuw gesprek'" in WIDGET_VIEW.read_text()
    assert "Op verzoek" in text
