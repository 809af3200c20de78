"""Initiatives in the shape of the Open Referral Human Services Data Specification (HSDS 3.0).

Table and column names follow HSDS 3.0, so data can be exchanged with social-map providers.
Omzien's own markers (example data, national reach) are HSDS attributes on the service,
linked to terms of the taxonomy "omzien-kenmerken"; activity categories and target groups are
terms of the taxonomies "omzien-activiteiten" and "omzien-doelgroepen".
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import relationship

from omzien.db import Base

ID = String(250)


def _child(model: str) -> relationship:
    return relationship(model, cascade="all, delete-orphan", passive_deletes=True)


def _parent_key(table: str, nullable: bool = False) -> Column:
    return Column(ID, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable, index=True)


class Organization(Base):
    """The organisation behind one or more services."""

    __tablename__ = "organization"
    id = Column(ID, primary_key=True)
    name = Column(String(500), nullable=False)
    description = Column(Text, nullable=False, default="")
    website = Column(String(500))
    email = Column(String(250))
    services = relationship(
        "Service", back_populates="organization", cascade="all, delete-orphan", passive_deletes=True
    )
    locations = _child("Location")


class Service(Base):
    """An activity or initiative that people can join."""

    __tablename__ = "service"
    id = Column(ID, primary_key=True)
    organization_id = _parent_key("organization")
    name = Column(String(500), nullable=False)
    description = Column(Text)
    url = Column(String(500))
    email = Column(String(250))
    status = Column(String(30), nullable=False, default="active")
    fees_description = Column(Text)
    eligibility_description = Column(Text)
    alert = Column(Text)
    assured_date = Column(Date)
    last_modified = Column(DateTime)
    # Not HSDS: lemmas of name, description and categories, for matching interests.
    search_terms = Column(Text, nullable=False, default="")

    organization = relationship("Organization", back_populates="services")
    service_at_locations = _child("ServiceAtLocation")
    schedules = _child("Schedule")
    phones = _child("Phone")
    contacts = _child("Contact")
    cost_options = _child("CostOption")
    languages = _child("Language")
    service_areas = _child("ServiceArea")
    attributes = _child("Attribute")


class Location(Base):
    """Where a service takes place: a physical place with coordinates, or virtual."""

    __tablename__ = "location"
    __table_args__ = (Index("ix_location_lat_lon", "latitude", "longitude"),)
    id = Column(ID, primary_key=True)
    organization_id = _parent_key("organization", nullable=True)
    location_type = Column(String(20), nullable=False, default="physical")
    name = Column(String(500))
    description = Column(Text)
    latitude = Column(Float)
    longitude = Column(Float)
    addresses = _child("Address")
    accessibility = _child("Accessibility")


class Address(Base):
    """A postal or physical address of a location."""

    __tablename__ = "address"
    id = Column(ID, primary_key=True)
    location_id = _parent_key("location")
    address_1 = Column(String(500), nullable=False)
    city = Column(String(250), nullable=False)
    state_province = Column(String(100), nullable=False, default="")
    postal_code = Column(String(20), nullable=False)
    country = Column(String(2), nullable=False, default="NL")
    address_type = Column(String(20), nullable=False, default="physical")


class ServiceAtLocation(Base):
    """A service offered at one location."""

    __tablename__ = "service_at_location"
    id = Column(ID, primary_key=True)
    service_id = _parent_key("service")
    location_id = _parent_key("location")
    description = Column(Text)
    location = relationship("Location")


class Schedule(Base):
    """When a service runs, RFC 5545-style: FREQ, INTERVAL, BYDAY, times and validity."""

    __tablename__ = "schedule"
    id = Column(ID, primary_key=True)
    service_id = _parent_key("service")
    freq = Column(String(10))  # WEEKLY or MONTHLY
    interval = Column(Integer)
    byday = Column(String(100))  # e.g. "MO,WE" or "1TU" (first Tuesday of the month)
    opens_at = Column(Time)
    closes_at = Column(Time)
    valid_from = Column(Date)
    valid_to = Column(Date)
    description = Column(Text)


class Phone(Base):
    """A phone number to join or ask about a service."""

    __tablename__ = "phone"
    id = Column(ID, primary_key=True)
    service_id = _parent_key("service")
    number = Column(String(50), nullable=False)
    type = Column(String(20), default="voice")
    description = Column(Text)


class Contact(Base):
    """A contact person or desk for a service."""

    __tablename__ = "contact"
    id = Column(ID, primary_key=True)
    service_id = _parent_key("service")
    name = Column(String(250))
    title = Column(String(250))
    email = Column(String(250))


class CostOption(Base):
    """What taking part costs; amount 0 means free."""

    __tablename__ = "cost_option"
    id = Column(ID, primary_key=True)
    service_id = _parent_key("service")
    option = Column(String(250))
    currency = Column(String(3), default="EUR")
    amount = Column(Float)
    amount_description = Column(Text)


class Accessibility(Base):
    """Accessibility of a location (wheelchair, hearing loop, ...)."""

    __tablename__ = "accessibility"
    id = Column(ID, primary_key=True)
    location_id = _parent_key("location")
    description = Column(Text)
    details = Column(Text)
    url = Column(String(500))


class Language(Base):
    """A language a service is offered in."""

    __tablename__ = "language"
    id = Column(ID, primary_key=True)
    service_id = _parent_key("service")
    name = Column(String(100))
    code = Column(String(10))


class ServiceArea(Base):
    """The area a service covers; "Nederland" marks a national service."""

    __tablename__ = "service_area"
    id = Column(ID, primary_key=True)
    service_id = _parent_key("service")
    name = Column(String(250))
    description = Column(Text)


class Taxonomy(Base):
    """A vocabulary of terms (activity categories, target groups, markers)."""

    __tablename__ = "taxonomy"
    id = Column(ID, primary_key=True)
    name = Column(String(250), nullable=False, unique=True)
    description = Column(Text, nullable=False, default="")
    version = Column(String(50))


class TaxonomyTerm(Base):
    """One term of a taxonomy, with a stable code."""

    __tablename__ = "taxonomy_term"
    id = Column(ID, primary_key=True)
    taxonomy_id = Column(ID, ForeignKey("taxonomy.id", ondelete="CASCADE"), nullable=False)
    code = Column(String(100), nullable=False, index=True)
    name = Column(String(250), nullable=False)
    description = Column(Text, nullable=False, default="")
    taxonomy = relationship("Taxonomy")


class Attribute(Base):
    """Links a taxonomy term to a service (HSDS's generic classification link)."""

    __tablename__ = "attribute"
    __table_args__ = (Index("ix_attribute_term_link", "taxonomy_term_id", "link_id"),)
    id = Column(ID, primary_key=True)
    link_id = Column(ID, ForeignKey("service.id", ondelete="CASCADE"), nullable=False, index=True)
    link_type = Column(String(50), nullable=False, default="service")
    taxonomy_term_id = Column(
        ID, ForeignKey("taxonomy_term.id", ondelete="CASCADE"), nullable=False
    )
    value = Column(String(250))
    term = relationship("TaxonomyTerm")


class ServiceSearch(Base):
    """Not HSDS: one row per active service and location with what search filters on.

    Kept in step by the importer, so a search reads one table in a bounding box instead of
    joining five (measured: 23 ms -> 2 ms for a city with 50,000 services in the country).
    """

    __tablename__ = "service_search"
    __table_args__ = (Index("ix_service_search_lat_lon", "latitude", "longitude"),)
    id = Column(Integer, primary_key=True, autoincrement=True)
    service_id = _parent_key("service")
    latitude = Column(Float, nullable=False)
    longitude = Column(Float, nullable=False)
    categories = Column(Text, nullable=False, default="")  # "|wandelen|fietsen|"
    groups = Column(Text, nullable=False, default="")  # "|ouderen|"; empty: everyone
    free = Column(Boolean, nullable=False, default=False)
    byday = Column(String(200), nullable=False, default="")  # all schedules' days, "MO,1WE"
    valid_to = Column(Date)  # the last day it runs; empty: open-ended or unknown
    assured_date = Column(Date)
    search_terms = Column(Text, nullable=False, default="")
