"""The load benchmark's report: a table on stdout, pass/miss against issue 6's targets, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from bench.stats import channel_figure

TARGET_RSS_MB = 2.5 * 1024  # 2.5 GB read as GiB


def level(result: dict, concurrency: int) -> dict | None:
    """The results at one concurrency, if that level ran."""
    return next((lv for lv in result["levels"] if lv["concurrency"] == concurrency), None)


def _check(name: str, measured: float | None, goal: str, passed: bool | None) -> dict:
    verdict = "not measured" if measured is None or passed is None else "pass" if passed else "miss"
    return {"target": name, "goal": goal, "measured": measured, "verdict": verdict}


def _gateway(result: dict, concurrency: int) -> dict | None:
    found = level(result, concurrency)
    return found.get("gateway") if found else None


def targets(result: dict) -> list[dict]:
    """Issue 6's targets against this run's figures: information, not an assertion."""
    checks = []
    web = channel_figure(_gateway(result, 10), "web", "p95")
    checks.append(_check("web p95 at 10", web, "<= 150 ms", web is not None and web <= 150))
    at50 = _gateway(result, 50)
    rate = at50["turns_per_s"] if at50 else None
    ok = rate is not None and rate >= 150 and at50["errors"] == 0
    errors = f", {at50['errors']} errors" if at50 else ""
    checks.append(_check("turns/s at 50, no errors", rate, f">= 150/s, 0 errors{errors}", ok))
    ratios = [
        (lv["concurrency"], lv["ratios"].get("web_vs_rest_p95"))
        for lv in result["levels"]
        if lv["ratios"].get("web_vs_rest_p95") is not None
    ]
    worst = max(ratios, key=lambda pair: pair[1], default=None)
    checks.append(
        _check(
            "web p95 / bare REST p95 (worst level)",
            worst[1] if worst else None,
            f"<= 1.5x{f' (at {worst[0]})' if worst else ''}",
            worst is not None and worst[1] <= 1.5,
        )
    )
    voice = channel_figure(_gateway(result, 10), "voice", "p95")
    checks.append(_check("voice p95 at 10", voice, "<= 250 ms", voice is not None and voice <= 250))
    long = result.get("long_conversation", {}).get("gateway") or {}
    growth = long.get("ratio_100_vs_5")
    checks.append(_check("turn 100 / turn 5", growth, "<= 2x", growth is not None and growth <= 2))
    rss = (result.get("memory") or {}).get("peak_total_mb")
    checks.append(
        _check("total RSS (peak)", rss, "<= 2560 MB", rss is not None and rss <= TARGET_RSS_MB)
    )
    first = (result.get("startup") or {}).get("first_answer_s")
    quick = first is not None and first <= 45
    checks.append(_check("launch to first answer", first, "<= 45 s", quick))
    return checks


def _fmt(value: object) -> str:
    return "-" if value is None else str(value)


def level_table(lv: dict) -> list[str]:
    """One concurrency level: each target's rate, errors and latency per channel."""
    lines = [
        f"concurrency {lv['concurrency']}",
        f"  {'target':<11}{'conv':>6}{'turns':>7}{'turns/s':>9}{'errors':>8}  "
        f"{'channel':<11}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}",
    ]
    for name in ("gateway", "rasa_rest", "rasa_parse"):
        summary = lv.get(name)
        if not summary:
            continue
        head = (
            f"  {name:<11}{summary['conversations']:>6}{summary['turns']:>7}"
            f"{_fmt(summary['turns_per_s']):>9}{summary['errors']:>8}  "
        )
        for channel, figures in summary["channels"].items():
            lines.append(
                f"{head}{channel:<11}{figures['count']:>6}{_fmt(figures['p50']):>9}"
                f"{_fmt(figures['p95']):>9}{_fmt(figures['p99']):>9}"
            )
            head = " " * len(head)
        if summary["error_kinds"]:
            lines.append(f"  {'':<11}errors: {summary['error_kinds']}")
    ratios = lv["ratios"]
    lines.append(
        "  ratios: gateway web / bare REST  p50 {} p95 {};  all gateway turns / REST  p50 {} "
        "p95 {};  REST / parse  p50 {} p95 {}".format(
            *(
                _fmt(ratios.get(f"{k}_{q}"))
                for k in ("web_vs_rest", "all_vs_rest", "rest_vs_parse")
                for q in ("p50", "p95")
            )  # fmt: skip
        )
    )
    return lines


def render(result: dict) -> str:
    """The whole report as text."""
    meta = result["meta"]
    lines = [
        f"Omzien load benchmark ({meta['mode']}, {meta['cpus']} CPUs, {meta['started']})",
        f"  {meta['note']}",
    ]
    startup = result.get("startup") or {}
    if startup:
        lines.append(f"launch to first answer: {_fmt(startup.get('first_answer_s'))} s")
    for lv in result["levels"]:
        lines += level_table(lv)
    for name, long in (result.get("long_conversation") or {}).items():
        lines.append(
            f"long conversation ({name}, {long['turns']} turns x {long['repeats']}, "
            f"{long['window']}): turn 5 {_fmt(long['turn_5_ms'])} ms, turn 100 "
            f"{_fmt(long['turn_100_ms'])} ms, ratio {_fmt(long['ratio_100_vs_5'])}, "
            f"errors {long['errors']}"
        )
    memory = result.get("memory")
    if memory:
        total = memory["peak_total_mb"]
        lines.append(f"peak RSS (MB); the assistant's processes together: {total}")
        for process in memory["processes"] + memory.get("services", []):
            pid, rss = _fmt(process["pid"]), process["peak_rss_mb"]
            lines.append(f"  {process['role']:<40}{pid:>9}{rss:>9}")
    lines.append("targets of issue 6 (information only; the exit code does not depend on them):")
    for check in result["targets"]:
        lines.append(
            f"  {check['verdict']:<13}{check['target']:<40}{_fmt(check['measured']):>9}  "
            f"goal {check['goal']}"
        )
    return "\n".join(lines)


def write(result: dict, path: Path) -> None:
    """Write the results as JSON, creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
