"""The scaled set-up on real PostgreSQL and Redis: replicas share conversations, none is lost."""

from __future__ import annotations

import asyncio
import signal
import time
import uuid

import httpx
import pytest

from tests.scaled.conftest import REPLICAS, replica_process

pytestmark = pytest.mark.scaled

ASKS_WHAT = "Wat doe jij graag?"
ASKS_WHERE = "In welke plaats woon je?"
PLACES = """Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn
Haarlem Arnhem Enschede Amersfoort Zaanstad Zwolle Leiden Zoetermeer Leeuwarden Maastricht
Dordrecht Ede Alkmaar Emmen Delft Venlo Deventer Helmond Oss Amstelveen Hilversum Heerlen
Hengelo Purmerend Schiedam Lelystad Roosendaal Gouda Vlaardingen Almelo Hoorn Velsen Assen
Katwijk Veenendaal Zeist Nieuwegein Roermond Doetinchem Harderwijk""".split()


def texts(messages: list[dict]) -> str:
    """Every text of one answer, joined."""
    return "\n".join(message.get("text") or "" for message in messages)


def wait_until_up(urls: list[str], timeout: float = 300) -> None:
    """Every Rasa replica answers (the gateway is healthy as soon as one does)."""
    deadline = time.monotonic() + timeout
    for url in urls:
        while not answers(url):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not come up in {timeout} s")
            time.sleep(1)


def answers(url: str) -> bool:
    """True when the Rasa server at `url` answers its root path."""
    try:
        return httpx.get(f"{url}/", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def rest_turn(replica: str, sender: str, message: str) -> str:
    """One turn sent straight to one replica's REST channel."""
    response = httpx.post(
        f"{replica}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=60,
    )
    response.raise_for_status()
    return texts(response.json())


def test_one_conversation_alternating_between_replicas_keeps_slots_and_history(scaled):
    wait_until_up(REPLICAS)
    sender = f"scaled-{uuid.uuid4().hex[:10]}"
    first, second = REPLICAS
    assert ASKS_WHAT in rest_turn(first, sender, "ik wil iets leuks doen")
    assert ASKS_WHERE in rest_turn(second, sender, "wandelen")
    assert "in de buurt van Zwolle" in rest_turn(first, sender, "Zwolle")
    # "meer" only makes sense to a replica that knows the place and the page from the other.
    assert "Zwolle" in rest_turn(second, sender, "meer")
    tracker = httpx.get(f"{first}/conversations/{sender}/tracker", timeout=30).json()
    said = [event["text"] for event in tracker["events"] if event["event"] == "user"]
    assert said == ["ik wil iets leuks doen", "wandelen", "Zwolle", "meer"]
    assert tracker["slots"]["activity"] == "wandelen"
    assert tracker["slots"]["place"] == "Zwolle"


async def activity_search(client: httpx.AsyncClient, url: str, place: str) -> list[str]:
    """Three turns of one web conversation through the gateway; its three answers in order."""
    sender = f"scaled-{place}-{uuid.uuid4().hex[:8]}"
    answers = []
    for message in ("ik wil iets leuks doen", "wandelen", place):
        response = await client.post(f"{url}/chat", json={"sender": sender, "message": message})
        response.raise_for_status()
        body = response.json()
        assert not body["degraded"], f"{sender}: degraded answer to {message!r}"
        answers.append(texts(body["messages"]))
    return answers


def test_fifty_concurrent_conversations_each_get_their_own_answers_in_order(scaled):
    wait_until_up(REPLICAS)

    async def all_at_once() -> list[list[str]]:
        async with httpx.AsyncClient(timeout=120) as client:
            return await asyncio.gather(
                *(activity_search(client, scaled.url, place) for place in PLACES)
            )

    results = asyncio.run(all_at_once())
    assert len(results) == 50
    for place, (what, where, found) in zip(PLACES, results, strict=True):
        assert ASKS_WHAT in what
        assert ASKS_WHERE in where
        named = [
            other for other in PLACES if f"buurt van {other}" in found.replace("In de", "in de")
        ]
        assert named == [place]


def test_killing_a_replica_mid_run_loses_no_conversation(scaled):
    wait_until_up(REPLICAS)
    senders = [f"scaled-kill-{n}-{uuid.uuid4().hex[:6]}" for n in range(6)]
    for sender in senders:
        assert ASKS_WHAT in texts(scaled.chat(sender, "ik wil iets leuks doen")["messages"])
    victim = replica_process(int(REPLICAS[0].rsplit(":", 1)[1]))
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    # Every conversation continues where it was, on the replica that is left.
    for sender in senders:
        answer = scaled.chat(sender, "wandelen")
        assert not answer["degraded"]
        assert ASKS_WHERE in texts(answer["messages"])
    for sender in senders:
        answer = scaled.chat(sender, "Zwolle")
        assert not answer["degraded"]
        assert "in de buurt van Zwolle" in texts(answer["messages"])
    # `make run`'s supervisor starts the killed replica again; the others never stopped.
    wait_until_up(REPLICAS)
