"""Who edited a note last (revision 0004): an edit by a curator who took over reads as theirs."""

import sqlalchemy as sa
from alembic import op

revision, down_revision = "0004", "0003"


def upgrade() -> None:
    """Apply this revision (the same on SQLite and PostgreSQL)."""
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("edited_by", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_notes_edited_by_accounts"),
            "accounts",
            ["edited_by"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("notes") as batch:
        batch.drop_constraint(op.f("fk_notes_edited_by_accounts"), type_="foreignkey")
        batch.drop_column("edited_by")
