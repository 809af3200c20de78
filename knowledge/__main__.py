"""`python -m knowledge`: migrate, seed, import and export the initiative database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from omzien.db import engine_for
from omzien.forget import ForgetFailed, forget
from omzien.migrate import upgrade
from omzien.retention import run_retention
from omzien.settings import Settings, get_settings
from omzien.without_tensorflow import keep_tensorflow_out


def forget_command(settings: Settings, pseudonymous_id: str) -> int:
    """Forget one id and say what went; exit code 1 when a database failed."""
    try:
        gone = forget(settings, pseudonymous_id.strip())
    except ForgetFailed as error:
        print(f"Niet alles is gewist ({error}); probeer het opnieuw.", file=sys.stderr)
        return 1
    print(
        f"gebeurtenissen van het gesprek gewist: {gone.events}, "
        f"terugbelverzoeken gewist: {gone.callback_requests}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; exit code 1 with the reasons when an import fails."""
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the database schema up to date")
    commands.add_parser("seed", help="load places, national initiatives and example data")
    imports = commands.add_parser("import", help="import HSDS JSON or a spreadsheet CSV")
    imports.add_argument("file", type=Path)
    exports = commands.add_parser("export", help="write every service as HSDS JSON")
    exports.add_argument("file", type=Path, nargs="?", help="default: standard output")
    commands.add_parser("retention", help="delete old conversations and expired callback requests")
    forgets = commands.add_parser("forget", help="delete everything about one pseudonymous id")
    forgets.add_argument(
        "id", help="a conversation id (web-..., whatsapp-..., voice-...) or phone-..."
    )
    args = parser.parse_args(argv)

    from knowledge.store import exporter, importer, seed  # after parsing: --help stays fast

    settings = get_settings()
    upgrade(settings.database_url)
    engine = engine_for(settings.database_url)
    if args.command == "forget":
        return forget_command(settings, args.id)
    if args.command == "retention":
        deleted = run_retention(settings)
        print(", ".join(f"{name} gewist: {count}" for name, count in deleted.items()))
        return 0
    if args.command == "seed":
        report = seed.seed(engine)
    elif args.command == "import":
        try:
            report = importer.import_file(engine, args.file)
        except importer.ImportFailed as failed:
            print(f"Niets geïmporteerd; {len(failed.errors)} fout(en):", file=sys.stderr)
            for error in failed.errors:
                print(f"  {error}", file=sys.stderr)
            return 1
    elif args.command == "export":
        text = json.dumps(exporter.export_services(engine), ensure_ascii=False, indent=2)
        if args.file:
            args.file.write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
        return 0
    else:
        return 0
    print(
        f"nieuw: {len(report.created)}, bijgewerkt: {len(report.updated)}, "
        f"ongewijzigd: {len(report.unchanged)}"
    )
    return 0


if __name__ == "__main__":
    keep_tensorflow_out()
    sys.exit(main())
