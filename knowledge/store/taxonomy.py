"""Omzien's taxonomies as HSDS terms: activity categories, target groups and markers."""

from __future__ import annotations

from knowledge import lexicon

ACTIVITIES = "omzien-activiteiten"
GROUPS = "omzien-doelgroepen"
MARKERS = "omzien-kenmerken"
EXAMPLE = "voorbeelddata"
NATIONAL_AREA = "Nederland"
GROUP_NAMES = {
    "iedereen": "iedereen",
    "jongeren": "jongeren",
    "volwassenen": "volwassenen",
    "ouderen": "ouderen",
    "mantelzorgers": "mantelzorgers",
    "nieuwkomers": "nieuwkomers",
}
_DESCRIPTIONS = {
    ACTIVITIES: "Soorten activiteiten: wat je al graag doet, doe dat samen.",
    GROUPS: "Voor wie een activiteit bedoeld is.",
    MARKERS: "Kenmerken van een gegeven in Omzien; voorbeelddata is geen echte activiteit.",
}


def codes(taxonomy: str) -> list[str]:
    """The term codes of one of Omzien's taxonomies."""
    if taxonomy == ACTIVITIES:
        return list(lexicon.activities())
    if taxonomy == GROUPS:
        return list(GROUP_NAMES)
    return [EXAMPLE]


def term_id(taxonomy: str, code: str) -> str:
    """The stable id of a term ("omzien-activiteiten:wandelen")."""
    return f"{taxonomy}:{code}"


def term(taxonomy: str, code: str) -> dict:
    """An HSDS taxonomy_term with its taxonomy."""
    if code not in codes(taxonomy):
        raise ValueError(f"unknown {taxonomy} term {code!r}")
    return {
        "id": term_id(taxonomy, code),
        "code": code,
        "name": code,
        "taxonomy_detail": {
            "id": taxonomy,
            "name": taxonomy,
            "description": _DESCRIPTIONS[taxonomy],
            "version": "1",
        },
    }


def attribute(service_id: str, taxonomy: str, code: str) -> dict:
    """An HSDS attribute that puts a term on a service."""
    return {
        "id": f"{service_id}:{term_id(taxonomy, code)}",
        "link_type": "service",
        "taxonomy_term": term(taxonomy, code),
    }
