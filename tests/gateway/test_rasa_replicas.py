"""The gateway's Rasa client: turns go round-robin over the replicas and skip a dead one."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from telephony.rasa_client import BotUnavailable, RasaClient

REPLICAS = ["http://127.0.0.1:5005", "http://127.0.0.1:5006"]


def client_with(handler) -> RasaClient:
    transport = httpx.MockTransport(handler)
    return RasaClient(REPLICAS, "http://127.0.0.1:5055", httpx.AsyncClient(transport=transport))


def answering(seen: list[int], down: set[int] = frozenset(), status: int = 200):
    """A stand-in for the replicas: records which port got each turn."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.port in down:
            raise httpx.ConnectError("connection refused", request=request)
        seen.append(request.url.port)
        return httpx.Response(status, json=[{"text": f"antwoord van {request.url.port}"}])

    return handler


def send_turns(client: RasaClient, count: int) -> list[str]:
    async def turns() -> list[str]:
        return [(await client.send("web-x", f"bericht {n}"))[0].text for n in range(count)]

    return asyncio.run(turns())


def test_turns_alternate_between_the_replicas():
    seen: list[int] = []
    send_turns(client_with(answering(seen)), 4)
    assert seen == [5005, 5006, 5005, 5006]


def test_a_replica_that_refuses_connections_is_skipped():
    seen: list[int] = []
    answers = send_turns(client_with(answering(seen, down={5005})), 3)
    assert seen == [5006, 5006, 5006]
    assert answers == ["antwoord van 5006"] * 3


def test_all_replicas_down_is_bot_unavailable():
    client = client_with(answering([], down={5005, 5006}))
    with pytest.raises(BotUnavailable):
        send_turns(client, 1)


def test_an_error_answer_is_not_sent_again_to_another_replica():
    seen: list[int] = []
    with pytest.raises(BotUnavailable):
        send_turns(client_with(answering(seen, status=500)), 1)
    assert seen == [5005]


def test_the_http_api_also_skips_a_dead_replica():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.port == 5005:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, json={"events": [{"event": "user", "text": "hoi"}]})

    client = client_with(handler)

    async def both() -> list[list[dict]]:
        return [await client.session_events("web-x") for _ in range(2)]

    assert asyncio.run(both()) == [[{"event": "user", "text": "hoi"}]] * 2
