"""A random key per account in its avatar URL (revision 0005): staff cannot be enumerated."""

import secrets

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0005", "0004"


def upgrade() -> None:
    """Apply this revision (the same on SQLite and PostgreSQL): every account gets a key."""
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("avatar_key", sa.String(length=32), nullable=True))
    conn = op.get_bind()
    accounts = sa.table("accounts", sa.column("id", sa.Integer), sa.column("avatar_key"))
    for account_id in conn.execute(sa.select(accounts.c.id)).scalars().all():
        conn.execute(
            accounts.update()
            .where(accounts.c.id == account_id)
            .values(avatar_key=secrets.token_hex(8))
        )
    with op.batch_alter_table("accounts") as batch:
        batch.alter_column("avatar_key", existing_type=sa.String(length=32), nullable=False)


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("avatar_key")
