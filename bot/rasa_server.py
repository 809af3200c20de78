"""The Rasa server's entry point: `rasa`, with the action-answer check made cheap.

Rasa checks every answer of the action server with `jsonschema.validate`, and since jsonschema
4.18 (needed by schemathesis) that first checks Rasa's own, unchanging schema against the
2020-12 meta-schema on every call: about 40 % of a turn, measured with py-spy. Checking each
distinct schema once gives the same errors for a fraction of the cost.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from jsonschema import exceptions, validators

_checked: dict[str, Any] = {}


def validate_with_checked_schema(instance: Any, schema: dict, cls: Any = None) -> None:
    """`jsonschema.validate`, with each distinct schema checked once per process."""
    key = json.dumps(schema, sort_keys=True, default=str)
    validator = _checked.get(key)
    if validator is None:
        cls = cls or validators.validator_for(schema)
        cls.check_schema(schema)
        validator = _checked[key] = cls(schema)
    error = exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


if __name__ == "__main__":
    jsonschema.validate = validate_with_checked_schema
    from rasa.__main__ import main

    main()
