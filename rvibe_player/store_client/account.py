"""Which account was last signed in to each store, and where its cache lives (no secrets)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

Account = dict[str, Any]
"""``id``, ``username``, ``name``, ``role``, ``bio`` of a signed-in account."""


def _key_slug(store_key: str) -> str:
    return hashlib.sha256(store_key.encode()).hexdigest()[:16]


class AccountBook:
    """``accounts.json`` in the relationship folder: store key -> the account last used."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)

    @property
    def file(self) -> Path:
        """Where the book is kept."""
        return self.data_dir / "accounts.json"

    def _all(self) -> dict[str, Any]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def account(self, store_key: str) -> Account | None:
        """The account last signed in to this store, or None."""
        found = self._all().get(store_key)
        return found if isinstance(found, dict) else None

    def remember(self, store_key: str, account: Account | None) -> None:
        """Note (or, with None, forget) the account of a store; written atomically."""
        accounts = self._all()
        if account is None:
            accounts.pop(store_key, None)
        else:
            accounts[store_key] = account
        fd, tmp = tempfile.mkstemp(dir=self.data_dir, prefix=".accounts-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(accounts, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, self.file)

    def cache_path(self, store_key: str, account_id: int) -> Path:
        """The cache file of one account at one store."""
        return self.data_dir / f"relationship-{_key_slug(store_key)}-{account_id}.sqlite3"
