"""Import HSDS JSON or the municipality spreadsheet (CSV): all rows or none, idempotent."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge import interests
from knowledge.store import csv_format, models
from knowledge.store.hsds import ServiceIn, to_hsds, to_rows
from knowledge.store.search_rows import replace_rows
from knowledge.store.taxonomy import ACTIVITIES


class ImportFailed(Exception):
    """The file has bad rows; nothing was written. `errors` says where and what."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    """What an import did, per service id."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _datapackage_services(package: dict) -> list[dict]:
    """Nest the tables of an HSDS datapackage (resources with inline `data`) into services."""
    tables = {r["name"]: r.get("data", []) for r in package.get("resources", [])}
    by_id = {name: {row["id"]: row for row in rows} for name, rows in tables.items()}

    def children(table: str, key: str, parent_id: str) -> list[dict]:
        return [row for row in tables.get(table, []) if row.get(key) == parent_id]

    services = []
    for service in tables.get("service", []):
        sid = service["id"]
        nested = dict(service)
        nested["organization"] = by_id.get("organization", {}).get(service.get("organization_id"))
        nested["service_at_locations"] = []
        for sal in children("service_at_location", "service_id", sid):
            location = dict(by_id.get("location", {}).get(sal.get("location_id")) or {})
            location["addresses"] = children("address", "location_id", location.get("id"))
            location["accessibility"] = children("accessibility", "location_id", location.get("id"))
            nested["service_at_locations"].append({**sal, "location": location})
        for name in ("schedule", "phone", "contact", "cost_option", "language", "service_area"):
            nested[f"{name}s"] = children(name, "service_id", sid)
        nested["attributes"] = [
            {**a, "taxonomy_term": _term(by_id, a.get("taxonomy_term_id"))}
            for a in children("attribute", "link_id", sid)
        ]
        services.append(nested)
    return services


def _term(by_id: dict, term_id: str | None) -> dict | None:
    term = by_id.get("taxonomy_term", {}).get(term_id)
    if term is None:
        return None
    return {**term, "taxonomy_detail": by_id.get("taxonomy", {}).get(term.get("taxonomy_id"))}


def read_file(path: Path) -> list[tuple[str, dict]]:
    """The services in a file, each with a label for error messages ("regel 4", "dienst 2")."""
    if path.suffix.lower() == ".csv":
        items, errors = [], []
        for line, row in csv_format.read_rows(path):
            try:
                items.append((f"regel {line}", csv_format.row_to_service(line, row)))
            except csv_format.RowError as error:
                errors.append(str(error))
        if errors:
            raise ImportFailed(errors)
        return items
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFailed([f"{path.name} is geen geldige JSON: {error}"]) from None
    if isinstance(data, dict) and "resources" in data:
        data = _datapackage_services(data)
    elif isinstance(data, dict):
        data = data.get("contents", data.get("services"))
    if not isinstance(data, list):
        raise ImportFailed(["verwacht een lijst van diensten (services) of een datapackage"])
    return [(f"dienst {n} (id {item.get('id', '?')})", item) for n, item in enumerate(data, 1)]


def validate(items: list[tuple[str, dict]]) -> list[ServiceIn]:
    """Validate every service; raise ImportFailed listing each bad field."""
    services, errors = [], []
    for label, item in items:
        try:
            services.append(ServiceIn.parse_obj(item))
        except ValidationError as error:
            for problem in error.errors():
                where = ".".join(str(part) for part in problem["loc"])
                errors.append(f"{label}, veld '{where}': {problem['msg']}")
    seen: set[str] = set()
    for service in services:
        if service.id in seen:
            errors.append(f"id {service.id} staat twee keer in het bestand")
        seen.add(service.id)
    if errors:
        raise ImportFailed(errors)
    return services


def search_terms(service: ServiceIn) -> str:
    """Lemmas of a service's name and description plus its categories, for interest matching."""
    words = set(interests.lemmas(f"{service.name} {service.description or ''}"))
    words |= {
        a.taxonomy_term.code
        for a in service.attributes
        if a.taxonomy_term.taxonomy_detail.id == ACTIVITIES
    }
    return " ".join(sorted(words))


def upsert(session: Session, services: list[ServiceIn]) -> ImportReport:
    """Write services into the session: new ones added, changed ones replaced, equal ones left."""
    report = ImportReport()
    ids = [s.id for s in services]
    existing = {
        row.id: row
        for row in session.execute(select(models.Service).where(models.Service.id.in_(ids)))
        .scalars()
        .all()
    } if ids else {}  # fmt: skip
    for service in services:
        rows = to_rows(service)
        old = existing.get(service.id)
        if old is not None and to_hsds(old) == to_hsds(rows):
            report.unchanged.append(service.id)
            continue
        terms = search_terms(service)  # lemmatising costs; only for new and changed services
        rows.search_terms = terms
        session.merge(rows)
        session.flush()
        replace_rows(session, service, terms)
        (report.updated if old is not None else report.created).append(service.id)
    return report


def import_services(engine: Engine, items: list[tuple[str, dict]]) -> ImportReport:
    """Validate and write services in one transaction: on any error nothing is written."""
    services = validate(items)
    with Session(engine, future=True) as session, session.begin():
        return upsert(session, services)


def import_file(engine: Engine, path: Path) -> ImportReport:
    """Import an HSDS JSON file (list, API page or datapackage) or a spreadsheet CSV."""
    return import_services(engine, read_file(path))
