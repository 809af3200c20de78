"""`python -m telephony.simulate call|whatsapp`: try the phone line or WhatsApp without Twilio.

Posts webhooks to the running gateway as Twilio would, signed with the auth token over the
public URL from settings, and shows what the caller would hear or read. Type what you would
say; a single digit is a key press; an empty line is silence. On WhatsApp, /foto or /spraak
sends media instead of text. Ctrl-D ends.
"""

from __future__ import annotations

import argparse
import sys
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx
from twilio.request_validator import RequestValidator

from omzien.settings import Settings, get_settings
from telephony.twilio import webhooks

Ask = Callable[[str], "str | None"]
Show = Callable[[str], None]
OMZIEN_NUMBER = "+31850000000"
CALLER = "+31600000000"
DIAL_OUTCOMES = {"a": "completed", "b": "busy", "g": "no-answer", "f": "failed"}
MEDIA = {"/foto": "image/jpeg", "/spraak": "audio/ogg"}


class Bridge:
    """The gateway's Twilio webhooks, called as Twilio calls them."""

    def __init__(self, client: httpx.Client, settings: Settings):
        self.client = client
        self.public_base = settings.public_base_url.rstrip("/")
        self.validator = RequestValidator(settings.twilio_auth_token or "")

    def post(self, path_or_url: str, params: dict[str, str]) -> ET.Element:
        """POST signed form fields; the TwiML answer."""
        url = path_or_url if path_or_url.startswith("http") else self.public_base + path_or_url
        parts = urlsplit(url)
        signature = self.validator.compute_signature(url, params)
        response = self.client.post(
            parts.path + (f"?{parts.query}" if parts.query else ""),
            data=params,
            headers={"X-Twilio-Signature": signature},
        )
        response.raise_for_status()
        return ET.fromstring(response.text)


def says(element: ET.Element) -> list[str]:
    """The texts of every <Say> in an element."""
    return [say.text or "" for say in element.iter("Say")]


def answer_fields(answer: str) -> dict[str, str]:
    """What Twilio posts for an answer: a key, speech, or nothing (silence)."""
    answer = answer.strip()
    if len(answer) == 1 and answer.isdigit():
        return {"Digits": answer}
    return {"SpeechResult": answer, "Confidence": "0.9"} if answer else {}


def run_call(bridge: Bridge, ask: Ask, show: Show, caller: str = CALLER) -> None:
    """One phone call, from ringing to hanging up."""
    call = {"CallSid": f"CA{uuid.uuid4().hex}", "From": caller, "To": OMZIEN_NUMBER}
    twiml = bridge.post(webhooks.VOICE, {**call, "CallStatus": "ringing"})
    while twiml is not None:
        twiml = _play(bridge, twiml, call, ask, show)
    show("[de oproep is beëindigd]")
    bridge.post(webhooks.VOICE_STATUS, {**call, "CallStatus": "completed"})


def _play(bridge: Bridge, twiml: ET.Element, call: dict, ask: Ask, show: Show):
    """Play one TwiML document; the next document, or None when the call ends."""
    for verb in twiml:
        if verb.tag == "Say":
            show(f"Omzien: {verb.text}")
        elif verb.tag == "Gather":
            for text in says(verb):
                show(f"Omzien: {text}")
            answer = ask("jij (woorden, een toets, of leeg voor stilte)> ")
            if answer is None:
                return None
            return bridge.post(verb.get("action"), {**call, **answer_fields(answer)})
        elif verb.tag == "Dial":
            return _dial(bridge, verb, call, ask, show)
        elif verb.tag == "Hangup":
            return None
    return None  # Twilio hangs up at the end of a document


def _dial(bridge: Bridge, dial: ET.Element, call: dict, ask: Ask, show: Show):
    number = dial.find("Number")
    show(f"[doorverbinden met {number.text if number is not None else '?'}]")
    if number is not None and number.get("url"):
        whisper = bridge.post(number.get("url"), {**call, "CallSid": f"CA{uuid.uuid4().hex}"})
        show(f"[de vrijwilliger hoort eerst: {' '.join(says(whisper))}]")
    outcome = ask("uitkomst: [a]angenomen, [b]ezet, [g]een gehoor, [f]out> ")
    if outcome is None:
        return None
    status = DIAL_OUTCOMES.get(outcome.strip()[:1].lower(), "completed")
    if status == "completed":
        show("[je praat nu met een mens ... en hangt daarna op]")
    return bridge.post(dial.get("action"), {**call, "DialCallStatus": status})


def run_whatsapp(bridge: Bridge, ask: Ask, show: Show, sender: str = CALLER) -> None:
    """A WhatsApp chat, one message at a time."""
    while (line := ask("jij> ")) is not None:
        params = {
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "From": f"whatsapp:{sender}",
            "To": f"whatsapp:{OMZIEN_NUMBER}",
            "Body": line,
            "NumMedia": "0",
        }
        if line.strip() in MEDIA:
            params.update(Body="", NumMedia="1", MediaContentType0=MEDIA[line.strip()])
            params["MediaUrl0"] = "https://api.twilio.com/simulated-media-never-fetched"
        for message in bridge.post(webhooks.WHATSAPP, params).findall("Message"):
            show(f"Omzien:\n{message.text}\n")


def _ask(prompt: str) -> str | None:
    try:
        return input(prompt)
    except EOFError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run a call or a chat."""
    settings = get_settings()
    parser = argparse.ArgumentParser(prog="python -m telephony.simulate", description=__doc__)
    parser.add_argument("channel", choices=["call", "whatsapp"])
    parser.add_argument("--url", default=f"http://127.0.0.1:{settings.gateway_port}")
    parser.add_argument("--from", dest="caller", default=CALLER)
    args = parser.parse_args(argv)
    with httpx.Client(base_url=args.url, timeout=20) as client:
        bridge = Bridge(client, settings)
        try:
            if args.channel == "call":
                run_call(bridge, _ask, print, args.caller)
            else:
                run_whatsapp(bridge, _ask, print, args.caller)
        except httpx.HTTPError as error:
            print(f"the gateway at {args.url} did not answer well: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
