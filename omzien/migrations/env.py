"""Alembic environment: migrates the database whose URL the caller passes in."""

from __future__ import annotations

from alembic import context

from omzien.db import engine_for
from omzien.tables import metadata

url = context.config.attributes["database_url"]
engine = engine_for(url)

if context.is_offline_mode():
    context.configure(url=url, target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    with engine.connect() as connection:
        # Batch mode lets SQLite alter tables by copying them.
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=url.startswith("sqlite"),
        )
        with context.begin_transaction():
            context.run_migrations()
