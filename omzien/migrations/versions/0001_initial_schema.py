"""initial schema: counters, callback requests, HSDS initiatives, search rows, reference places

Revision ID: 0001
Revises:
Create Date: 2026-11-22 07:55:51.766990
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "callback_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("number_encrypted", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("callback_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_callback_requests_expires_at"), ["expires_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_callback_requests_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "daily_counts",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", "day"),
    )
    op.create_table(
        "municipality",
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("province", sa.String(length=50), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_municipality_name"), ["name"], unique=False)

    op.create_table(
        "organization",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("email", sa.String(length=250), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "taxonomy",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("name", sa.String(length=250), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("version", sa.String(length=50), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "location",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("organization_id", sa.String(length=250), nullable=True),
        sa.Column("location_type", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.create_index("ix_location_lat_lon", ["latitude", "longitude"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_location_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "postcode",
        sa.Column("pc4", sa.String(length=4), nullable=False),
        sa.Column("town", sa.String(length=100), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
        ),
        sa.PrimaryKeyConstraint("pc4"),
    )
    op.create_table(
        "service",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("organization_id", sa.String(length=250), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("email", sa.String(length=250), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("fees_description", sa.Text(), nullable=True),
        sa.Column("eligibility_description", sa.Text(), nullable=True),
        sa.Column("alert", sa.Text(), nullable=True),
        sa.Column("assured_date", sa.Date(), nullable=True),
        sa.Column("last_modified", sa.DateTime(), nullable=True),
        sa.Column("search_terms", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "taxonomy_term",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("taxonomy_id", sa.String(length=250), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=250), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["taxonomy_id"], ["taxonomy.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("taxonomy_term", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_taxonomy_term_code"), ["code"], unique=False)

    op.create_table(
        "town",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("town", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_town_name"), ["name"], unique=False)

    op.create_table(
        "accessibility",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("location_id", sa.String(length=250), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["location_id"], ["location.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("accessibility", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accessibility_location_id"), ["location_id"], unique=False
        )

    op.create_table(
        "address",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("location_id", sa.String(length=250), nullable=False),
        sa.Column("address_1", sa.String(length=500), nullable=False),
        sa.Column("city", sa.String(length=250), nullable=False),
        sa.Column("state_province", sa.String(length=100), nullable=False),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("address_type", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["location_id"], ["location.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_address_location_id"), ["location_id"], unique=False)

    op.create_table(
        "attribute",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("link_id", sa.String(length=250), nullable=False),
        sa.Column("link_type", sa.String(length=50), nullable=False),
        sa.Column("taxonomy_term_id", sa.String(length=250), nullable=False),
        sa.Column("value", sa.String(length=250), nullable=True),
        sa.ForeignKeyConstraint(["link_id"], ["service.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["taxonomy_term_id"], ["taxonomy_term.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attribute", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attribute_link_id"), ["link_id"], unique=False)
        batch_op.create_index(
            "ix_attribute_term_link", ["taxonomy_term_id", "link_id"], unique=False
        )

    op.create_table(
        "contact",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("name", sa.String(length=250), nullable=True),
        sa.Column("title", sa.String(length=250), nullable=True),
        sa.Column("email", sa.String(length=250), nullable=True),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_service_id"), ["service_id"], unique=False)

    op.create_table(
        "cost_option",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("option", sa.String(length=250), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("amount_description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cost_option", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cost_option_service_id"), ["service_id"], unique=False)

    op.create_table(
        "language",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=True),
        sa.Column("code", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("language", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_language_service_id"), ["service_id"], unique=False)

    op.create_table(
        "phone",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("phone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phone_service_id"), ["service_id"], unique=False)

    op.create_table(
        "schedule",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("freq", sa.String(length=10), nullable=True),
        sa.Column("interval", sa.Integer(), nullable=True),
        sa.Column("byday", sa.String(length=100), nullable=True),
        sa.Column("opens_at", sa.Time(), nullable=True),
        sa.Column("closes_at", sa.Time(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("schedule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schedule_service_id"), ["service_id"], unique=False)

    op.create_table(
        "service_area",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("name", sa.String(length=250), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("service_area", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_area_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "service_at_location",
        sa.Column("id", sa.String(length=250), nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("location_id", sa.String(length=250), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["location_id"], ["location.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("service_at_location", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_at_location_location_id"), ["location_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_service_at_location_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "service_search",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("service_id", sa.String(length=250), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("groups", sa.Text(), nullable=False),
        sa.Column("free", sa.Boolean(), nullable=False),
        sa.Column("byday", sa.String(length=200), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("assured_date", sa.Date(), nullable=True),
        sa.Column("search_terms", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["service_id"], ["service.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("service_search", schema=None) as batch_op:
        batch_op.create_index("ix_service_search_lat_lon", ["latitude", "longitude"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_service_search_service_id"), ["service_id"], unique=False
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("service_search", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_search_service_id"))
        batch_op.drop_index("ix_service_search_lat_lon")

    op.drop_table("service_search")
    with op.batch_alter_table("service_at_location", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_at_location_service_id"))
        batch_op.drop_index(batch_op.f("ix_service_at_location_location_id"))

    op.drop_table("service_at_location")
    with op.batch_alter_table("service_area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_area_service_id"))

    op.drop_table("service_area")
    with op.batch_alter_table("schedule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_schedule_service_id"))

    op.drop_table("schedule")
    with op.batch_alter_table("phone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phone_service_id"))

    op.drop_table("phone")
    with op.batch_alter_table("language", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_language_service_id"))

    op.drop_table("language")
    with op.batch_alter_table("cost_option", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cost_option_service_id"))

    op.drop_table("cost_option")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_service_id"))

    op.drop_table("contact")
    with op.batch_alter_table("attribute", schema=None) as batch_op:
        batch_op.drop_index("ix_attribute_term_link")
        batch_op.drop_index(batch_op.f("ix_attribute_link_id"))

    op.drop_table("attribute")
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_address_location_id"))

    op.drop_table("address")
    with op.batch_alter_table("accessibility", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accessibility_location_id"))

    op.drop_table("accessibility")
    with op.batch_alter_table("town", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_town_name"))

    op.drop_table("town")
    with op.batch_alter_table("taxonomy_term", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_taxonomy_term_code"))

    op.drop_table("taxonomy_term")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_organization_id"))

    op.drop_table("service")
    op.drop_table("postcode")
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_location_organization_id"))
        batch_op.drop_index("ix_location_lat_lon")

    op.drop_table("location")
    op.drop_table("taxonomy")
    op.drop_table("organization")
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipality_name"))

    op.drop_table("municipality")
    op.drop_table("daily_counts")
    with op.batch_alter_table("callback_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_callback_requests_person_id"))
        batch_op.drop_index(batch_op.f("ix_callback_requests_expires_at"))

    op.drop_table("callback_requests")
