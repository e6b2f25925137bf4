"""ReviewDesk's library database: SQLAlchemy 2.0 models, sessions and Alembic migrations.

Qt-free. Sessions are owned by the operation that needs them (one per user action or job) and
never cross threads; ORM objects do not leave the session that loaded them.
"""
