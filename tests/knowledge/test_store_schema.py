"""Migrations build the same schema on SQLite and PostgreSQL, and go back down cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from knowledge.store import models, seed
from knowledge.store.importer import import_services
from omzien.db import engine_for
from omzien.migrate import alembic_config, upgrade
from omzien.tables import metadata

HSDS_TABLES = {
    "organization", "service", "location", "address", "service_at_location", "schedule",
    "phone", "contact", "cost_option", "accessibility", "language", "service_area",
    "taxonomy", "taxonomy_term", "attribute", "municipality", "town", "postcode",
}  # fmt: skip


def test_upgrade_creates_every_table_of_the_models(any_database_url):
    upgrade(any_database_url)
    tables = set(inspect(engine_for(any_database_url)).get_table_names())
    assert tables >= HSDS_TABLES
    assert set(metadata.tables) <= tables
    assert "alembic_version" in tables


def test_upgrade_twice_changes_nothing_and_downgrade_removes_everything(any_database_url):
    upgrade(any_database_url)
    upgrade(any_database_url)
    command.downgrade(alembic_config(any_database_url), "base")
    left = set(inspect(engine_for(any_database_url)).get_table_names()) - {"alembic_version"}
    assert left == set()


def test_models_work_on_both_databases_and_deleting_a_service_removes_its_details(
    any_database_url,
):
    upgrade(any_database_url)
    engine = engine_for(any_database_url)
    seed.seed_reference(engine)
    items = seed.read_example_data()[:3]
    import_services(engine, items)
    first_id = items[0][1]["id"]
    with Session(engine, future=True) as session, session.begin():
        service = session.get(models.Service, first_id)
        assert service.schedules and service.attributes and service.service_at_locations
        session.delete(service)
    with Session(engine, future=True) as session:
        assert session.get(models.Service, first_id) is None
        orphans = session.execute(
            select(models.Schedule).where(models.Schedule.service_id == first_id)
        ).all()
        assert orphans == []
        assert session.execute(select(models.Service)).scalars().all()  # the other two stay
