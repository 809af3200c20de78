"""The service_search rows of a service: what a search filters on, one row per location."""

from __future__ import annotations

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from knowledge.store import taxonomy
from knowledge.store.hsds import ServiceIn
from knowledge.store.models import ServiceSearch


def _codes(service: ServiceIn, tax: str) -> str:
    codes = [
        a.taxonomy_term.code
        for a in service.attributes
        if a.taxonomy_term.taxonomy_detail.id == tax
    ]
    return f"|{'|'.join(codes)}|" if codes else ""


def rows_for(service: ServiceIn, search_terms: str) -> list[dict]:
    """Rows for an active service with physical locations; none for the others."""
    located = [
        sal.location
        for sal in service.service_at_locations
        if sal.location.latitude is not None and sal.location.longitude is not None
    ]
    if service.status != "active" or not located:
        return []
    ends = [s.valid_to for s in service.schedules]
    common = {
        "service_id": service.id,
        "categories": _codes(service, taxonomy.ACTIVITIES),
        "groups": _codes(service, taxonomy.GROUPS),
        "free": any(c.amount == 0 for c in service.cost_options),
        "byday": ",".join(s.byday for s in service.schedules if s.byday),
        "valid_to": max(ends) if ends and all(ends) else None,
        "assured_date": service.assured_date,
        "search_terms": search_terms,
    }
    return [{**common, "latitude": loc.latitude, "longitude": loc.longitude} for loc in located]


def replace_rows(session: Session, service: ServiceIn, search_terms: str) -> None:
    """Write the search rows of one service, replacing the old ones."""
    session.execute(delete(ServiceSearch).where(ServiceSearch.service_id == service.id))
    rows = rows_for(service, search_terms)
    if rows:
        session.execute(insert(ServiceSearch), rows)
