"""The HTTP routes of the store, one module per audience."""
