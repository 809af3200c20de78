"""What someone likes to do: lemmas and activity categories via spaCy's Dutch lookup lemmatiser."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language

from knowledge import lexicon


def lemma_table(nlp: Language):
    """The lookup table of the pipeline's lemmatiser."""
    return nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


def blank_dutch() -> Language:
    """A blank Dutch pipeline with the lookup lemmatiser (no model download needed)."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def phrase_patterns(
    nlp: Language, label: str, text: str, canonical: str, lemma: bool = False
) -> list[dict]:
    """A literal pattern; with `lemma`, also one on the lemma so inflected forms match too."""
    words = [token.text for token in nlp.make_doc(text.lower())]
    patterns = [{"label": label, "pattern": [{"LOWER": w} for w in words], "id": canonical}]
    if lemma and len(words) == 1:
        base = lemma_table(nlp).get(words[0], words[0])
        patterns.append({"label": label, "pattern": [{"LEMMA": base}], "id": canonical})
    return patterns


def activity_patterns(nlp: Language) -> list[dict]:
    """Entity-ruler patterns for every activity word, labelled with its category key."""
    return [
        pattern
        for key, entry in lexicon.activities().items()
        for word in entry["synonyms"]
        for pattern in phrase_patterns(nlp, "activity", word, key, lemma=True)
    ]


@lru_cache
def _matcher() -> Language:
    nlp = blank_dutch()
    nlp.add_pipe("entity_ruler").add_patterns(activity_patterns(nlp))
    return nlp


def lemmas(text: str) -> list[str]:
    """Lower-case lemmas of the content words ("breide" -> "breien"), stop words left out."""
    return [
        token.lemma_.lower()
        for token in _matcher()(text.lower())
        if token.is_alpha and token.lower_ not in STOP_WORDS and len(token) > 1
    ]


def activity_keys(text: str) -> list[str]:
    """The activity categories a text names, in order ("ik brei graag" -> creatief en cultuur)."""
    found: list[str] = []
    for ent in _matcher()(text.lower()).ents:
        if ent.ent_id_ not in found:
            found.append(ent.ent_id_)
    if text.strip().lower() in lexicon.activities() and text.strip().lower() not in found:
        found.append(text.strip().lower())
    return found
