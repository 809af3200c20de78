"""Omzien's knowledge: texts, helplines, places and (later) the initiative database."""
