"""Where the knowledge files live."""

from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent
CONTENT = KNOWLEDGE / "content"
DATA = KNOWLEDGE / "data"
