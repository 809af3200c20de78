"""What the load benchmark talks to: the gateway's channels, Rasa's REST webhook, /model/parse.

Each target plays one whole conversation and returns one Sample per HTTP request. Errors are
non-2xx answers, timeouts, failed connections, and answers that are the degraded or fallback
answer (the gateway's `degraded` flag on the web; the fallback texts on Twilio's channels).
"""

from __future__ import annotations

import itertools
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from twilio.request_validator import RequestValidator

from bench.conversations import CHOICE, Conversation
from omzien.settings import Settings
from telephony.twilio import webhooks
from telephony.twilio.speech import spoken_text
from telephony.twilio.texts import text

OMZIEN_NUMBER = "+31850000000"
# Requests that do not carry a bot turn (a call coming in, its end); kept apart from "voice".
VOICE_CALL = "voice_call"


@dataclass(frozen=True)
class Sample:
    """One request: on which channel, its turn number (1-based), seconds taken, error kind."""

    channel: str
    turn: int
    seconds: float
    error: str | None = None


async def timed(
    client: httpx.AsyncClient, url: str, **kwargs
) -> tuple[httpx.Response | None, float, str | None]:
    """POST and time it; the response, or None with the kind of failure."""
    start = time.perf_counter()
    try:
        response = await client.post(url, **kwargs)
    except httpx.TimeoutException:
        return None, time.perf_counter() - start, "timeout"
    except httpx.HTTPError as error:
        return None, time.perf_counter() - start, type(error).__name__
    seconds = time.perf_counter() - start
    if not response.is_success:
        return response, seconds, f"http {response.status_code}"
    return response, seconds, None


def first_payload(messages: list[dict], default: str = "ja") -> str:
    """The payload of the first button among the bot's messages (a click on it)."""
    for message in messages:
        for button in message.get("buttons") or []:
            if button.get("payload"):
                return button["payload"]
    return default


def fallback_kind(texts: list[str], fallbacks: dict[str, str]) -> str | None:
    """The kind of fallback answer among `texts`, or None when the bot answered."""
    return next((fallbacks[t] for t in texts if t in fallbacks), None)


async def chat_turns(
    client: httpx.AsyncClient,
    url: Callable[[], str],
    sender: str,
    conversation: Conversation,
    deadline: float,
    read: Callable[[Any], tuple[list[dict], str | None]],
    channel: str = "web",
) -> list[Sample]:
    """A conversation as JSON turns {sender, message}; `read` gives the messages and any error."""
    samples, messages = [], []
    for turn, typed in enumerate(conversation.turns, 1):
        if time.monotonic() > deadline:
            break
        message = first_payload(messages) if typed == CHOICE else typed
        response, seconds, error = await timed(
            client, url(), json={"sender": sender, "message": message}
        )
        if error is None:
            messages, error = read(response.json())
        samples.append(Sample(channel, turn, seconds, error))
    return samples


class Gateway:
    """The gateway over HTTP: web chat, WhatsApp and voice webhooks signed as Twilio signs them."""

    name = "gateway"

    def __init__(self, client: httpx.AsyncClient, settings: Settings, run_id: str):
        self.client = client
        self.settings = settings
        self.run_id = run_id
        self.validator = RequestValidator(settings.twilio_auth_token)
        # What a person gets instead of the bot's answer: the bot is down, or they are over
        # the rate limit (Twilio's channels get those with 200, so the status cannot tell).
        self.whatsapp_fallbacks = {
            text(settings, "whatsapp_unavailable"): "fallback",
            text(settings, "rate_limited"): "rate limited",
        }
        self.voice_fallbacks = {
            spoken_text(settings, "voice_bot_unavailable"): "fallback",
            spoken_text(settings, "voice_rate_limited"): "rate limited",
        }

    async def play(self, conversation: Conversation, deadline: float) -> list[Sample]:
        """All turns of one conversation on its channel, until the deadline."""
        player = {"web": self.web, "whatsapp": self.whatsapp, "voice": self.voice}
        return await player[conversation.channel](conversation, deadline)

    def sign(self, path_or_url: str, params: dict[str, str]) -> tuple[str, dict[str, str]]:
        """The local path and the X-Twilio-Signature header over the public URL and fields."""
        url = path_or_url
        if not url.startswith("http"):
            url = self.settings.public_base_url.rstrip("/") + path_or_url
        parts = urlsplit(url)
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        return local, {"X-Twilio-Signature": self.validator.compute_signature(url, params)}

    async def web(self, conversation: Conversation, deadline: float) -> list[Sample]:
        def read(body: Any) -> tuple[list[dict], str | None]:
            return body.get("messages") or [], "degraded" if body.get("degraded") else None

        sender = f"bench-{self.run_id}-{uuid.uuid4().hex}"
        return await chat_turns(self.client, lambda: "/chat", sender, conversation, deadline, read)

    async def whatsapp(self, conversation: Conversation, deadline: float) -> list[Sample]:
        address = f"whatsapp:+316{uuid.uuid4().int % 10**8:08d}"
        samples = []
        for turn, typed in enumerate(conversation.turns, 1):
            if time.monotonic() > deadline:
                break
            params = {
                "MessageSid": f"SM{uuid.uuid4().hex}",
                "AccountSid": "AC" + "0" * 32,
                "From": address,
                "To": f"whatsapp:{OMZIEN_NUMBER}",
                "Body": "1" if typed == CHOICE else typed,
                "NumMedia": "0",
                "ProfileName": "Bench",
            }
            path, headers = self.sign(webhooks.WHATSAPP, params)
            response, seconds, error = await timed(self.client, path, data=params, headers=headers)
            if error is None:
                replies = [m.text or "" for m in ET.fromstring(response.text).iter("Message")]
                error = fallback_kind(replies, self.whatsapp_fallbacks)
            samples.append(Sample("whatsapp", turn, seconds, error))
        return samples

    async def voice(self, conversation: Conversation, deadline: float) -> list[Sample]:
        """A call: the greeting, then each turn to the Gather's action; a Dial ends the call."""
        call = {
            "CallSid": f"CA{uuid.uuid4().hex}",
            "AccountSid": "AC" + "0" * 32,
            "From": f"+316{uuid.uuid4().int % 10**8:08d}",
            "To": OMZIEN_NUMBER,
            "CallStatus": "in-progress",
            "Direction": "inbound",
        }
        sample, twiml = await self._voice_post(webhooks.VOICE, call, VOICE_CALL, 0)
        samples = [sample]
        for turn, said in enumerate(conversation.turns, 1):
            gather = twiml.find("./Gather") if twiml is not None else None
            if gather is None or time.monotonic() > deadline:
                break
            answer = {"Digits": "1"} if said == CHOICE else {"SpeechResult": said}
            params = {**call, **answer, "Confidence": "0.9"}
            sample, twiml = await self._voice_post(gather.get("action"), params, "voice", turn)
            samples.append(sample)
        ended = {**call, "CallStatus": "completed"}
        sample, _ = await self._voice_post(webhooks.VOICE_STATUS, ended, VOICE_CALL, 0)
        return [*samples, sample]

    async def _voice_post(
        self, url: str, params: dict[str, str], channel: str, turn: int
    ) -> tuple[Sample, ET.Element | None]:
        path, headers = self.sign(url, params)
        response, seconds, error = await timed(self.client, path, data=params, headers=headers)
        twiml = None
        if error is None:
            twiml = ET.fromstring(response.text)
            said = [say.text or "" for say in twiml.iter("Say")]
            error = fallback_kind(said, self.voice_fallbacks)
        return Sample(channel, turn, seconds, error), twiml


class RasaRest:
    """Rasa's REST channel, bare: the same texts, no gateway, round-robin over replicas."""

    name = "rasa_rest"

    def __init__(self, client: httpx.AsyncClient, rasa_urls: list[str], run_id: str):
        self.client = client
        self.urls = itertools.cycle([url.rstrip("/") for url in rasa_urls])
        self.run_id = run_id

    async def play(self, conversation: Conversation, deadline: float) -> list[Sample]:
        """All turns as REST messages under a new sender id."""

        def read(body: Any) -> tuple[list[dict], str | None]:
            return (body, None) if isinstance(body, list) else ([], "not a list")

        def url() -> str:
            return f"{next(self.urls)}/webhooks/rest/webhook"

        sender = f"bench-rest-{self.run_id}-{uuid.uuid4().hex}"
        return await chat_turns(self.client, url, sender, conversation, deadline, read, "rest")


class RasaParse:
    """Rasa's NLU alone (/model/parse): the same texts, no dialogue, no tracker."""

    name = "rasa_parse"

    def __init__(self, client: httpx.AsyncClient, rasa_urls: list[str]):
        self.client = client
        self.urls = itertools.cycle([url.rstrip("/") for url in rasa_urls])

    async def play(self, conversation: Conversation, deadline: float) -> list[Sample]:
        """Every turn's text parsed; a button choice is parsed as "ja" (no state to read it)."""
        samples = []
        for turn, typed in enumerate(conversation.turns, 1):
            if time.monotonic() > deadline:
                break
            message = "ja" if typed == CHOICE else typed
            _, seconds, error = await timed(
                self.client, f"{next(self.urls)}/model/parse", json={"text": message}
            )
            samples.append(Sample("parse", turn, seconds, error))
        return samples
