"""Find activities: interest (lemma and synonym aware), then distance, schedule fit, freshness."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from pydantic import BaseModel
from sqlalchemy import exists, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge import interests
from knowledge.store import models as m
from knowledge.store import taxonomy
from knowledge.store.describe import DAY_CODES, cost_text, schedule_text
from knowledge.store.places import Origin, resolve_origin

# Words that say nothing about the activity itself ("ik zoek graag iets leuks").
FILLER = frozenset(
    "graag leuk vinden houden willen zoeken zoek iets samen doen mensen activiteit activiteiten "
    "buurt plaats wonen woon ergens andere anders vaak soms lekker".split()
)
PHONE_CATEGORY = "telefoon en gesprek"


@dataclass
class Query:
    """What someone is looking for; every field optional."""

    q: str = ""
    place: str | None = None
    postcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius_km: float = 15.0
    day: str | None = None
    free: bool = False
    group: str | None = None
    offset: int = 0
    limit: int = 3


class Result(BaseModel):
    """One activity as people see it; `example` marks example data, not a real listing."""

    id: str
    name: str
    organization: str
    description: str
    categories: list[str]
    address: str
    distance_km: float | None
    schedule: str
    cost: str
    phone: str
    url: str
    example: bool
    national: bool


@dataclass
class Outcome:
    """Ranked results, or why there are none: ok, fallback, unknown_place or no_place."""

    status: str
    place: str | None
    categories: list[str]
    total: int
    results: list[Result] = field(default_factory=list)


def haversine_from(lat1: float, lon1: float):
    """The haversine distance in km from one point, with that point's terms computed once."""
    p1, l1, cos1 = math.radians(lat1), math.radians(lon1), math.cos(math.radians(lat1))
    sin, cos, asin, sqrt, rad = math.sin, math.cos, math.asin, math.sqrt, math.radians

    def distance(lat2: float, lon2: float) -> float:
        p2 = rad(lat2)
        a = sin((p2 - p1) / 2) ** 2 + cos1 * cos(p2) * sin((rad(lon2) - l1) / 2) ** 2
        return 12742.0 * asin(sqrt(a))

    return distance


def day_code(day: str | None) -> str | None:
    """ "di", "dinsdag" or "TU" -> "TU"; None when it is not a day."""
    return DAY_CODES.get((day or "").strip().lower()) if day else None


def _term_ids(tax: str, codes: list[str]) -> list[str]:
    return [taxonomy.term_id(tax, code) for code in codes]


def _has_term(term_ids: list[str]):
    return exists().where(
        m.Attribute.link_id == m.Service.id, m.Attribute.taxonomy_term_id.in_(term_ids)
    )


def _filters(query: Query) -> list:
    """Status, cost and target-group conditions on services (for the national ones)."""
    filters = [m.Service.status == "active"]
    if query.free:
        free = exists().where(m.CostOption.service_id == m.Service.id, m.CostOption.amount == 0)
        filters.append(free)
    if query.group:
        every_group = _term_ids(taxonomy.GROUPS, taxonomy.codes(taxonomy.GROUPS))
        wanted = _term_ids(taxonomy.GROUPS, [query.group.lower(), "iedereen"])
        filters.append(or_(_has_term(wanted), ~_has_term(every_group)))
    return filters


def _interest(query: Query) -> tuple[list[str], list[str]]:
    categories = interests.activity_keys(query.q) if query.q else []
    words = [w for w in interests.lemmas(query.q) if w not in FILLER] if query.q else []
    return categories, words


def _fit(byday: str, valid_to: dt.date | None, day: str | None, today: dt.date) -> float | None:
    """1 fits the day asked, 0.5 unknown, 0 another day; None when it no longer runs."""
    if valid_to and valid_to < today:
        return None
    if not day or not byday:
        return 0.5
    return 1.0 if day in byday else 0.0


def _local(session: Session, query: Query, origin: Origin, categories: list[str], words: list[str]):
    """(score key, service id, distance) of every local activity that fits, best first."""
    s = m.ServiceSearch
    dlat = query.radius_km / 111.0
    dlon = query.radius_km / (111.32 * math.cos(math.radians(origin.latitude)))
    stmt = select(
        s.service_id, s.latitude, s.longitude, s.assured_date, s.search_terms, s.byday, s.valid_to
    ).where(
        s.latitude.between(origin.latitude - dlat, origin.latitude + dlat),
        s.longitude.between(origin.longitude - dlon, origin.longitude + dlon),
    )
    if categories:
        stmt = stmt.where(or_(*(s.categories.contains(f"|{c}|") for c in categories)))
    elif words:
        stmt = stmt.where(or_(*(s.search_terms.contains(w) for w in words)))
    if query.free:
        stmt = stmt.where(s.free.is_(True))
    if query.group:
        groups = (
            s.groups == "",
            s.groups.contains(f"|{query.group.lower()}|"),
            s.groups.contains("|iedereen|"),
        )
        stmt = stmt.where(or_(*groups))
    today, day = dt.date.today(), day_code(query.day)
    distance_to = haversine_from(origin.latitude, origin.longitude)
    own_words = set(words)
    best: dict[str, tuple] = {}
    # Core rows (no ORM): this loop sees every activity in the box, thousands in a big city.
    for sid, lat, lon, assured, terms, byday, valid_to in session.connection().execute(stmt).all():
        distance = distance_to(lat, lon)
        if distance > query.radius_km or (sid in best and distance >= best[sid][2]):
            continue
        fit = _fit(byday, valid_to, day, today)
        if fit is None:
            continue
        named = bool(own_words) and not own_words.isdisjoint(terms.split())
        age = (today - assured).days if assured else 3650
        best[sid] = ((not named, round(distance), -fit, age, distance), sid, distance)
    return sorted(best.values())


def _national(session: Session, categories: list[str], query: Query) -> list[str]:
    """Active national services that fit the interest; when none do, those that work by phone."""
    # From the few service areas to the services, not through every service.
    stmt = (
        select(m.Service.id)
        .select_from(m.ServiceArea)
        .join(m.Service, m.Service.id == m.ServiceArea.service_id)
        .where(m.ServiceArea.name == taxonomy.NATIONAL_AREA, *_filters(query))
        .order_by(m.Service.name)
    )
    for wanted in (categories, [PHONE_CATEGORY]):
        found = session.execute(stmt.where(_has_term(_term_ids(taxonomy.ACTIVITIES, wanted))))
        ids = list(found.scalars())
        if ids:
            return ids
    return []


def _by_service(session: Session, key, ids: list[str], *columns, join=None) -> dict[str, list]:
    """Rows of `columns` for the services `ids` (matched on `key`), grouped by service id."""
    stmt = select(key, *columns).where(key.in_(ids))
    if join is not None:
        stmt = stmt.join(*join)
    found: dict[str, list] = {}
    for row in session.execute(stmt):
        found.setdefault(row[0], []).append(row[1:])
    return found


def _load(session: Session, page: list[tuple[str, float | None]]) -> list[Result]:
    """The details of one page of services, in a few small queries (no ORM objects)."""
    ids = [sid for sid, _ in page]
    service, schedule = m.Service, m.Schedule
    base = _by_service(
        session, service.id, ids, service.name, service.description, service.url,
        service.fees_description, m.Organization.name, join=(m.Organization,),
    )  # fmt: skip
    addresses = _by_service(
        session, m.ServiceAtLocation.service_id, ids, m.Address.address_1, m.Address.city,
        join=(m.Address, m.Address.location_id == m.ServiceAtLocation.location_id),
    )  # fmt: skip
    schedules = _by_service(
        session, schedule.service_id, ids, schedule.freq, schedule.interval, schedule.byday,
        schedule.opens_at, schedule.closes_at,
    )  # fmt: skip
    costs = _by_service(session, m.CostOption.service_id, ids, m.CostOption.amount)
    phones = _by_service(session, m.Phone.service_id, ids, m.Phone.number)
    codes = _by_service(
        session, m.Attribute.link_id, ids, m.TaxonomyTerm.taxonomy_id, m.TaxonomyTerm.code,
        join=(m.TaxonomyTerm,),
    )  # fmt: skip
    areas = _by_service(session, m.ServiceArea.service_id, ids, m.ServiceArea.name)
    results = []
    for sid, distance in page:
        ((name, description, url, fees, organization),) = base[sid]
        terms = set(codes.get(sid, []))
        address = addresses.get(sid, [None])[0]
        when = schedules.get(sid, [None])[0]
        results.append(
            Result(
                id=sid,
                name=name,
                organization=organization,
                description=description or "",
                categories=sorted(c for t, c in terms if t == taxonomy.ACTIVITIES),
                address=f"{address[0]}, {address[1]}" if address else "",
                distance_km=round(distance, 1) if distance is not None else None,
                schedule=schedule_text(*when) if when else "",
                cost=cost_text([c[0] for c in costs.get(sid, [])], fees),
                phone=phones[sid][0][0] if sid in phones else "",
                url=url or "",
                example=(taxonomy.MARKERS, taxonomy.EXAMPLE) in terms,
                national=(taxonomy.NATIONAL_AREA,) in areas.get(sid, []),
            )
        )
    return results


def search(engine: Engine, query: Query) -> Outcome:
    """Rank activities near a place for an interest; fall back to national ones when none fit."""
    categories, words = _interest(query)
    with Session(engine, future=True) as session:
        origin = resolve_origin(session, query.place, query.postcode, query.lat, query.lon)
        if origin is None and (query.place or query.postcode):
            return Outcome("unknown_place", query.place or query.postcode, categories, 0)
        ranked = _local(session, query, origin, categories, words) if origin else []
        if ranked:
            page = [(sid, distance) for _, sid, distance in ranked]
            results = _load(session, page[query.offset : query.offset + query.limit])
            return Outcome("ok", origin.name, categories, len(ranked), results)
        national = [(sid, None) for sid in _national(session, categories, query)]
        results = _load(session, national[query.offset : query.offset + query.limit])
        status = "fallback" if origin else "no_place"
        return Outcome(status, origin.name if origin else None, categories, len(national), results)
