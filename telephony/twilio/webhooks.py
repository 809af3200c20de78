"""The bridge's webhook paths, and the URLs to paste into a Twilio number's settings."""

from __future__ import annotations

VOICE = "/twilio/voice"
VOICE_TURN = "/twilio/voice/turn"
VOICE_OFFER = "/twilio/voice/offer"
VOICE_HANDOVER = "/twilio/voice/handover"
VOICE_WHISPER = "/twilio/voice/whisper"
VOICE_DIAL_STATUS = "/twilio/voice/dial-status"
VOICE_AFTER_DIAL = "/twilio/voice/after-dial"
VOICE_CALLBACK = "/twilio/voice/callback"
VOICE_FALLBACK = "/twilio/voice/fallback"
VOICE_STATUS = "/twilio/voice/status"
WHATSAPP = "/twilio/whatsapp"
WHATSAPP_FALLBACK = "/twilio/whatsapp/fallback"

# What goes where in the Twilio console (Phone Numbers > a number > Configure), all HTTP POST.
CONSOLE_FIELDS = {
    "Voice: A call comes in": VOICE,
    "Voice: Primary handler fails": VOICE_FALLBACK,
    "Voice: Call status changes": VOICE_STATUS,
    "Messaging (WhatsApp): A message comes in": WHATSAPP,
    "Messaging (WhatsApp): Primary handler fails": WHATSAPP_FALLBACK,
}


def absolute_url(public_base_url: str, path: str, query: str = "") -> str:
    """The URL Twilio calls (and signs) for a path: the public base, the path, the query."""
    return public_base_url.rstrip("/") + path + (f"?{query}" if query else "")


def webhook_urls(public_base_url: str) -> dict[str, str]:
    """Console field -> the public URL Twilio must call."""
    return {field: absolute_url(public_base_url, path) for field, path in CONSOLE_FIELDS.items()}
