"""Persistence: SQLAlchemy models, migrations, change log, repositories. No Qt here."""
