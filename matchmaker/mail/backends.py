"""Flask-Mailman backends: SMTP that knows whether the message was handed over, and the
development backend that writes ``.eml`` files."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from flask_mailman.backends.base import BaseEmailBackend
from flask_mailman.backends.smtp import EmailBackend as SMTPBackend

log = logging.getLogger("matchmaker.mail")


class _Tracking:
    """Mixed into ``smtplib.SMTP``: ``before_data`` is called once the relay accepted the sender and
    the recipients, just before DATA; ``transferred`` turns true once the whole message has been
    written to the socket. An attempt that breaks off after that point may have been delivered."""

    before_data: Callable[[], None] | None = None
    transferred = False
    _in_data = False

    def data(self, msg):
        if self.before_data is not None:
            self.before_data()
        self._in_data, self.transferred = True, False
        try:
            return super().data(msg)
        finally:
            self._in_data = False

    def send(self, s):
        super().send(s)
        if self._in_data and isinstance(s, bytes):  # the message itself (commands are str)
            self.transferred = True


class TrackingSMTP(_Tracking, smtplib.SMTP):
    pass


class TrackingSMTP_SSL(_Tracking, smtplib.SMTP_SSL):
    pass


class TrackingEmailBackend(SMTPBackend):
    """Flask-Mailman's SMTP backend on :class:`TrackingSMTP`."""

    @property
    def connection_class(self):
        return TrackingSMTP_SSL if self.use_ssl else TrackingSMTP


class EmlEmailBackend(BaseEmailBackend):
    """Development without ``MAIL_SERVER``: each message becomes ``<MAIL_FILE_PATH>/<time>-<id>.eml``
    (open it in any mail program) and one log line says so."""

    def send_messages(self, email_messages):
        folder = Path(self.mailman.file_path)
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for message in email_messages:
            mime = message.message()
            ident = "".join(c for c in str(mime["Message-ID"] or count) if c.isalnum() or c == ".")[:60]
            path = folder / f"{datetime.now(UTC):%Y%m%d-%H%M%S}-{ident}.eml"
            path.write_bytes(mime.as_bytes())
            log.info("mail to %s (%s) written to %s", ", ".join(message.to), message.subject, path)
            count += 1
        return count
