"""A real SMTP server for the tests (aiosmtpd), and readers for the messages it or the in-memory
backend received."""

from __future__ import annotations

import asyncio
import email
import socket
import threading
from email.message import EmailMessage
from email.policy import default as default_policy

from aiosmtpd.controller import Controller
from icalendar import Calendar


class Handler:
    """Keeps every message; can answer DATA only after ``release`` is set (a slow or hung relay)
    and refuse recipients."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.release: threading.Event | None = None
        self.hold_seconds = 0.0
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        if self.hold_seconds:
            await asyncio.sleep(self.hold_seconds)
        if self.release is not None:
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        return "250 OK queued"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SMTPSink:
    """``start()``/``stop()`` on one port: stopping it is an outage, starting it again ends it."""

    def __init__(self) -> None:
        self.handler = Handler()
        self.port = free_port()
        self.controller: Controller | None = None

    def start(self) -> SMTPSink:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, ready_timeout=10)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


def parse(message) -> EmailMessage:
    """A Flask-Mailman message (in-memory backend) as the parsed message a mail program sees."""
    if isinstance(message, EmailMessage):
        return message
    return email.message_from_bytes(message.message().as_bytes(), policy=default_policy)


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def calendar_parts(message: EmailMessage) -> list[EmailMessage]:
    return [p for p in message.walk() if p.get_content_type() == "text/calendar"]


def invitation(message: EmailMessage):
    """(the calendar part's method parameter, the parsed calendar, its VEVENT)."""
    part = next(p for p in calendar_parts(message) if p.get_param("method"))
    cal = Calendar.from_ical(part.get_content())
    return part.get_param("method"), cal, next(iter(cal.walk("VEVENT")))
