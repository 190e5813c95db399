"""Pure business rules for Desk CRM: validation, normalisation, names, search text.

Nothing in this package imports Qt or SQLAlchemy, so every rule can be unit-tested
without a GUI or a database and reused by the store, the services and the UI.
"""
