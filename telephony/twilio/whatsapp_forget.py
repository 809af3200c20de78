"""WhatsApp's "VERGEET": explain and ask, then "JA VERGEET" forgets the person.

The confirmation is its own two words, so no worker has to remember that a question was asked:
any gateway worker can handle it, and a stray "ja" never deletes anything.
"""

from __future__ import annotations

import logging
import re

from starlette.concurrency import run_in_threadpool

from omzien.forget import ForgetFailed, forget
from omzien.settings import Settings
from telephony.pseudonym import whatsapp_conversation_id
from telephony.twilio.numbers import callable_number
from telephony.twilio.texts import text

log = logging.getLogger(__name__)
FORGET_WORD = "vergeet"
CONFIRMATION = "ja vergeet"
_NOT_A_LETTER = re.compile(r"[\W_]+")


def words_of(typed: str) -> str:
    """Lowercase words only: "Ja, VERGEET!" -> "ja vergeet"."""
    return _NOT_A_LETTER.sub(" ", typed.lower()).strip()


async def forget_answer(settings: Settings, address: str, typed: str) -> list[str] | None:
    """The answer to "VERGEET" or "JA VERGEET"; None for any other message."""
    words = words_of(typed)
    if words == FORGET_WORD:
        return [text(settings, "whatsapp_forget_question")]
    if words != CONFIRMATION:
        return None
    conversation_id = whatsapp_conversation_id(settings.pseudonym_secret, address)
    try:
        await run_in_threadpool(forget, settings, conversation_id, callable_number(address))
    except ForgetFailed as error:
        log.warning("a WhatsApp conversation could not be forgotten: %s", error)
        return [text(settings, "whatsapp_forget_failed")]
    return [text(settings, "whatsapp_forget_done")]
