"""A stand-in for Twilio in tests: signs requests with twilio's RequestValidator, parses TwiML."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import httpx
from twilio.request_validator import RequestValidator

from omzien.settings import Settings

CALLER = "+31612345678"
OMZIEN_NUMBER = "+31850000000"
WHATSAPP_CALLER = f"whatsapp:{CALLER}"


class Twiml:
    """A TwiML document, read with XPath."""

    def __init__(self, xml: str):
        self.root = ET.fromstring(xml)
        assert self.root.tag == "Response"

    def says(self) -> list[str]:
        """Every <Say> text in document order, inside a Gather or not."""
        return [say.text or "" for say in self.root.iter("Say")]

    def spoken(self) -> str:
        return " ".join(self.says())

    @property
    def gather(self) -> ET.Element | None:
        return self.root.find("./Gather")

    @property
    def dial(self) -> ET.Element | None:
        return self.root.find("./Dial")

    def dialled(self) -> str | None:
        number = self.root.find("./Dial/Number")
        return number.text if number is not None else None

    def whisper_url(self) -> str | None:
        number = self.root.find("./Dial/Number")
        return number.get("url") if number is not None else None

    def hangs_up(self) -> bool:
        return self.root.find("./Hangup") is not None

    def messages(self) -> list[str]:
        return [message.text or "" for message in self.root.findall("./Message")]


class FakeTwilio:
    """Posts webhooks to the gateway as Twilio would, signed over the public URL."""

    def __init__(self, client: httpx.Client, settings: Settings):
        self.client = client
        self.settings = settings
        self.validator = RequestValidator(settings.twilio_auth_token)
        self.call_sid = f"CA{uuid.uuid4().hex}"

    def public(self, path_or_url: str) -> str:
        if path_or_url.startswith("http"):
            return path_or_url
        return self.settings.public_base_url.rstrip("/") + path_or_url

    def post(
        self, path_or_url: str, params: dict[str, str], signature: str | None = None
    ) -> httpx.Response:
        """POST form fields; `signature` None means: sign correctly."""
        url = self.public(path_or_url)
        parts = urlsplit(url)
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        if signature is None:
            signature = self.validator.compute_signature(url, params)
        headers = {"X-Twilio-Signature": signature} if signature else {}
        return self.client.post(local, data=params, headers=headers)

    def call_params(self, **extra: str) -> dict[str, str]:
        params = {
            "CallSid": self.call_sid,
            "AccountSid": "AC" + "0" * 32,
            "From": CALLER,
            "To": OMZIEN_NUMBER,
            "CallStatus": "in-progress",
            "Direction": "inbound",
        }
        return {**params, **extra}

    def voice(self, path_or_url: str, **fields: str) -> Twiml:
        """One voice webhook; the TwiML answer."""
        response = self.post(path_or_url, self.call_params(**fields))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/xml")
        return Twiml(response.text)

    def answer(self, twiml: Twiml, speech: str = "", digits: str = "") -> Twiml:
        """Answer a <Gather>: what Twilio posts to its action (nothing at all for silence)."""
        assert twiml.gather is not None, "no Gather to answer"
        fields = {}
        if speech:
            fields.update(SpeechResult=speech, Confidence="0.9")
        if digits:
            fields["Digits"] = digits
        return self.voice(twiml.gather.get("action"), **fields)

    def dial_result(self, twiml: Twiml, status: str) -> Twiml:
        """Twilio's report to the <Dial action> after the transfer."""
        assert twiml.dial is not None, "no Dial"
        return self.voice(twiml.dial.get("action"), DialCallStatus=status)

    def whatsapp(self, body: str = "", **extra: str) -> Twiml:
        """One WhatsApp message; the TwiML answer."""
        params = {
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "AccountSid": "AC" + "0" * 32,
            "From": WHATSAPP_CALLER,
            "To": f"whatsapp:{OMZIEN_NUMBER}",
            "Body": body,
            "NumMedia": "0",
            "ProfileName": "Jan de Vries",
            **extra,
        }
        response = self.post("/twilio/whatsapp", params)
        assert response.status_code == 200, response.text
        return Twiml(response.text)


def bot(text: str | None = None, buttons: list[tuple[str, str]] = (), **custom: str) -> dict:
    """One message as Rasa's REST channel returns it."""
    message: dict = {"recipient_id": "x"}
    if text is not None:
        message["text"] = text
    if buttons:
        message["buttons"] = [{"title": title, "payload": payload} for title, payload in buttons]
    if custom:
        message["custom"] = dict(custom)
    return message
