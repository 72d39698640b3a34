"""The curator's desk: touch cadence and snoozes, the staff stream, staff-only notes,
presence, saved replies, covers, and the albums a listener shares.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision (the same on SQLite and PostgreSQL)."""
    op.create_table(
        "covers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("curator_id", sa.Integer(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_id"], ["accounts.id"], name=op.f("fk_covers_by_id_accounts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["curator_id"],
            ["accounts.id"],
            name=op.f("fk_covers_curator_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_covers")),
    )
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_covers_by_id"), ["by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_covers_curator_id"), ["curator_id"], unique=False)

    op.create_table(
        "listener_albums",
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=420), nullable=False),
        sa.Column("artist", sa.String(length=200), nullable=False),
        sa.Column("album", sa.String(length=200), nullable=False),
        sa.Column("artist_mbid", sa.String(length=36), nullable=True),
        sa.Column("release_mbid", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_listener_albums_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("listener_id", "key", name=op.f("pk_listener_albums")),
    )
    with op.batch_alter_table("listener_albums", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_listener_albums_release_mbid"), ["release_mbid"], unique=False
        )

    op.create_table(
        "saved_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("curator_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["curator_id"],
            ["accounts.id"],
            name=op.f("fk_saved_replies_curator_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_replies")),
    )
    with op.batch_alter_table("saved_replies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_saved_replies_curator_id"), ["curator_id"], unique=False
        )

    op.create_table(
        "staff_feed",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("curator_id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["curator_id"],
            ["accounts.id"],
            name=op.f("fk_staff_feed_curator_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_staff_feed_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_feed")),
    )
    with op.batch_alter_table("staff_feed", schema=None) as batch_op:
        batch_op.create_index("ix_staff_feed_curator_id", ["curator_id", "id"], unique=False)

    op.create_table(
        "staff_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["accounts.id"],
            name=op.f("fk_staff_notes_author_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_staff_notes_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_notes")),
    )
    with op.batch_alter_table("staff_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_notes_listener_id"), ["listener_id"], unique=False
        )

    op.create_table(
        "staff_presence",
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_staff_presence_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["accounts.id"],
            name=op.f("fk_staff_presence_staff_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("listener_id", "staff_id", name=op.f("pk_staff_presence")),
    )
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_touch_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("touch_every_days", sa.Integer(), nullable=False, server_default="30")
        )
        batch_op.add_column(sa.Column("touch_due_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("snoozed_until", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("snooze_until_reply", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("library_sharing", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.drop_column("library_sharing")
        batch_op.drop_column("snooze_until_reply")
        batch_op.drop_column("snoozed_until")
        batch_op.drop_column("touch_due_at")
        batch_op.drop_column("touch_every_days")
        batch_op.drop_column("last_touch_at")

    op.drop_table("staff_presence")
    with op.batch_alter_table("staff_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_notes_listener_id"))

    op.drop_table("staff_notes")
    with op.batch_alter_table("staff_feed", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_feed_curator_id")

    op.drop_table("staff_feed")
    with op.batch_alter_table("saved_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_replies_curator_id"))

    op.drop_table("saved_replies")
    with op.batch_alter_table("listener_albums", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_listener_albums_release_mbid"))

    op.drop_table("listener_albums")
    with op.batch_alter_table("covers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_covers_curator_id"))
        batch_op.drop_index(batch_op.f("ix_covers_by_id"))

    op.drop_table("covers")
