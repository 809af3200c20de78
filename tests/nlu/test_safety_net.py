"""The deterministic crisis safety net (bot/nlu/safety.py) against its evaluation set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.nlu.safety import crisis_match, normalise

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "data" / "crisis_cases.yml").read_text(encoding="utf-8"))
CRISIS = CASES["crisis"]
NOT_CRISIS = CASES["not_crisis"]
MAX_FALSE_ALARM_RATE = 0.03


def _plain(text: str) -> str:
    """Compare sentences without entity markup, case or punctuation (typos stay distinct)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def test_evaluation_set_is_broad_and_clean():
    assert len(CRISIS) >= 115
    assert len(NOT_CRISIS) >= 115
    plain_crisis = {_plain(t) for t in CRISIS}
    plain_not = {_plain(t) for t in NOT_CRISIS}
    assert len(plain_crisis) == len(CRISIS), "duplicate crisis cases"
    assert len(plain_not) == len(NOT_CRISIS), "duplicate negative cases"
    assert not plain_crisis & plain_not


def test_evaluation_set_is_kept_apart_from_training_data():
    evaluation = {_plain(t) for t in CRISIS + NOT_CRISIS}
    leaked = []
    for path in sorted((ROOT / "bot" / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                example = line.strip()[2:] if line.strip().startswith("- ") else ""
                if example and _plain(example) in evaluation:
                    leaked.append(f"{path.name}: {example}")
    assert not leaked, leaked


@pytest.mark.parametrize("text", CRISIS)
def test_every_crisis_case_matches(text):
    assert crisis_match(text) is not None, f"missed crisis message: {text!r}"


def test_few_negatives_match():
    false_alarms = [(text, crisis_match(text)) for text in NOT_CRISIS if crisis_match(text)]
    for text, entry in false_alarms:
        print(f"false alarm: {text!r} -> {entry}")
    rate = len(false_alarms) / len(NOT_CRISIS)
    print(f"false alarms: {len(false_alarms)}/{len(NOT_CRISIS)} ({rate:.1%})")
    assert rate < MAX_FALSE_ALARM_RATE, false_alarms


@pytest.mark.parametrize(
    "text",
    [
        "ik wil niet dood",
        "ik denk niet aan zelfmoord",
        "nee ik wil mezelf geen pijn doen",
        "ik ben niet suïcidaal",
        "ik heb geen zelfmoordgedachten",
        "ik zou nooit zelfmoord plegen",
        "ik wil mezelf niets aandoen",
        "i don't want to die",
        "i'm not going to kill myself",
        "ik ben niet van plan om er een eind aan te maken",
        "zelfmoord is geen optie voor mij",
        "ik wil niet alleen doodgaan",
        "ik wil niet meer alleen zijn",
        "ik kan niet meer lopen",
        "ik zie het niet zitten om te bellen",
    ],
)
def test_negation_cancels(text):
    assert crisis_match(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ik wil niet meer leven",
        "ik wil niet meer wakker worden",
        "ik zie het niet meer zitten",
        "ik kan niet meer verder zo",
        "ik wil niet langer leven",
        "wil ik niet meer leven",
        "leven wil ik niet meer",
        "ik heb geen zin meer in het leven",
        "ik heb geen reden meer om te leven",
        "het hoeft voor mij niet meer",
        "ik weet niet of ik nog wil leven",
        "nee, ik wil dood",
        "ik kan het niet aan, ik wil dood",
        "ik kan het niet aan ik wil dood",
        "ik durf het niemand te zeggen maar ik denk aan zelfmoord",
        "ik heb het lef niet om zelfmoord te plegen",
        "ik zou niet weten waarom ik nog zou leven, ik wil dood",
        # Deliberate: talk of suicide "no longer" is still worth a kind question.
        "ik denk niet meer aan zelfmoord",
    ],
)
def test_negation_that_belongs_to_the_phrase_still_matches(text):
    assert crisis_match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "ik ga dood van verveling",
        "ik lach me dood",
        "ik ben doodmoe",
        "dat is doodnormaal",
        "ik schaam me dood",
        "ik heb vandaag 10 kms gefietst",
        "ik sla me er wel doorheen",
        "ik heb me in mijn duim gesneden bij het koken",
    ],
)
def test_idioms_do_not_match(text):
    assert crisis_match(text) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Suïcidaal!!!", "suicidaal"),
        ("ZELFMOORD", "zelfmoord"),
        ("Ik  wil\tDOOD.", "ik wil dood"),
        ("ik wil... niet meer leven", "ik wil niet meer leven"),
        ("’k zie het nie meer zitten", "ik zie het niet meer zitten"),
        ("ｉｋ ｗｉｌ ｄｏｏｄ", "ik wil dood"),
        ("Ik wíl dóód 💀", "ik wil dood"),
        ("uh ik wil eh dood", "ik wil dood"),
        ("m'n leven, z'n leven", "mijn leven zijn leven"),
        ("", ""),
    ],
)
def test_normalisation(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Suïcidaal",
        "suicidaal",
        "SUÏCIDAAL!",
        "ik. wil. dood.",
        "Ik wil... niet meer leven!!",
        "IK ZIE HET NIET MEER ZITTEN",
        "’k wil dood",
    ],
)
def test_matching_ignores_accents_case_and_punctuation(text):
    assert crisis_match(text) is not None


@pytest.mark.parametrize("text", ["", "   ", "!!!", "👍"])
def test_empty_input(text):
    assert crisis_match(text) is None
