"""hypothesis-jsonschema 0.23.1 (under schemathesis) calls `many.more()`, which the locked
hypothesis 6.170 no longer has; without this every object body fails to generate. Test-only
shim: the old loop protocol on top of the new class, without spans. Drop it once the lock
pairs versions that agree."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis.internal.conjecture import utils as conjecture_utils


class LegacyMany(conjecture_utils.many):
    """`many` with the `while elements.more():` protocol of older hypothesis."""

    def __init__(self, data, min_size, max_size, average_size):
        super().__init__(data, min_size, max_size, average_size, observe=False)

    def more(self) -> bool:
        """Whether to draw one more element (older hypothesis's own implementation)."""
        if self.min_size == self.max_size:
            should_continue = self.count < self.min_size
        else:
            forced = None
            if self.force_stop:
                forced = False
            elif self.count < self.min_size:
                forced = True
            elif self.count >= self.max_size:
                forced = False
            should_continue = self.data.draw_boolean(self.p_continue, forced=forced)
        if not should_continue:
            return False
        self.count += 1
        self._in_element, self._rejected = True, False
        return True


def install() -> None:
    """Point hypothesis-jsonschema at LegacyMany when hypothesis lacks `many.more`."""
    from hypothesis_jsonschema import _from_schema

    if not hasattr(conjecture_utils.many, "more"):
        _from_schema.cu = SimpleNamespace(many=LegacyMany)
