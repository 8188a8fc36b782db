"""Statuses and kinds as ``StrEnum``s, each with its translated label in one place.

A member's value is what the database stores (``"requested"``); ``member.label`` is what a person
reads, in their language (``"gözləyir"``, ``"ожидает ответа"``). Templates show ``x.status.label``
and never spell a status out themselves. Columns hold members through
:class:`matchmaker.dbtypes.EnumText`, so code compares with members, not string literals.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any


class LabelledEnum(StrEnum):
    """A ``StrEnum`` whose subclasses say how each member reads, in :meth:`labels`."""

    @classmethod
    def labels(cls) -> Mapping[Any, Any]:  # member -> lazy translated string
        raise NotImplementedError

    @property
    def label(self) -> str:
        return str(type(self).labels()[self])

    @classmethod
    def choices(cls, members: tuple[LabelledEnum, ...] | None = None) -> list[tuple[str, str]]:
        """``(value, label)`` pairs for a select field, in declaration order."""
        return [(m.value, m.label) for m in (members or tuple(cls))]

    @classmethod
    def sql_in(cls, column: str, members: tuple[LabelledEnum, ...] | None = None) -> str:
        """``"status IN ('a', 'b')"`` for a CHECK constraint over the members' values."""
        values = ", ".join(f"'{m.value}'" for m in (members or tuple(cls)))
        return f"{column} IN ({values})"
