"""Guards against Qt binding bugs that would crash a long-running player."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QTreeWidgetItem

pytestmark = pytest.mark.gui


class _Empty(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> object:  # type: ignore[no-untyped-def]
        return None


def test_empty_values_keep_their_reference(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 decremented None for every invalid QVariant converted back to Python;
    # a player calls data() thousands of times an hour and would abort.
    model = _Empty()
    index = model.index(0, 0)
    item = QTreeWidgetItem(["x"])
    before = sys.getrefcount(None)
    for _ in range(500):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
        assert item.data(0, Qt.ItemDataRole.UserRole) is None
    assert sys.getrefcount(None) - before >= 0
