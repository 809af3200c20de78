"""Shared pieces of Omzien: settings and logging."""
