"""`make eval`: 5-fold cross-validation of the NLU, with a report of per-intent figures.

Writes results/eval/report.md and report.json: per-intent precision, recall and F1, the
macro F1, crisis recall, and the most frequent confusion pairs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from scripts.model import ROOT, rasa_command

OUT = ROOT / "results" / "eval"
TARGET_MACRO_F1 = 0.92


def run_cross_validation(config: str, folds: int) -> Path:
    """Run Rasa's cross-validation; return the folder with its reports."""
    out = OUT / "cv"
    command = rasa_command(
        "test", "nlu",
        "--nlu", "bot/data/nlu",
        "--config", config,
        "--cross-validation", "--folds", str(folds),
        "--out", str(out),
    )  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)
    return out


def summarise(cv: Path) -> dict:
    """Per-intent figures, macro F1, crisis recall and confusion pairs from Rasa's reports."""
    report = json.loads((cv / "intent_report.json").read_text())
    intents = {
        name: {k: round(v[k], 3) for k in ("precision", "recall", "f1-score", "support")}
        for name, v in report.items()
        if isinstance(v, dict)
        and "support" in v
        and name not in ("macro avg", "weighted avg", "micro avg")
    }
    errors_file = cv / "intent_errors.json"
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    pairs = Counter(
        (e["intent"], e["intent_prediction"]["name"]) for e in errors if e.get("intent_prediction")
    )
    return {
        "macro_f1": round(report["macro avg"]["f1-score"], 4),
        "weighted_f1": round(report["weighted avg"]["f1-score"], 4),
        "crisis_recall": intents.get("crisis", {}).get("recall"),
        "intents": intents,
        "confusions": [
            {"gold": g, "predicted": p, "count": n} for (g, p), n in pairs.most_common(15)
        ],
    }


def markdown(summary: dict, folds: int) -> str:
    """The report as a Markdown page."""
    lines = [
        f"# NLU cross-validation ({folds} folds)",
        "",
        f"- macro F1: **{summary['macro_f1']}** (target ≥ {TARGET_MACRO_F1})",
        f"- crisis recall: **{summary['crisis_recall']}** (target 1.00)",
        "",
        "| intent | precision | recall | F1 | examples |",
        "|---|---|---|---|---|",
    ]
    for name, v in sorted(summary["intents"].items()):
        lines.append(
            f"| {name} | {v['precision']} | {v['recall']} | {v['f1-score']} | {v['support']} |"
        )
    lines += [
        "",
        "## Most frequent confusions",
        "",
        "| gold | predicted | count |",
        "|---|---|---|",
    ]
    lines += [f"| {c['gold']} | {c['predicted']} | {c['count']} |" for c in summary["confusions"]]
    return "\n".join(lines) + "\n"


def main(config: str = "config.yml", folds: int = 5) -> int:
    """Run, write the report, print the headline figures."""
    summary = summarise(run_cross_validation(config, folds))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "report.json").write_text(json.dumps(summary, indent=2))
    (OUT / "report.md").write_text(markdown(summary, folds))
    print(markdown(summary, folds))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
