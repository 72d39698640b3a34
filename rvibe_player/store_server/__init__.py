"""The store service: FastAPI web API for accounts, catalog and the relationship log."""
