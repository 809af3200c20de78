"""A small, deterministic guess whether a message is written in a language other than Dutch."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Function words that are frequent in Dutch chat, including informal and Flemish forms.
DUTCH = frozenset(
    """ik je jij u de het een en niet is van mijn mn m'n me mij wil voel zo wat hoe er dat die
    met voor op te zijn heb ben kan graag hallo hoi ja nee ook maar nog al naar bij wie waar
    hebben wij we ze zij hij ons onze heel erg geen iemand niemand alleen eenzaam hulp doen
    kun kunnen moet wel toch want als dan dus omdat mag zou waarom welke hier daar nu
    gij ge ne nie da allee goesting amai zijt hebt""".split()
)
# Frequent function words of other languages that do not double as Dutch words.
FOREIGN = (
    frozenset(
        """i you the a am are my want feel what how to of and can with for this it do have
        please hello where when why who does don't not your from that there would could should
        will be was were been about help need lonely alone weather
        ich nicht und der ist bin ein eine mit auf sie wir wie ihr sehr bitte
        je suis le la les est pas vous nous avec pour une des qui seul seule triste aide
        jestem nie się jak czy mam jest
        ben bir ve çok bu ne için
        yo soy el los las es por que muy con una estoy""".split()
    )
    - DUTCH
)
_LATIN = re.compile(r"[a-zà-ÿ]", re.IGNORECASE)
# Letters that Dutch never uses but Turkish, Polish, German, Spanish and French do.
_FOREIGN_LETTERS = frozenset("ßğşıłąęńśźżñçãõœ¿¡")


def _letters(text: str) -> list[str]:
    return [ch for ch in text if unicodedata.category(ch).startswith("L")]


def is_foreign(text: str) -> bool:
    """True when the text is most likely not Dutch (another script, or foreign function words)."""
    letters = _letters(text)
    if len(letters) >= 4:
        latin = sum(1 for ch in letters if _LATIN.match(ch))
        if latin / len(letters) < 0.5:
            return True
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 3:
        return False
    if any(ch in _FOREIGN_LETTERS for ch in text.lower()):
        return True
    foreign = sum(1 for w in words if w in FOREIGN)
    dutch = sum(1 for w in words if w in DUTCH)
    return foreign >= 2 and foreign > dutch
