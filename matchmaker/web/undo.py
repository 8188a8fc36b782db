"""Saying what happened after a destructive action, with an undo button where it can be undone.

``flash_undo`` puts a message of category ``undo`` in the session: the text, and the POST form
(action, hidden fields, button label) that reverses the action. ``base.html`` shows it as an alert
with that button (a plain form: works without JavaScript)."""

from __future__ import annotations

from flask import flash


def flash_undo(text: str, action: str | None = None, label: str = "", fields: dict | None = None) -> None:
    flash(
        {
            "text": str(text),
            "action": action,
            "label": str(label),
            "fields": {k: str(v) for k, v in (fields or {}).items()},
        },
        "undo",
    )
