"""The De Jong Gierveld scale: items, answer parsing and the published cut-offs."""

from __future__ import annotations

import itertools

import pytest

from knowledge.self_check import ANSWERS, items, parse_answer, score


def test_six_items_three_emotional_three_social():
    subscales = [item.subscale for item in items()]
    assert len(subscales) == 6
    assert subscales.count("emotioneel") == 3 and subscales.count("sociaal") == 3


def test_min_of_meer_always_scores_one():
    result = score(dict.fromkeys(range(1, 7), "min of meer"))
    assert (result.total, result.emotional, result.social) == (6, 3, 3)


def test_reverse_coded_social_items():
    answers = {1: "nee", 2: "nee", 3: "nee", 4: "nee", 5: "nee", 6: "nee"}
    result = score(answers)
    assert (result.emotional, result.social) == (0, 3)


@pytest.mark.parametrize(
    "total, category",
    [(0, "niet"), (1, "niet"), (2, "matig"), (4, "matig"), (5, "sterk"), (6, "sterk")],
)
def test_cut_offs(total, category):
    for answers in itertools.product(ANSWERS, repeat=6):
        result = score(dict(enumerate(answers, start=1)))
        if result.total == total:
            assert result.category == category
            return
    pytest.fail(f"no answer pattern gives {total}")


@pytest.mark.parametrize(
    "text, answer",
    [
        ("ja", "ja"), ("Ja hoor!", "ja"), ("klopt", "ja"), ("helaas wel", "ja"),
        ("nee", "nee"), ("neen", "nee"), ("niet echt", "nee"), ("dat klopt niet", "nee"),
        ("min of meer", "min of meer"), ("soms", "min of meer"), ("een beetje", "min of meer"),
        ("ja en nee", "min of meer"), ("weet ik niet", None), ("banaan", None), ("", None),
    ],
)  # fmt: skip
def test_free_answers(text, answer):
    assert parse_answer(text) == answer
