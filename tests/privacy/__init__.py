"""Privacy: masking personal data, cleaning input, forgetting a person, the statement."""
