"""The Twilio bridge: Omzien's Dutch phone line and WhatsApp, with a warm handover to a human."""
