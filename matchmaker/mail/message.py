"""The MIME form of an outbox message.

Flask-Mailman sends it (its backends: SMTP, files, memory), but the message is assembled with the
standard library's modern e-mail API (``email.message.EmailMessage``), not Flask-Mailman's
compat32 one: that folds a long ``Subject`` or ``List-Unsubscribe`` as ``"Subject:\\r\\n =?utf-8?…"``,
which parsers read back with a leading space. Here headers fold and encode per RFC 5322 / 2047,
a header with a line break is refused (no header injection), and bodies are 7-bit safe
(quoted-printable or base64) for any relay.

Layout, as calendar programs expect for an invitation::

    multipart/mixed
      multipart/alternative: text/plain, text/html[, text/calendar; method=REQUEST|CANCEL]
      attachment(s): meeting.ics / agenda.ics (text/calendar)
"""

from __future__ import annotations

import email.message
import email.policy
from email.utils import formatdate

from flask_mailman import EmailMultiAlternatives

# headers whose ASCII value must reach the reader verbatim: the standard policy would RFC 2047-encode
# a link longer than a folded line can hold, which breaks the one-click unsubscribe (RFC 8058)
VERBATIM = frozenset({"list-unsubscribe", "list-unsubscribe-post", "message-id"})


class _Policy(email.policy.EmailPolicy):
    def fold(self, name, value):
        if name.lower() in VERBATIM and str(value).isascii():
            return f"{name}: {value}{self.linesep}"
        return super().fold(name, value)

    def fold_binary(self, name, value):
        if name.lower() in VERBATIM and str(value).isascii():
            return f"{name}: {value}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


POLICY = _Policy(linesep="\r\n", cte_type="7bit")


class Mime(email.message.EmailMessage):
    """An ``EmailMessage`` whose ``as_bytes`` takes Flask-Mailman's ``linesep`` argument."""

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\r\n", policy=None) -> bytes:  # type: ignore[override]
        return super().as_bytes(unixfrom, policy=(policy or self.policy).clone(linesep=linesep))


class OutboxEmail(EmailMultiAlternatives):
    """A letter of the outbox: text, HTML, calendar invitations and attached files."""

    def __init__(self, *, html: str, invitations=(), files=(), **kwargs) -> None:
        super().__init__(**kwargs)
        self.html = html
        self.invitations = list(invitations)  # [(method, ics text)]
        self.files = list(files)  # [(filename, mimetype, text, method or "")]

    def message(self) -> Mime:
        msg = Mime(policy=POLICY)
        msg["Subject"] = self.subject
        msg["From"] = self.from_email
        msg["To"] = ", ".join(self.to)
        msg["Date"] = formatdate(localtime=False)
        for name, value in self.extra_headers.items():
            msg[name] = value
        msg.set_content(self.body)
        msg.add_alternative(self.html, subtype="html")
        for method, ics in self.invitations:
            msg.add_alternative(ics, subtype="calendar", params={"method": method})
        for filename, mimetype, text, method in self.files:
            params = {"method": method} if method else {}
            msg.add_attachment(text, subtype=mimetype.split("/", 1)[1], filename=filename, params=params)
        return msg
