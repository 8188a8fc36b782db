"""Domain errors raised by services and mapped back onto form fields or JSON error bodies."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken. ``field`` names the input at fault, when there is one."""

    code = "invalid"
    status = 422

    def __init__(self, message: str, field: str | None = None, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = dict(fields or {})
        if field:
            self.fields.setdefault(field, []).append(message)


class NotFound(DomainError):
    code = "not_found"
    status = 404


class Forbidden(DomainError):
    code = "forbidden"
    status = 403


class Conflict(DomainError):
    code = "conflict"
    status = 409


def apply_to_form(form, err: DomainError) -> None:
    """Show a domain error on the form fields it names (or as a form-level error)."""
    placed = False
    for name, messages in err.fields.items():
        field = getattr(form, name, None)
        if field is not None:
            field.errors = list(field.errors) + list(messages)
            placed = True
    if not placed:
        form.form_errors.append(err.message)
