"""Imports every feature's models so the metadata (and Alembic) sees all tables."""

from .accounts.models import AuditEntry, NotificationRead  # noqa: F401
from .auth.models import ApiToken, PasswordResetToken, User  # noqa: F401
from .centers.models import Center, Closure, Room  # noqa: F401
from .companies.models import Company, CompanySector  # noqa: F401
from .events.models import Event  # noqa: F401
from .exhibitions.models import Exhibition, Stand, StandRequest  # noqa: F401
from .lexicon.models import LexiconAddition  # noqa: F401
from .mail.models import OutboxMessage  # noqa: F401
from .matching.models import Interest, Suggestion  # noqa: F401
from .meetings.models import Meeting, MeetingParticipant  # noqa: F401
from .notifications.models import Notification, NotificationPreference  # noqa: F401
from .offices.models import OfficeRental  # noqa: F401
from .stays.models import Stay, StayPolicy  # noqa: F401
