"""The load benchmark's parts without a running Rasa: the conversation mix, Twilio signatures,
the statistics, the report, process roles, and the driver against the gateway in-process."""

from __future__ import annotations

import asyncio
import json
import os
from collections import Counter
from itertools import islice

import httpx
from twilio.request_validator import RequestValidator

from bench import report
from bench.conversations import (
    CHOICE,
    MAX_TURNS,
    MIN_TURNS,
    Conversation,
    conversation_mix,
    long_conversation,
)
from bench.driver import run_level, run_long
from bench.processes import MemorySampler, role, stack_env
from bench.stats import latency, layer_ratios, percentile, ratio
from bench.targets import VOICE_CALL, Gateway


def drive(coroutine_factory):
    """Run a coroutine in a fresh event loop (the driver is plain asyncio)."""
    return asyncio.run(coroutine_factory())


def asgi_client(gateway) -> httpx.AsyncClient:
    """An HTTP client that talks to the gateway app in-process (its Rasa is the mock)."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=gateway.app), base_url="http://gw")


# --- the conversation mix ---


def test_every_conversation_has_6_to_12_turns_and_the_mix_covers_every_channel_and_topic():
    conversations = list(islice(conversation_mix(seed=1), 600))
    assert all(MIN_TURNS <= len(c.turns) <= MAX_TURNS for c in conversations)
    assert all(turn for c in conversations for turn in c.turns)
    assert set(Counter(c.channel for c in conversations)) == {"web", "whatsapp", "voice"}
    topics = Counter(c.topic for c in conversations)
    assert set(topics) == {"loneliness", "activity", "help_other", "self_check", "crisis"}
    assert 0 < topics["crisis"] < 0.1 * len(conversations)  # now and then, not often


def test_the_same_seed_gives_the_same_conversations_and_another_seed_others():
    first = list(islice(conversation_mix(seed=6), 50))
    assert first == list(islice(conversation_mix(seed=6), 50))
    assert first != list(islice(conversation_mix(seed=7), 50))


def test_activity_searches_name_a_place_and_the_long_conversation_has_its_length():
    texts = [t for c in islice(conversation_mix(), 300) if c.topic == "activity" for t in c.turns]
    assert any("Zwolle" in t or "3512" in t or "Hengelo" in t for t in texts)
    assert len(long_conversation(110)) == 110


# --- Twilio signatures ---


def test_webhooks_are_signed_over_the_public_url_the_gateway_checks(settings):
    target = Gateway(httpx.AsyncClient(), settings, "run")
    params = {"CallSid": "CA1", "SpeechResult": "ik voel me eenzaam"}
    path, headers = target.sign("/twilio/voice/turn?b=%2Ffind_activity", params)
    assert path == "/twilio/voice/turn?b=%2Ffind_activity"
    public = settings.public_base_url.rstrip("/") + path
    validator = RequestValidator(settings.twilio_auth_token)
    signature = headers["X-Twilio-Signature"]
    assert validator.validate(public, params, signature)
    assert not validator.validate(public, {**params, "SpeechResult": "x"}, signature)
    # An absolute action URL from TwiML is signed as it stands and posted to its local path.
    path, headers = target.sign(public, params)
    assert path == "/twilio/voice/turn?b=%2Ffind_activity"
    assert validator.validate(public, params, headers["X-Twilio-Signature"])


# --- statistics ---


def test_percentiles_interpolate_between_ranks():
    assert percentile([4, 1, 3, 2], 50) == 2.5
    assert percentile(list(range(1, 101)), 95) == 95.05
    assert percentile([7], 99) == 7
    assert percentile([], 50) is None
    summary = latency([0.010, 0.020, 0.030])
    assert summary == {"count": 3, "p50": 20.0, "p95": 29.0, "p99": 29.8, "mean": 20.0}


def test_ratios_compare_each_layer_at_equal_concurrency():
    assert ratio(3, 2) == 1.5
    assert ratio(None, 2) is None and ratio(1, 0) is None
    gateway = {"web": {"p50": 30, "p95": 90}, "all turns": {"p50": 33, "p95": 99}}
    level = {
        "gateway": {"channels": gateway},
        "rasa_rest": {"channels": {"rest": {"p50": 20, "p95": 60}}},
        "rasa_parse": {"channels": {"parse": {"p50": 10, "p95": 20}}},
    }  # fmt: skip
    assert layer_ratios(level) == {
        "web_vs_rest_p50": 1.5, "all_vs_rest_p50": 1.65, "rest_vs_parse_p50": 2.0,
        "web_vs_rest_p95": 1.5, "all_vs_rest_p95": 1.65, "rest_vs_parse_p95": 3.0,
    }  # fmt: skip


# --- the driver against the gateway in-process (Rasa is the conftest's mock) ---


def test_the_driver_plays_whole_conversations_on_every_channel_without_errors(
    gateway, rasa_replies
):
    expected = list(islice(conversation_mix(seed=3), 8))

    async def run():
        async with asgi_client(gateway) as client:
            target = Gateway(client, gateway.app.state.settings, "test")
            return await run_level(target, 2, seconds=60, max_conversations=8, seed=3)

    summary = drive(run)
    assert summary["conversations"] == 8
    assert summary["errors"] == 0, summary["error_kinds"]
    assert summary["turns"] == sum(len(c.turns) for c in expected)
    voice_calls = sum(c.channel == "voice" for c in expected)
    assert summary["requests"] == summary["turns"] + 2 * voice_calls  # call start and end
    channels = {c.channel for c in expected}
    assert channels <= set(summary["channels"])
    assert summary["channels"]["all turns"]["count"] == summary["turns"]
    if voice_calls:
        assert summary["channels"][VOICE_CALL]["count"] == 2 * voice_calls
    for figures in summary["channels"].values():
        assert figures["p50"] <= figures["p95"] <= figures["p99"]
    # A new conversation id for every conversation (a voice key press never reaches Rasa).
    assert len({seen["sender"] for seen in rasa_replies["seen"]}) == 8


def test_fallback_answers_and_bad_signatures_count_as_errors(gateway, rasa_replies, settings):
    rasa_replies["error"] = httpx.ConnectError("Rasa is down")
    turns = ("hoi", "ik voel me eenzaam", CHOICE, "doei", "dag", "tot ziens")
    conversations = [Conversation(n, channel, "test", turns) for n, channel in
                     enumerate(["web", "whatsapp", "voice"])]  # fmt: skip

    async def run(target_settings):
        async with asgi_client(gateway) as client:
            target = Gateway(client, target_settings, "test")
            return [await target.play(c, deadline=float("inf")) for c in conversations]

    web, whatsapp, voice = drive(lambda: run(gateway.app.state.settings))
    assert [s.error for s in web] == ["degraded"] * 6
    assert [s.error for s in whatsapp] == ["fallback"] * 6
    # The phone puts the caller through to the human line at once: the call ends there.
    assert [(s.channel, s.error) for s in voice] == [
        (VOICE_CALL, None),
        ("voice", "fallback"),
        (VOICE_CALL, None),
    ]
    wrong_token = settings.copy(update={"twilio_auth_token": "not-the-token"})
    _, whatsapp, voice = drive(lambda: run(wrong_token))
    assert {s.error for s in whatsapp + voice} == {"http 403"}


def test_the_long_conversation_compares_turn_5_with_turn_100(gateway):
    async def run():
        async with asgi_client(gateway) as client:
            target = Gateway(client, gateway.app.state.settings, "test")
            return await run_long(target, turns=103, repeats=2)

    long = drive(run)
    assert long["errors"] == 0
    assert long["turn_5_ms"] > 0 and long["turn_100_ms"] > 0
    assert long["ratio_100_vs_5"] == round(long["turn_100_ms"] / long["turn_5_ms"], 2)


# --- processes and the report ---


class FakeProcess:
    def __init__(self, *argv: str):
        self.argv = list(argv)

    def cmdline(self) -> list[str]:
        return self.argv

    def name(self) -> str:
        return "python"


def test_processes_are_named_by_their_role():
    rasa = [".venv/bin/rasa", "run", "--model", "m.tar.gz", "--port", "5405", "--enable-api"]
    assert role(FakeProcess("python", "-m", "scripts.run"), None) == "launcher (scripts.run)"
    assert role(FakeProcess(*rasa), "launcher (scripts.run)") == "rasa :5405"
    assert role(FakeProcess(".venv/bin/rasa", "run", "actions", "-p", "5455"), "x") == "actions"
    actions = ["python", "-m", "bot.action_server", "--actions", "bot.actions", "-p", "5455"]
    assert role(FakeProcess(*actions), "x") == "actions"
    gateway = ["python", "-m", "uvicorn", "telephony.server:app", "--workers", "2"]
    assert role(FakeProcess(*gateway), "launcher (scripts.run)") == "gateway"
    spawned = ["python", "-c", "from multiprocessing.spawn import spawn_main; spawn_main()"]
    assert role(FakeProcess(*spawned), "gateway") == "gateway worker"
    tracker = ["python", "-c", "from multiprocessing.resource_tracker import main;main(5)"]
    assert role(FakeProcess(*tracker), "gateway") == "gateway resource tracker"


def test_the_sampler_reports_peak_rss_per_process_and_in_total():
    sampler = MemorySampler(os.getpid())
    sampler.sample()
    memory = sampler.report()
    mine = next(p for p in memory["processes"] if p["pid"] == os.getpid())
    assert mine["peak_rss_mb"] > 10
    assert memory["peak_total_mb"] >= mine["peak_rss_mb"]


def test_the_stack_gets_private_ports_and_databases(tmp_path):
    env = stack_env(tmp_path, scaled=False)
    assert env["OMZIEN_GATEWAY_PORT"] == "8400"
    assert env["OMZIEN_RASA_URL"] == "http://127.0.0.1:5405"
    assert str(tmp_path) in env["OMZIEN_TRACKER_URL"]
    assert str(tmp_path) in env["OMZIEN_DATABASE_URL"]
    assert int(env["OMZIEN_RATE_LIMIT_PER_ID_PER_MINUTE"]) >= 10**6
    scaled = stack_env(tmp_path, scaled=True)
    assert scaled["OMZIEN_PROFILE"] == "scaled"
    assert scaled["OMZIEN_RASA_URL"] == "http://127.0.0.1:5405,http://127.0.0.1:5406"
    assert "omzien_bench_load" in scaled["OMZIEN_DATABASE_URL"]


def summary(turns_per_s: float, errors: int, web_p95: float, voice_p95: float) -> dict:
    channels = {"web": {"count": 9, "p50": 20, "p95": web_p95, "p99": web_p95},
                "voice": {"count": 3, "p50": 30, "p95": voice_p95, "p99": voice_p95}}  # fmt: skip
    kinds = {"degraded": errors} if errors else {}
    return {"conversations": 2, "turns": 12, "turns_per_s": turns_per_s, "errors": errors,
            "error_kinds": kinds, "channels": channels}  # fmt: skip


def test_the_report_says_pass_or_miss_per_target_and_writes_json(tmp_path):
    result = {
        "meta": {"mode": "test", "cpus": 2, "started": "now", "note": "noisy"},
        "startup": {"first_answer_s": 50.0},
        "levels": [
            {
                "concurrency": 10,
                "gateway": summary(80, 0, 120, 300),
                "ratios": {"web_vs_rest_p95": 1.2},
            },
            {
                "concurrency": 50,
                "gateway": summary(160, 2, 400, 500),
                "ratios": {"web_vs_rest_p95": 1.8},
            },
        ],  # fmt: skip
        "long_conversation": {
            "gateway": {
                "turns": 110,
                "repeats": 3,
                "window": "w",
                "turn_5_ms": 40,
                "turn_100_ms": 60,
                "ratio_100_vs_5": 1.5,
                "errors": 0,
            }
        },  # fmt: skip
        "memory": {
            "processes": [{"role": "rasa :5405", "pid": 1, "peak_rss_mb": 900.0}],
            "peak_total_mb": 2000.0,
        },  # fmt: skip
    }
    result["targets"] = report.targets(result)
    verdicts = {check["target"]: check["verdict"] for check in result["targets"]}
    assert verdicts == {
        "web p95 at 10": "pass",
        "turns/s at 50, no errors": "miss",  # fast enough, but with errors
        "web p95 / bare REST p95 (worst level)": "miss",  # 1.8 at 50
        "voice p95 at 10": "miss",
        "turn 100 / turn 5": "pass",
        "total RSS (peak)": "pass",
        "launch to first answer": "miss",
    }
    text = report.render(result)
    assert "concurrency 50" in text and "rasa :5405" in text and "miss" in text
    path = tmp_path / "bench" / "load.json"
    report.write(result, path)
    assert json.loads(path.read_text(encoding="utf-8")) == result
    assert report.targets({"levels": []})[0]["verdict"] == "not measured"
