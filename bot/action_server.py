"""The action server's entry point: rasa_sdk serving bot.actions, without TensorFlow."""

from __future__ import annotations

from omzien.without_tensorflow import keep_tensorflow_out

if __name__ == "__main__":
    keep_tensorflow_out()
    from rasa_sdk.__main__ import main

    main()
