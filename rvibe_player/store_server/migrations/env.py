"""Alembic's environment: runs the migrations on the connection it is given (or from env)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from rvibe_player.store_server.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Plain `alembic` command line: the URL comes from RVIBE_STORE_DATABASE_URL.
    from rvibe_player.store_server.config import default_database_url
    from rvibe_player.store_server.database import Database

    database = Database(default_database_url(), pool_size=1)
    try:
        with database.engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        database.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run them on a database")
_main()
