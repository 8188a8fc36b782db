"""Imports every feature's models so the metadata (and Alembic) sees all tables."""

from .auth.models import ApiToken, User  # noqa: F401
from .companies.models import Company, CompanySector  # noqa: F401
from .notifications.models import Notification  # noqa: F401

for _feature in ("matching", "centers", "meetings", "events"):
    try:
        __import__(f"matchmaker.{_feature}.models")
    except ModuleNotFoundError as _exc:  # a feature without tables yet
        if _exc.name != f"matchmaker.{_feature}.models":
            raise
