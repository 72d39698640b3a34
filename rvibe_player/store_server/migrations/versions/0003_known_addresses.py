"""Addresses each account signed in from, so guesses from elsewhere cannot lock it out.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    """Apply this revision (the same on SQLite and PostgreSQL)."""
    account = sa.ForeignKey(
        "accounts.id", name=op.f("fk_known_addresses_account_id_accounts"), ondelete="CASCADE"
    )
    op.create_table(
        "known_addresses",
        sa.Column("account_id", sa.Integer(), account, primary_key=True),
        sa.Column("address", sa.String(length=64), primary_key=True),
        sa.Column("last_sign_in_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "address", name=op.f("pk_known_addresses")),
    )


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table("known_addresses")
