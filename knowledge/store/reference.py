"""Reference places: municipalities, towns and 4-digit postcodes with their coordinates."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, String

from omzien.db import Base


class Municipality(Base):
    """A Dutch municipality (CBS code, e.g. GM0193) with its centroid."""

    __tablename__ = "municipality"
    code = Column(String(6), primary_key=True)
    name = Column(String(100), nullable=False, index=True)
    province = Column(String(50), nullable=False)
    latitude = Column(Float, nullable=False)
    longitude = Column(Float, nullable=False)


class Town(Base):
    """A town or village (woonplaats) in a municipality."""

    __tablename__ = "town"
    id = Column(Integer, primary_key=True, autoincrement=True)
    name = Column(String(100), nullable=False, index=True)
    municipality_code = Column(String(6), ForeignKey("municipality.code"), nullable=False)
    latitude = Column(Float, nullable=False)
    longitude = Column(Float, nullable=False)


class Postcode(Base):
    """A 4-digit postcode area with a point, its main town and municipality."""

    __tablename__ = "postcode"
    pc4 = Column(String(4), primary_key=True)
    town = Column(String(100), nullable=False)
    municipality_code = Column(String(6), ForeignKey("municipality.code"), nullable=False)
    latitude = Column(Float, nullable=False)
    longitude = Column(Float, nullable=False)
