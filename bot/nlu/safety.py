"""Deterministic crisis safety net: a curated lexicon over normalised text.

Runs on every incoming message, before and independently of the NLU model.
A match means: show the crisis response (113) now, whatever the model thinks.
The lexicon lives in crisis_lexicon.yml next to this file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

LEXICON_PATH = Path(__file__).with_name("crisis_lexicon.yml")

_APOSTROPHES = re.compile(r"[’'`´‘ʼ]")
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")
_STRONG_BREAK = re.compile(r"[.!?;:\n\r()\[\]\"“”]+")
_COMMA = re.compile(r",+")
_NON_WORD = re.compile(r"[^\w|,]+|_")

# Chat, Flemish and typo spellings that the lexicon should not have to repeat
# ("_" stands for a space in the canonical form).
_CANON = dict(
    pair.split(":")
    for pair in (
        "k:ik ikke:ik kwil:ik_wil ikwil:ik_wil kwou:ik_wou nie:niet nit:niet niett:niet"
        " neit:niet nimeer:niet_meer nietmeer:niet_meer mn:mijn mijne:mijn zn:zijn t:het"
        " der:er dr:er gwn:gewoon egt:echt ech:echt ff:even mischien:misschien wilt:wil"
        " wiel:wil wl:wil mezlf:mezelf mzelf:mezelf mezef:mezelf mezelve:mezelf"
        " mijzelve:mijzelf dod:dood doot:dood leve:leven levn:leven lefen:leven"
        " lven:leven leefen:leven"
    ).split()
)
# Speech-recogniser and chat hesitations carry no meaning here.
_FILLERS = frozenset("uh uhm uhh eh ehm ehh ehhm euh emm hm hmm mmm".split())
_BREAK_TOKENS = frozenset("|,")
_NEGATORS = frozenset(
    "niet geen nooit nimmer nergens niks zonder not never no dont doesnt didnt isnt wont".split()
)
# "niet meer" is how people SAY they want to stop living, so it never cancels.
_NOT_A_NEGATION_BEFORE = frozenset(["meer", "langer"])
# "ik durf het niet", "ik heb de moed niet": the wish is there, only the courage is not.
_NOT_A_NEGATION_AFTER = frozenset("durf durft durven lef moed kracht".split())
_SCOPE_BREAKERS = frozenset(
    "| , maar want omdat dus dat of en toch alleen behalve als wanneer but because and so".split()
)
_SUBJECTS = frozenset("ik je jij ze zij hij we wij u i he she they".split())
_NEGATION_WINDOW = 4
_POST_NEGATION = re.compile(
    r"^\s*(?:\w+ ){0,3}(?:geen optie|nooit een optie|geen sprake van|denk ik niet"
    r"|doe ik niet|is niet aan de orde|is uitgesloten|is not an option)\b"
)

_NEG_ALT = "|".join(sorted(_NEGATORS))
_MACROS = {
    "<W>": r"(?:wil|wou|wilde|wilden|willen|wol)",
    "<ADV>": (
        r"(?:gewoon|gewoonweg|echt|eigenlijk|zo|nu|vandaag|vannacht|vanavond|ook|heus"
        r"|helemaal|nou|dus|misschien|soms|best|liever|graag|het liefst|liefst|al"
        r"|toch|allemaal|er|maar|even|nog|wel|eerlijk gezegd|eerlijk|serieus|eindelijk"
        r"|dan|hier|alleen maar|snel|spoedig|voorgoed|het|voor mij|van mij|mij|lol|hoor|joh"
        r"|he|zeker)\b"
    ),
    "<F>": rf"(?:(?!(?:{_NEG_ALT})\b)\w+|,)",
    "<REFL>": r"(?:mezelf|mijzelf|zichzelf|haarzelf|hemzelf|myself|me|zich)",
    "<SELF>": r"(?:mezelf|mijzelf|zichzelf|haarzelf|hemzelf|myself)",
    "<DIE>": r"(?:dood gaan|doodgaan|doodga|doodgaat|dood zijn|dood|sterven|sterft?|overlijden)",
    "<LIVE>": (
        r"(?:leven|doorleven|door leven|verder leven|bestaan|er zijn|hier zijn|bij zijn"
        r"|erbij zijn|zijn|wakker worden|wakker te worden|ademen|op deze wereld zijn|op aarde zijn"
        r"|verder gaan|doorgaan|verder<END>|door<END>)"
    ),
    "<PILL>": (
        r"(?:pillen|pilletjes|pil|slaappillen|slaappil|slaaptabletten|tabletten"
        r"|medicijnen|medicatie|slaapmiddelen|slaapmiddel|paracetamol|oxazepam"
        r"|temazepam|diazepam|lorazepam|morfine|insuline|antidepressiva|oxycodon)"
    ),
    "<HIGH>": (
        r"(?:brug|dak|flat|balkon|raam|toren|flatgebouw|gebouw|parkeergarage"
        r"|viaduct|klif|rots|kerktoren|reling|richel|vensterbank|rand)"
    ),
    "<END>": r"(?=\s*(?:\||,|$))",
}


def _expand(pattern: str) -> str:
    """Replace the lexicon's macros by their regex text (macros may nest)."""
    for _ in range(3):
        for name, value in _MACROS.items():
            pattern = pattern.replace(name, value)
    return pattern


def _load(
    path: Path = LEXICON_PATH,
) -> tuple[list[tuple[str, re.Pattern, re.Pattern | None]], list[re.Pattern]]:
    """Read and compile the lexicon: entries (id, pattern, unless) and the defusing phrases."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = []
    for entry in data["entries"]:
        unless = entry.get("unless")
        entries.append(
            (
                entry["id"],
                re.compile(_expand(entry["pattern"])),
                re.compile(_expand(unless)) if unless else None,
            )
        )
    defusers = [re.compile(_expand(pattern)) for pattern in data.get("defusers", [])]
    return entries, defusers


def _fold(text: str) -> str:
    """Lower-case, apply NFKC and strip accents ("suïcidaal" -> "suicidaal")."""
    text = unicodedata.normalize("NFKC", _APOSTROPHES.sub("", text)).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _prepare(text: str) -> str:
    """Normalise text, keeping clause breaks as " | " and commas as " , "."""
    text = _ELLIPSIS.sub(",", _fold(text))
    text = _COMMA.sub(" , ", _STRONG_BREAK.sub(" | ", text))
    tokens: list[str] = []
    for token in _NON_WORD.sub(" ", text).split():
        if token in _FILLERS:
            continue
        token = _CANON.get(token, token).replace("_", " ")
        if token in _BREAK_TOKENS and (not tokens or tokens[-1] in _BREAK_TOKENS):
            continue
        tokens.append(token)
    while tokens and tokens[-1] in _BREAK_TOKENS:
        tokens.pop()
    return " ".join(tokens)


def normalise(text: str) -> str:
    """Return the text as the lexicon sees it, without clause markers."""
    return " ".join(t for t in _prepare(text).split() if t not in _BREAK_TOKENS)


def _negated(text: str, start: int, end: int) -> bool:
    """True if a negator plainly governs the phrase found at text[start:end]."""
    tokens = text[:start].split()
    following = None
    for i in range(len(tokens) - 1, max(len(tokens) - _NEGATION_WINDOW, 0) - 1, -1):
        token = tokens[i]
        if token in _SCOPE_BREAKERS or token in _SUBJECTS:
            break
        preceding = tokens[i - 1] if i else None
        if (
            token in _NEGATORS
            and following not in _NOT_A_NEGATION_BEFORE
            and preceding not in _NOT_A_NEGATION_AFTER
        ):
            return True
        following = token
    return bool(_POST_NEGATION.match(text[end:]))


def _clause(text: str, start: int, end: int) -> str:
    """Return the clause (between strong breaks) that holds text[start:end]."""
    left = text.rfind("|", 0, start) + 1
    right = text.find("|", end)
    return text[left:] if right < 0 else text[left:right]


@dataclass(frozen=True)
class Verdict:
    """What the lexicon saw: the entry that marks a crisis, or a phrase it saw defused."""

    match: str | None
    defused: bool = False


def assess(text: str) -> Verdict:
    """Judge a message; `defused` means a crisis phrase was found but negated or an idiom."""
    if not text:
        return Verdict(None)
    marked = _prepare(text)
    flat = normalise(text)
    defused = False
    # Second pass without punctuation: "ik. wil. dood." must not slip through.
    for prepared in (marked, flat) if flat != marked else (marked,):
        for entry_id, pattern, unless in _LEXICON:
            for m in pattern.finditer(prepared):
                if (
                    unless is not None
                    and unless.search(_clause(prepared, m.start(), m.end()))
                    or _negated(prepared, m.start(), m.end())
                ):
                    defused = True
                else:
                    return Verdict(entry_id)
    return Verdict(None, defused or any(d.search(flat) for d in _DEFUSERS))


def crisis_match(text: str) -> str | None:
    """Return the lexicon entry that marks the text as a crisis, or None."""
    return assess(text).match


_LEXICON, _DEFUSERS = _load()
