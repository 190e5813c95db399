"""A saved list view: search, filters, sort and visible columns under a name."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class SavedView:
    name: str
    search: str = ""
    sort_key: str | None = None
    descending: bool = False
    filters: tuple[tuple[str, str], ...] = ()
    hidden: tuple[str, ...] = field(default=())  # column keys not shown

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["filters"] = [list(pair) for pair in self.filters]
        data["hidden"] = list(self.hidden)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SavedView | None:
        """None for an entry that is not a view (a damaged settings file)."""
        try:
            return cls(name=str(data["name"]), search=str(data.get("search", "")),
                       sort_key=data.get("sort_key"),
                       descending=bool(data.get("descending", False)),
                       filters=tuple((str(k), str(v)) for k, v in data.get("filters", [])),
                       hidden=tuple(str(key) for key in data.get("hidden", [])))
        except (KeyError, TypeError, ValueError):
            return None
