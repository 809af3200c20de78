"""Train the Rasa model only when what it is built from changed (keyed on a content hash)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
# Everything a trained model depends on: pipeline and policies, domain, training data, the
# NLU components that shape features, and the word lists and place data of the entity ruler.
# The safety lexicon and the language guard are not here: they run after the classifier,
# leave training data alone, and are read from the code at run time.
INPUTS = [
    "config.yml",
    "bot/domain",
    "bot/data",
    "bot/nlu/components.py",
    "bot/nlu/dutch.py",
    "knowledge/interests.py",
    "knowledge/content/activities.yml",
    "knowledge/content/lexicon.yml",
    "knowledge/data/gemeenten.csv",
    "knowledge/data/woonplaatsen.csv",
    "knowledge/data/pc4.csv",
]


def _files() -> list[Path]:
    found: list[Path] = []
    for name in INPUTS:
        path = ROOT / name
        found += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return [p for p in found if "__pycache__" not in p.parts]


def content_hash() -> str:
    """Hash of the names and contents of every model input."""
    digest = hashlib.sha256()
    for path in _files():
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def model_path() -> Path:
    """Where the model for the current inputs lives."""
    return MODELS / f"omzien-{content_hash()}.tar.gz"


def rasa_command(*args: str) -> list[str]:
    """The rasa command line with the project's domain, data and config."""
    return [str(Path(sys.executable).parent / "rasa"), *args]


def ensure_model() -> Path:
    """Return the current model, training it first when none fits."""
    path = model_path()
    if path.exists():
        print(f"model up to date: {path.relative_to(ROOT)}", flush=True)
        return path
    print(f"training {path.relative_to(ROOT)} (inputs changed) ...", flush=True)
    command = rasa_command(
        "train",
        "--config", "config.yml",
        "--domain", "bot/domain",
        "--data", "bot/data",
        "--out", str(MODELS),
        "--fixed-model-name", path.name.removesuffix(".tar.gz"),
    )  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)
    return path


if __name__ == "__main__":
    print(ensure_model())
