"""HSDS 3.0 service records: validation of incoming JSON and conversion to and from the tables."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from pydantic import BaseModel, Field, HttpUrl, confloat, constr, validator

from knowledge.store import models as m

Id = constr(strip_whitespace=True, min_length=1, max_length=250)
Text = constr(strip_whitespace=True, max_length=5000)


class Record(BaseModel):
    """Base of HSDS records: unknown HSDS fields are accepted and ignored."""

    class Config:
        extra = "ignore"
        anystr_strip_whitespace = True


class OrganizationIn(Record):
    """HSDS organization."""

    id: Id
    name: constr(strip_whitespace=True, min_length=1, max_length=500)
    description: Text = ""
    website: HttpUrl | None = None
    email: constr(max_length=250) | None = None


class AddressIn(Record):
    """HSDS address (Dutch postcode: 4 digits, optional 2 letters)."""

    id: Id
    address_1: constr(min_length=1, max_length=500)
    city: constr(min_length=1, max_length=250)
    state_province: constr(max_length=100) = ""
    postal_code: constr(regex=r"^[1-9][0-9]{3} ?([A-Za-z]{2})?$")
    country: constr(min_length=2, max_length=2) = "NL"
    address_type: str = "physical"


class AccessibilityIn(Record):
    """HSDS accessibility of a location."""

    id: Id
    description: Text | None = None
    details: Text | None = None
    url: HttpUrl | None = None


class LocationIn(Record):
    """HSDS location; physical ones need coordinates in or near the Netherlands."""

    id: Id
    location_type: constr(regex=r"^(physical|postal|virtual)$") = "physical"
    name: constr(max_length=500) | None = None
    description: Text | None = None
    latitude: confloat(ge=50.5, le=53.8) | None = None
    longitude: confloat(ge=3.2, le=7.3) | None = None
    addresses: list[AddressIn] = []
    accessibility: list[AccessibilityIn] = []

    @validator("longitude", always=True)
    def _physical_needs_coordinates(cls, value, values):  # noqa: N805
        if values.get("location_type") == "physical" and (
            value is None or values.get("latitude") is None
        ):
            raise ValueError("a physical location needs latitude and longitude")
        return value


class ServiceAtLocationIn(Record):
    """HSDS service_at_location with its location."""

    id: Id
    description: Text | None = None
    location: LocationIn


class ScheduleIn(Record):
    """HSDS schedule (RFC 5545 terms)."""

    id: Id
    freq: constr(regex=r"^(WEEKLY|MONTHLY)$") | None = None
    interval: int | None = Field(None, ge=1, le=12)
    byday: (
        constr(regex=r"^(-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$") | None
    ) = None
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    description: Text | None = None

    @validator("valid_to")
    def _ends_after_start(cls, value, values):  # noqa: N805
        start = values.get("valid_from")
        if value and start and value < start:
            raise ValueError("valid_to is before valid_from")
        return value


class PhoneIn(Record):
    """HSDS phone."""

    id: Id
    number: constr(regex=r"^[0-9+() -]{3,30}$")
    type: str | None = "voice"
    description: Text | None = None


class ContactIn(Record):
    """HSDS contact."""

    id: Id
    name: constr(max_length=250) | None = None
    title: constr(max_length=250) | None = None
    email: constr(max_length=250) | None = None


class CostOptionIn(Record):
    """HSDS cost_option; amount 0 is free."""

    id: Id
    option: constr(max_length=250) | None = None
    currency: constr(regex=r"^[A-Z]{3}$") = "EUR"
    amount: float | None = Field(None, ge=0, le=10000)
    amount_description: Text | None = None


class LanguageIn(Record):
    """HSDS language."""

    id: Id
    name: constr(max_length=100) | None = None
    code: constr(max_length=10) | None = None


class ServiceAreaIn(Record):
    """HSDS service_area."""

    id: Id
    name: constr(max_length=250) | None = None
    description: Text | None = None


class TaxonomyIn(Record):
    """HSDS taxonomy."""

    id: Id
    name: constr(min_length=1, max_length=250)
    description: Text = ""
    version: constr(max_length=50) | None = None


class TaxonomyTermIn(Record):
    """HSDS taxonomy_term with its taxonomy."""

    id: Id
    code: constr(min_length=1, max_length=100)
    name: constr(min_length=1, max_length=250)
    description: Text = ""
    taxonomy_detail: TaxonomyIn


class AttributeIn(Record):
    """HSDS attribute: a taxonomy term on the service."""

    id: Id
    link_type: str = "service"
    value: constr(max_length=250) | None = None
    taxonomy_term: TaxonomyTermIn


class ServiceIn(Record):
    """An HSDS service with its organization, locations and details nested."""

    id: Id
    name: constr(min_length=1, max_length=500)
    description: Text | None = None
    url: HttpUrl | None = None
    email: constr(max_length=250) | None = None
    status: constr(regex=r"^(active|inactive|defunct|temporarily closed)$") = "active"
    fees_description: Text | None = None
    eligibility_description: Text | None = None
    alert: Text | None = None
    assured_date: dt.date | None = None
    last_modified: dt.datetime | None = None
    organization: OrganizationIn
    service_at_locations: list[ServiceAtLocationIn] = []
    schedules: list[ScheduleIn] = []
    phones: list[PhoneIn] = []
    contacts: list[ContactIn] = []
    cost_options: list[CostOptionIn] = []
    languages: list[LanguageIn] = []
    service_areas: list[ServiceAreaIn] = []
    attributes: list[AttributeIn] = []


# The service's simple child lists: attribute name, HSDS record and table.
CHILDREN = (
    ("schedules", ScheduleIn, m.Schedule),
    ("phones", PhoneIn, m.Phone),
    ("contacts", ContactIn, m.Contact),
    ("cost_options", CostOptionIn, m.CostOption),
    ("languages", LanguageIn, m.Language),
    ("service_areas", ServiceAreaIn, m.ServiceArea),
)


def _columns(record: BaseModel, exclude: set[str] = frozenset()) -> dict:
    return {
        key: str(value) if key in ("url", "website") and value is not None else value
        for key, value in record.dict(exclude=exclude).items()
        if not isinstance(value, list | dict)
    }


def to_rows(service: ServiceIn, search_terms: str = "") -> m.Service:
    """The ORM object graph of one validated service, ready for `Session.merge`."""
    org = m.Organization(**_columns(service.organization))
    row = m.Service(
        **_columns(service, {"organization"}), organization=org, search_terms=search_terms
    )
    for sal in service.service_at_locations:
        loc = sal.location
        location = m.Location(
            **_columns(loc, {"addresses", "accessibility"}),
            organization_id=org.id,
            addresses=[m.Address(**_columns(a)) for a in loc.addresses],
            accessibility=[m.Accessibility(**_columns(a)) for a in loc.accessibility],
        )
        row.service_at_locations.append(
            m.ServiceAtLocation(id=sal.id, description=sal.description, location=location)
        )
    for name, _, table in CHILDREN:
        setattr(row, name, [table(**_columns(child)) for child in getattr(service, name)])
    row.attributes = [
        m.Attribute(
            id=a.id,
            link_type=a.link_type,
            value=a.value,
            term=m.TaxonomyTerm(
                **_columns(a.taxonomy_term, {"taxonomy_detail"}),
                taxonomy=m.Taxonomy(**_columns(a.taxonomy_term.taxonomy_detail)),
            ),
        )
        for a in service.attributes
    ]
    return row


def _plain(row, fields: list[str]) -> dict:
    out = {}
    for name in fields:
        value = getattr(row, name)
        if isinstance(value, dt.date | dt.time):
            value = value.isoformat()
        out[name] = value
    return out


@lru_cache
def _fields(model: type[BaseModel]) -> list[str]:
    return [
        name
        for name, field in model.__fields__.items()
        if not (field.shape != 1 or issubclass(field.type_, BaseModel))
    ]


def to_hsds(row: m.Service) -> dict:
    """One service from the tables as an HSDS 3.0 JSON object."""
    out = _plain(row, _fields(ServiceIn))
    out["organization"] = _plain(row.organization, _fields(OrganizationIn))
    out["service_at_locations"] = [
        {
            "id": sal.id,
            "description": sal.description,
            "location": {
                **_plain(sal.location, _fields(LocationIn)),
                "addresses": [_plain(a, _fields(AddressIn)) for a in sal.location.addresses],
                "accessibility": [
                    _plain(a, _fields(AccessibilityIn)) for a in sal.location.accessibility
                ],
            },
        }
        for sal in sorted(row.service_at_locations, key=lambda s: s.id)
    ]
    for name, model, _ in CHILDREN:
        out[name] = [_plain(r, _fields(model)) for r in sorted(getattr(row, name), key=_id)]
    out["attributes"] = [
        {
            **_plain(a, _fields(AttributeIn)),
            "taxonomy_term": {
                **_plain(a.term, _fields(TaxonomyTermIn)),
                "taxonomy_detail": _plain(a.term.taxonomy, _fields(TaxonomyIn)),
            },
        }
        for a in sorted(row.attributes, key=_id)
    ]
    return out


def _id(row) -> str:
    return row.id
