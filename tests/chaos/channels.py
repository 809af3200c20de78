"""One person per channel (web chat, WhatsApp, phone) and what they got, judged and timed.

Every try becomes an Outcome: a row of the chaos table and an assertion of a test. Twilio's
requests are signed as Twilio signs them (tests/twilio/helpers.py), TwiML is parsed as XML.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import asdict, dataclass

import httpx

from omzien.settings import Settings
from telephony.twilio.numbers import human_line_dial
from tests.twilio.helpers import FakeTwilio, Twiml

NO_PROMISE = "bellen je zo snel mogelijk terug"  # the confirmation of a stored callback request
# The apologies of the gateway (web and WhatsApp) and of an action whose database is down.
DEGRADED = ("werk op dit moment even niet", "lukt nu even niet", "lukt nu niet", "lukt me nu")
SLACK_MS = 1500  # what the gateway and this machine may add to the phone budget


@dataclass
class Outcome:
    """What one person got on one channel during one fault; `ok` is the test's verdict."""

    fault: str
    channel: str
    expected: str
    got: str
    status: int
    ms: int
    ok: bool
    text: str = ""

    def as_row(self) -> dict:
        """The outcome as a row of var/chaos/report.json."""
        return asdict(self)


def degraded(text: str) -> bool:
    """True when the text is one of the apologies rather than the bot's real answer."""
    return any(mark in text for mark in DEGRADED)


def helplines_in(settings: Settings, text: str) -> list[str]:
    """Which of the human line, 113, 113's free number and 112 the text gives."""
    wanted = {
        settings.human_line_number: settings.human_line_number,
        settings.crisis_number: rf"(?<![\d-]){re.escape(settings.crisis_number)}(?!\d)",
        settings.crisis_free_number: re.escape(settings.crisis_free_number),
        settings.emergency_number: rf"(?<!\d){re.escape(settings.emergency_number)}(?!\d)",
    }
    return [name for name, pattern in wanted.items() if re.search(pattern, text)]


def apology_summary(settings: Settings, text: str) -> str:
    """'apology + 088 0767 000 + 113 + ...', or what is missing."""
    found = helplines_in(settings, text)
    return " + ".join(["apology", *found]) if found else f"text without helplines: {text[:60]!r}"


def complete_apology(settings: Settings, text: str) -> bool:
    """True when the text gives the human line, 113, its free number and 112."""
    return len(helplines_in(settings, text)) == 4


def voice_summary(twiml: Twiml | None) -> str:
    """'Dial +31...' or 'bot speaks, listens' (or what else the caller got)."""
    if twiml is None:
        return "no TwiML"
    if twiml.dialled():
        return f"Dial {twiml.dialled()}"
    if twiml.gather is not None:
        return "bot speaks, listens"
    return "hang-up" if twiml.hangs_up() else "empty TwiML"


class Person:
    """Talks to the gateway on every channel and reports what came back."""

    def __init__(self, client: httpx.Client, settings: Settings, fault: str):
        self.client = client
        self.settings = settings
        self.fault = fault
        self.outcomes: list[Outcome] = []

    def _timed(self, send) -> tuple[httpx.Response, int]:
        started = time.monotonic()
        response = send()
        return response, round((time.monotonic() - started) * 1000)

    def _record(self, outcome: Outcome) -> Outcome:
        self.outcomes.append(outcome)
        return outcome

    # Web chat -----------------------------------------------------------------------------
    def web(self, sender: str, message: str, expect: str) -> Outcome:
        """One POST /chat; expect "answer" or "apology" (the human line and crisis numbers)."""
        response, ms = self._timed(
            lambda: self.client.post("/chat", json={"sender": sender, "message": message})
        )
        body = response.json() if response.status_code == 200 else {}
        text = "\n".join(m.get("text") or "" for m in body.get("messages", []))
        if expect == "answer":
            ok = bool(text) and not body.get("degraded") and not degraded(text)
            got = f"bot answer: {text[:40]!r}" if ok else apology_summary(self.settings, text)
        else:
            ok = complete_apology(self.settings, text)
            got = apology_summary(self.settings, text)
        ok = ok and response.status_code == 200
        return self._record(
            Outcome(self.fault, "web chat", expect, got, response.status_code, ms, ok, text)
        )

    # WhatsApp -----------------------------------------------------------------------------
    def whatsapp(self, number: str, body: str, expect: str, channel: str = "WhatsApp") -> Outcome:
        """One WhatsApp message from `number`; expect "answer", "apology" or "callback saved"."""
        twilio = FakeTwilio(self.client, self.settings)
        params = {
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "AccountSid": "AC" + "0" * 32,
            "From": f"whatsapp:{number}",
            "To": "whatsapp:+31850000000",
            "Body": body,
            "NumMedia": "0",
        }
        response, ms = self._timed(lambda: twilio.post("/twilio/whatsapp", params))
        text = "\n".join(Twiml(response.text).messages()) if response.status_code == 200 else ""
        if expect == "answer":
            ok = bool(text) and not degraded(text)
            got = f"bot answer: {text[:40]!r}" if ok else apology_summary(self.settings, text)
        elif expect == "callback saved":
            ok = NO_PROMISE in text
            got = "callback confirmed" if ok else apology_summary(self.settings, text)
        else:  # an apology: never the callback promise
            ok = complete_apology(self.settings, text) and NO_PROMISE not in text
            got = apology_summary(self.settings, text)
        ok = ok and response.status_code == 200
        return self._record(
            Outcome(self.fault, channel, expect, got, response.status_code, ms, ok, text)
        )

    # Phone --------------------------------------------------------------------------------
    def _voice_post(self, twilio: FakeTwilio, url: str, caller: str, **fields: str):
        params = twilio.call_params(From=caller, **fields)
        response, ms = self._timed(lambda: twilio.post(url, params))
        twiml = Twiml(response.text) if response.status_code == 200 else None
        return response.status_code, twiml, ms

    def call(self, caller: str) -> tuple[FakeTwilio, Twiml]:
        """A new call: the greeting (the bot is not asked for it)."""
        twilio = FakeTwilio(self.client, self.settings)
        status, twiml, _ = self._voice_post(twilio, "/twilio/voice", caller)
        assert status == 200 and twiml is not None and twiml.gather is not None
        return twilio, twiml

    def voice(
        self, caller: str, speech: str, expect: str, channel: str = "phone", follow: str = ""
    ) -> Outcome:
        """Say `speech` after the greeting; expect "answer" or "put through" (to the human line).

        `follow` answers a bot question once more (e.g. "nee" to the whisper consent) and
        the caller must be put through after it; the time is that of both turns.
        """
        twilio, greeting = self.call(caller)
        status, twiml, ms = self._voice_post(
            twilio, greeting.gather.get("action"), caller, SpeechResult=speech, Confidence="0.9"
        )
        got = voice_summary(twiml)
        if follow and status == 200 and twiml is not None and twiml.gather is not None:
            status, twiml, more = self._voice_post(
                twilio, twiml.gather.get("action"), caller, SpeechResult=follow, Confidence="0.9"
            )
            got, ms = f"asked, then {voice_summary(twiml)}", ms + more
        return self._record(self._judge_voice(channel, expect, status, twiml, ms, got))

    def voice_callback(self, caller: str, expect: str) -> Outcome:
        """Key 0, the line is busy, key 2 for a callback, key 1 to consent; the answer to that."""
        twilio, twiml = self.call(caller)
        for digits in ("0", None, "2"):
            if digits is None:
                url, fields = twiml.dial.get("action"), {"DialCallStatus": "busy"}
            else:
                url, fields = twiml.gather.get("action"), {"Digits": digits}
            status, twiml, _ = self._voice_post(twilio, url, caller, **fields)
            assert status == 200 and twiml is not None, f"the callback steps failed at {digits}"
        status, twiml, ms = self._voice_post(twilio, twiml.gather.get("action"), caller, Digits="1")
        spoken = twiml.spoken() if twiml is not None else ""
        if expect == "callback saved":
            ok = status == 200 and NO_PROMISE in spoken and twiml.hangs_up()
            got = "callback confirmed" if ok else voice_summary(twiml)
            channel = "phone callback"
            outcome = Outcome(self.fault, channel, expect, got, status, ms, ok, spoken)
            return self._record(outcome)
        outcome = self._judge_voice("phone callback", expect, status, twiml, ms, "")
        outcome.ok = outcome.ok and NO_PROMISE not in spoken
        return self._record(outcome)

    def _judge_voice(
        self, channel: str, expect: str, status: int, twiml: Twiml | None, ms: int, got: str
    ) -> Outcome:
        got = got or voice_summary(twiml)
        spoken = twiml.spoken() if twiml is not None else ""
        if expect == "answer":
            ok = twiml is not None and twiml.gather is not None and twiml.dial is None
            ok = ok and not degraded(spoken)
        else:  # put through to the human line, within the budget (plus the gateway's own time)
            budget_ms = self.settings.voice_bot_budget_s * 1000 + SLACK_MS
            ok = (
                twiml is not None
                and twiml.dialled() == human_line_dial(self.settings)
                and ms <= budget_ms
            )
        ok = ok and status == 200
        return Outcome(self.fault, channel, expect, got, status, ms, ok, spoken)
