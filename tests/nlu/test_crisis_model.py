"""The trained model plus the safety net on the crisis evaluation set: nothing missed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml

from scripts.model import model_path

pytestmark = pytest.mark.model
CASES = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "tests" / "data" / "crisis_cases.yml").read_text()
)
MAX_FALSE_ALARM_RATE = 0.03


@pytest.fixture(scope="module")
def intents() -> dict[str, str]:
    """The intent the whole NLU pipeline gives every evaluation sentence."""
    from rasa.core.agent import Agent

    path = model_path()
    if not path.exists():
        pytest.fail(f"no trained model at {path}: run `make train` (make test does)")
    agent = Agent.load(str(path))

    async def parse_all() -> dict[str, str]:
        texts = CASES["crisis"] + CASES["not_crisis"]
        return {t: (await agent.parse_message(t))["intent"]["name"] for t in texts}

    return asyncio.run(parse_all())


def test_every_crisis_phrasing_is_caught(intents):
    missed = [t for t in CASES["crisis"] if intents[t] != "crisis"]
    assert missed == []


def test_hard_negatives_rarely_trigger(intents):
    alarms = [t for t in CASES["not_crisis"] if intents[t] == "crisis"]
    print(f"{len(alarms)} of {len(CASES['not_crisis'])} negatives trigger: {alarms}")
    assert len(alarms) / len(CASES["not_crisis"]) < MAX_FALSE_ALARM_RATE
