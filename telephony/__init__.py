"""Omzien's gateway (FastAPI): the one public entry point for web chat, and later Twilio."""
