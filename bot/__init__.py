"""Omzien's Rasa assistant: NLU components and custom actions."""
