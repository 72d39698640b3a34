"""What the store does, apart from HTTP: accounts, relationship, staff views, catalog."""
