"""The initial schema: accounts, sessions, catalog, relationship, log, idempotency keys.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision (the same on SQLite and PostgreSQL)."""
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("bio", sa.String(length=500), nullable=False),
        sa.Column("avatar_url", sa.String(length=500), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('listener', 'curator', 'admin')", name=op.f("ck_accounts_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("username", name=op.f("uq_accounts_username")),
    )
    op.create_table(
        "artists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_name", sa.String(length=200), nullable=False),
        sa.Column("mbid", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_artists")),
    )
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "access_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_access_records_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["accounts.id"],
            name=op.f("fk_access_records_staff_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_records")),
    )
    op.create_index(
        "ix_access_records_listener_at", "access_records", ["listener_id", "at"], unique=False
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("curator_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assigned_by"],
            ["accounts.id"],
            name=op.f("fk_assignments_assigned_by_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["curator_id"],
            ["accounts.id"],
            name=op.f("fk_assignments_curator_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_assignments_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    op.create_index(
        op.f("ix_assignments_listener_id"), "assignments", ["listener_id"], unique=False
    )
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("user_agent", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_auth_sessions_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_auth_sessions_token_hash")),
    )
    op.create_index(
        op.f("ix_auth_sessions_account_id"), "auth_sessions", ["account_id"], unique=False
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_idempotency_keys_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "client_id", name=op.f("pk_idempotency_keys")),
    )
    op.create_table(
        "listening_days",
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("artist", sa.String(length=200), nullable=False),
        sa.Column("genre", sa.String(length=200), nullable=False),
        sa.Column("plays", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_listening_days_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "listener_id", "day", "artist", "genre", name=op.f("pk_listening_days")
        ),
    )
    op.create_table(
        "listening_plays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("played_at", sa.DateTime(), nullable=False),
        sa.Column("artist", sa.String(length=200), nullable=False),
        sa.Column("album", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("genre", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_listening_plays_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listening_plays")),
    )
    op.create_index(
        "ix_listening_plays_listener_at",
        "listening_plays",
        ["listener_id", "played_at"],
        unique=False,
    )
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_role", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["accounts.id"],
            name=op.f("fk_messages_author_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_messages_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index("ix_messages_listener_seq", "messages", ["listener_id", "seq"], unique=False)
    op.create_table(
        "notes",
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
            name=op.f("fk_notes_author_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_notes_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    op.create_index(op.f("ix_notes_listener_id"), "notes", ["listener_id"], unique=False)
    op.create_table(
        "relationships",
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("curator_id", sa.Integer(), nullable=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("resync_below", sa.BigInteger(), nullable=False),
        sa.Column("log_epoch", sa.Integer(), nullable=False),
        sa.Column("sharing_level", sa.String(length=16), nullable=False),
        sa.Column("listener_read_seq", sa.BigInteger(), nullable=False),
        sa.Column("curator_read_seq", sa.BigInteger(), nullable=False),
        sa.Column("waiting_since", sa.DateTime(), nullable=True),
        sa.Column("unread_by_curator", sa.Integer(), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(), nullable=True),
        sa.Column("last_message_at", sa.DateTime(), nullable=True),
        sa.Column("last_message_from", sa.String(length=16), nullable=True),
        sa.Column("last_message_excerpt", sa.String(length=140), nullable=True),
        sa.ForeignKeyConstraint(
            ["curator_id"],
            ["accounts.id"],
            name=op.f("fk_relationships_curator_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_relationships_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("listener_id", name=op.f("pk_relationships")),
    )
    op.create_index(
        "ix_relationships_inbox",
        "relationships",
        ["curator_id", "waiting_since", "last_activity_at"],
        unique=False,
    )
    op.create_table(
        "releases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("artist_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("genre", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("mbid", sa.String(length=36), nullable=True),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"], name=op.f("fk_releases_artist_id_artists")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_releases")),
    )
    op.create_index(op.f("ix_releases_artist_id"), "releases", ["artist_id"], unique=False)
    op.create_table(
        "reply_waits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("curator_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("replied_at", sa.DateTime(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["curator_id"],
            ["accounts.id"],
            name=op.f("fk_reply_waits_curator_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_reply_waits_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply_waits")),
    )
    op.create_index(
        "ix_reply_waits_curator_replied", "reply_waits", ["curator_id", "replied_at"], unique=False
    )
    op.create_table(
        "sync_entries",
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("object_key", sa.String(length=64), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["accounts.id"],
            name=op.f("fk_sync_entries_actor_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_sync_entries_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("listener_id", "seq", name=op.f("pk_sync_entries")),
    )
    op.create_table(
        "tracks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("mbid", sa.String(length=36), nullable=True),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release_id"], ["releases.id"], name=op.f("fk_tracks_release_id_releases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracks")),
    )
    op.create_index(op.f("ix_tracks_release_id"), "tracks", ["release_id"], unique=False)
    op.create_table(
        "picks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("listener_id", sa.Integer(), nullable=False),
        sa.Column("curator_id", sa.Integer(), nullable=True),
        sa.Column("release_id", sa.Integer(), nullable=True),
        sa.Column("track_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("feedback", sa.String(length=16), nullable=True),
        sa.Column("feedback_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "(release_id IS NULL) <> (track_id IS NULL)", name=op.f("ck_picks_one_item")
        ),
        sa.ForeignKeyConstraint(
            ["curator_id"],
            ["accounts.id"],
            name=op.f("fk_picks_curator_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["listener_id"],
            ["accounts.id"],
            name=op.f("fk_picks_listener_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["release_id"], ["releases.id"], name=op.f("fk_picks_release_id_releases")
        ),
        sa.ForeignKeyConstraint(["track_id"], ["tracks.id"], name=op.f("fk_picks_track_id_tracks")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_picks")),
    )
    op.create_index(op.f("ix_picks_listener_id"), "picks", ["listener_id"], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    op.drop_index(op.f("ix_picks_listener_id"), table_name="picks")
    op.drop_table("picks")
    op.drop_index(op.f("ix_tracks_release_id"), table_name="tracks")
    op.drop_table("tracks")
    op.drop_table("sync_entries")
    op.drop_index("ix_reply_waits_curator_replied", table_name="reply_waits")
    op.drop_table("reply_waits")
    op.drop_index(op.f("ix_releases_artist_id"), table_name="releases")
    op.drop_table("releases")
    op.drop_index("ix_relationships_inbox", table_name="relationships")
    op.drop_table("relationships")
    op.drop_index(op.f("ix_notes_listener_id"), table_name="notes")
    op.drop_table("notes")
    op.drop_index("ix_messages_listener_seq", table_name="messages")
    op.drop_table("messages")
    op.drop_index("ix_listening_plays_listener_at", table_name="listening_plays")
    op.drop_table("listening_plays")
    op.drop_table("listening_days")
    op.drop_table("idempotency_keys")
    op.drop_index(op.f("ix_auth_sessions_account_id"), table_name="auth_sessions")
    op.drop_table("auth_sessions")
    op.drop_index(op.f("ix_assignments_listener_id"), table_name="assignments")
    op.drop_table("assignments")
    op.drop_index("ix_access_records_listener_at", table_name="access_records")
    op.drop_table("access_records")
    op.drop_table("login_throttle")
    op.drop_table("artists")
    op.drop_table("accounts")
