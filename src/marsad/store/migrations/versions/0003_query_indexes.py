"""indexes for the API's typical filters: admin1 and contested by date, actors by date

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:50:00

`incident_actors.sort_date` repeats its incident's sort key so the actor filter walks
(actor_id, sort_date) newest first and stops after one page, instead of scanning every incident.
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('incident_actors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sort_date', sa.String(length=10), nullable=False, server_default=''))
    # Existing rows take their incident's key (the store writes it for new rows).
    op.execute("UPDATE incident_actors SET sort_date = (SELECT incidents.sort_date FROM incidents "
               "WHERE incidents.id = incident_actors.incident_id)")
    op.create_index('ix_incident_actors_actor_sort', 'incident_actors', ['actor_id', 'sort_date', 'incident_id'])
    op.create_index('ix_incidents_admin1_sort', 'incidents', ['admin1', 'sort_date'])
    op.create_index('ix_incidents_contested_sort', 'incidents', ['contested', 'sort_date'])


def downgrade() -> None:
    op.drop_index('ix_incidents_contested_sort', table_name='incidents')
    op.drop_index('ix_incidents_admin1_sort', table_name='incidents')
    op.drop_index('ix_incident_actors_actor_sort', table_name='incident_actors')
    with op.batch_alter_table('incident_actors', schema=None) as batch_op:
        batch_op.drop_column('sort_date')
