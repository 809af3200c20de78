"""Every router of the Twilio bridge, for the app to include."""

from __future__ import annotations

from telephony.twilio import dial_status, voice, voice_handover, whatsapp

ROUTERS = [
    voice.router,
    voice_handover.router,
    voice_handover.whisper_router,
    dial_status.router,
    whatsapp.router,
]
