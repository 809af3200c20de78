"""One router per channel or concern."""
