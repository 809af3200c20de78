"""Abuse resistance: rate limits, bad input, security headers, internal APIs, logs, fuzzing."""
