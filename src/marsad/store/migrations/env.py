"""Alembic environment for marsad's store; run programmatically by `marsad.store.open_store`.

The caller passes an open connection in `config.attributes["connection"]`; there is no alembic.ini.
Developers create a revision with `python -m marsad.store.revise "message"`.
"""

from alembic import context

from marsad.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("marsad's migrations run through marsad.store.open_store, which passes a connection")

# Batch mode lets later revisions alter tables on SQLite too (it recreates them).
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
