"""The Dutch spaCy pipeline: blank "nl", lookup lemmas and an entity ruler from knowledge/."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import load_lookups

from knowledge import interests, lexicon, places
from knowledge.interests import activity_patterns, blank_dutch, phrase_patterns
from knowledge.paths import CONTENT, DATA

# Words before a place or relation that make an ambiguous word one ("in Best", "mijn man").
PLACE_CONTEXT = ["in", "uit", "bij", "naar", "rond", "omgeving", "buurt", "regio", "gemeente"]
POSSESSIVES = ["mijn", "mn", "m'n", "me", "onze", "ons", "je", "jouw", "uw", "zijn", "haar"]
CONTEXT_PREFIX = "ctx:"
# Everyday words that are also place names but are missing from the lemma table.
EVERYDAY_PLACE_WORDS = frozenset({"best", "heel", "vries", "est"})
# Names never matched inside a sentence: function words ("een", "hem") and the country.
NEVER_IN_A_SENTENCE = STOP_WORDS | {"nederland"}
# Two-letter words that follow a postcode in ordinary sentences ("1234 en", "3512 in").
_NOT_POSTCODE_LETTERS = "en|in|op|om|of|is|ik|je|te|ze|we|al|nu|zo|na|de|ja|ok|da|er|ps|mn"
_SOURCES = [
    Path(interests.__file__),
    DATA / "gemeenten.csv",
    DATA / "woonplaatsen.csv",
    DATA / "pc4.csv",
    CONTENT / "activities.yml",
    CONTENT / "lexicon.yml",
]


def data_fingerprint() -> str:
    """A hash of the data and code the pipeline is built from."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in _SOURCES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _after(nlp: Language, label: str, context: list[str], text: str, canonical: str) -> dict:
    words = [{"LOWER": token.text} for token in nlp.make_doc(text.lower())]
    return {
        "label": label,
        "pattern": [{"LOWER": {"IN": context}}, *words],
        "id": CONTEXT_PREFIX + canonical,
    }


@lru_cache
def ambiguous_place_names() -> frozenset[str]:
    """Lower-case place names that are also Dutch words ("best", "echt", "een") or very short."""
    table = load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")
    dutch_words = set(table.values())
    return frozenset(
        name
        for name in places.places()
        if len(name) <= 2
        or name in table
        or name in dutch_words
        or name in NEVER_IN_A_SENTENCE
        or name in EVERYDAY_PLACE_WORDS
    )


def _place_patterns(nlp: Language) -> list[dict]:
    """A place after "in/uit/bij…", alone only when it is not also a Dutch word.

    Places named like function words ("Een", "Hem", "Anderen") are only found in a message
    that is just the capitalised name (whole_message_place).
    """
    ambiguous = ambiguous_place_names()
    patterns: list[dict] = []
    for place in places.places().values():
        if place.name.lower() in NEVER_IN_A_SENTENCE:
            continue
        patterns.append(_after(nlp, "place", PLACE_CONTEXT, place.name, place.name))
        if place.name.lower() not in ambiguous:
            words = [t.text for t in nlp.make_doc(place.name.lower())]
            patterns.append(
                {"label": "place", "pattern": [{"LOWER": w} for w in words], "id": place.name}
            )
    return patterns


def _postcode_patterns() -> list[dict]:
    codes = sorted(places.postcodes())
    letters = {"REGEX": rf"^(?!(?:{_NOT_POSTCODE_LETTERS})$)[a-z]{{2}}$"}
    joined = {"REGEX": rf"^(?:{'|'.join(codes)})[a-z]{{2}}$"}
    return [
        {"label": "postcode", "pattern": [{"LOWER": {"IN": codes}}, {"LOWER": letters}]},
        {"label": "postcode", "pattern": [{"LOWER": {"IN": codes}}]},
        {"label": "postcode", "pattern": [{"LOWER": joined}]},
    ]


def _word_patterns(nlp: Language) -> list[dict]:
    patterns = activity_patterns(nlp)
    lists = lexicon.word_lists()
    for label, source in (("relation", "relations"), ("time", "times")):
        for key, words in lists[source].items():
            for word in words:
                patterns += phrase_patterns(nlp, label, word, key)
    for key, words in lists["relations_after_possessive"].items():
        for word in words:
            patterns.append(_after(nlp, "relation", POSSESSIVES, word, key))
    return patterns


def build_pipeline() -> Language:
    """Build the blank Dutch pipeline with lookup lemmatiser and Omzien's entity ruler."""
    nlp = blank_dutch()
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(_place_patterns(nlp) + _postcode_patterns() + _word_patterns(nlp))
    return nlp


def whole_message_place(text: str) -> dict | None:
    """A message that is only a place name ("Hoorn") names it; "best" must then be "Best"."""
    stripped = text.strip().strip(".!?,")
    place = places.places().get(stripped.lower())
    if place is None or not stripped:
        return None
    if stripped.lower() in ambiguous_place_names() and not stripped[0].isupper():
        return None
    start = text.index(stripped)
    return {"entity": "place", "start": start, "end": start + len(stripped), "value": place.name}


def entity_value(ent) -> tuple[int, int, str]:
    """Start char, end char and canonical value of a ruler entity, without its context word."""
    value = ent.ent_id_ or ent.text
    if value.startswith(CONTEXT_PREFIX):
        span = ent[1:]
        return span.start_char, span.end_char, value[len(CONTEXT_PREFIX) :]
    if ent.label_ == "postcode":
        value = re.sub(r"\s+", "", ent.text).upper()
    return ent.start_char, ent.end_char, value
