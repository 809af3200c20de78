"""Keeping TensorFlow out of the processes that do not need it.

spaCy's thinc imports TensorFlow whenever it can, which costs each process about 400 MB; only
the Rasa server uses it. The gateway, the action server and the `make run` supervisor call this
first, in their entry points only (never on import, so tests in one process are unaffected).
"""

from __future__ import annotations

import sys


def keep_tensorflow_out() -> None:
    """Make `import tensorflow` fail in this process, unless it is loaded already."""
    sys.modules.setdefault("tensorflow", None)
