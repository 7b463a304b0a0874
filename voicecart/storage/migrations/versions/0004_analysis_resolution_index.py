"""analysis: index the resolution (the follow-up list filters on it)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 17:20:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("call_analyses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_call_analyses_resolution"), ["resolution"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("call_analyses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_analyses_resolution"))
