"""Voice state between webhooks, kept in Twilio's own round trip instead of process memory.

The gateway runs as several workers, so nothing about a call lives in memory. What the next
webhook must know (silences so far, the payload behind each key, which line was dialled, the
consented whisper topic) rides in the query string of the action URLs we hand Twilio. Twilio
signs the whole URL, query included, so a changed value fails the signature check. The state
holds no personal data: counts, the bot's button payloads and a topic key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from omzien.settings import Settings
from telephony.twilio.session import TOPICS
from telephony.twilio.webhooks import absolute_url

LINES = ("human", "crisis")


@dataclass(frozen=True)
class VoiceState:
    """What one voice webhook passes on to the next."""

    silences: int = 0
    buttons: tuple[str, ...] = ()
    line: str = "human"
    topic: str | None = None

    @classmethod
    def from_query(cls, query: QueryParams) -> VoiceState:
        """Read the state back; anything unexpected falls back to the start state."""
        silences = query.get("silences", "0")
        line = query.get("line", "human")
        topic = query.get("topic")
        return cls(
            silences=int(silences) if silences.isdigit() else 0,
            buttons=tuple(query.getlist("b")),
            line=line if line in LINES else "human",
            topic=topic if topic in TOPICS else None,
        )

    def with_(self, **changes: object) -> VoiceState:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def query_pairs(self) -> list[tuple[str, str]]:
        """The state as query parameters (defaults left out)."""
        pairs: list[tuple[str, str]] = []
        if self.silences:
            pairs.append(("silences", str(self.silences)))
        pairs += [("b", payload) for payload in self.buttons]
        if self.line != "human":
            pairs.append(("line", self.line))
        if self.topic:
            pairs.append(("topic", self.topic))
        return pairs


def public_url(settings: Settings, path: str, state: VoiceState | None = None) -> str:
    """The absolute URL Twilio should call next, with the state in its query string."""
    query = urlencode(state.query_pairs()) if state else ""
    return absolute_url(settings.public_base_url, path, query)
