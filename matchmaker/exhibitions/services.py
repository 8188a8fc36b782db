"""Exhibitions: define (days and stand plan), request a stand, allocate, decline, withdraw.

"Each stand once": allocating a stand that another request holds is a ``Conflict`` (409), by the
check here and, in a race, by the partial unique index on allocated stands."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..centers import services as centers
from ..core.ids import valid_id
from ..core.stands import MAX_STANDS, parse_plan
from ..dbtypes import utcnow
from ..errors import Conflict, DomainError, Forbidden, NotFound
from ..extensions import db
from ..i18n import set_texts
from .models import LIVE, Exhibition, Stand, StandRequest, StandRequestStatus

MAX_DAYS = 31


def get_exhibition(exhibition_id: int) -> Exhibition:
    found = db.session.get(Exhibition, exhibition_id) if valid_id(exhibition_id) else None
    if found is None:
        raise NotFound(str(_l("No such exhibition.")))
    return found


def get_request(request_id: int) -> StandRequest:
    found = db.session.get(StandRequest, request_id) if valid_id(request_id) else None
    if found is None:
        raise NotFound(str(_l("No such stand request.")))
    return found


def upcoming() -> list[Exhibition]:
    today = datetime.now(UTC).date()
    q = select(Exhibition).where(Exhibition.last_day >= today - timedelta(days=1))
    return list(db.session.scalars(q.order_by(Exhibition.first_day)))


def create_exhibition(user, center_id: int, titles: dict, first: date, last: date, plan: str) -> Exhibition:
    if not (user.is_staff and user.can_manage_center(center_id)):
        raise Forbidden(str(_l("Only the staff of this center can define its exhibitions.")))
    errors: dict[str, list[str]] = {}
    if not any((v or "").strip() for v in titles.values()):
        errors["title_az"] = [str(_l("Give the exhibition a title in at least one language."))]
    if last < first:
        errors["last_day"] = [str(_l("The last day cannot be before the first."))]
    elif (last - first).days + 1 > MAX_DAYS:
        errors["last_day"] = [str(_l("An exhibition lasts at most %(n)s days.", n=MAX_DAYS))]
    if first < datetime.now(UTC).date():
        errors["first_day"] = [str(_l("The exhibition cannot start in the past."))]
    stands, bad = parse_plan(plan)
    if bad:
        lines = ", ".join(str(n) for n in bad[:10])
        errors["plan"] = [
            str(_l('Lines %(lines)s are not a stand such as "A1 3x2" or repeat a code.', lines=lines))
        ]
    elif not stands:
        errors["plan"] = [str(_l('Give at least one stand, one a line, such as "A1 3x2".'))]
    elif len(stands) > MAX_STANDS:
        errors["plan"] = [str(_l("At most %(n)s stands.", n=MAX_STANDS))]
    if errors:
        raise DomainError(next(iter(errors.values()))[0], fields=errors)
    exhibition = Exhibition(center_id=center_id, first_day=first, last_day=last, created_by_id=user.id)
    set_texts(exhibition, "title", titles)
    exhibition.stands = [Stand(code=s.code, width_m=s.width, depth_m=s.depth) for s in stands]
    db.session.add(exhibition)
    db.session.flush()
    return exhibition


def request_of(exhibition: Exhibition, company_id: int | None) -> StandRequest | None:
    if not company_id:
        return None
    q = select(StandRequest).where(
        StandRequest.exhibition_id == exhibition.id,
        StandRequest.company_id == company_id,
        StandRequest.status.in_(LIVE),
    )
    return db.session.scalar(q)


def request_stand(user, exhibition: Exhibition, area: int, note: str = "") -> StandRequest:
    company_id = user.active_company_id
    if company_id is None:
        raise Forbidden(str(_l("Only a member of a registered firm can request a stand.")))
    if not exhibition.accepts_requests or exhibition.last_day < datetime.now(UTC).date():
        raise Conflict(str(_l("This exhibition takes no more requests.")))
    if not 1 <= area <= 500:
        raise DomainError(str(_l("Enter a number from %(min)s to %(max)s.", min=1, max=500)), field="area_m2")
    if request_of(exhibition, company_id) is not None:
        raise Conflict(str(_l("Your firm has already asked for a stand at this exhibition.")))
    req = StandRequest(
        exhibition_id=exhibition.id,
        company_id=company_id,
        area_m2=area,
        note=note or "",
        created_by_id=user.id,
    )
    try:
        # a concurrent request of the same firm passes the check above too: the partial unique
        # index refuses the second one, in a savepoint so the request goes on to a 409
        with db.session.begin_nested():
            db.session.add(req)
            db.session.flush()
    except IntegrityError:
        raise Conflict(str(_l("Your firm has already asked for a stand at this exhibition."))) from None
    return req


def allocated(exhibition: Exhibition) -> dict[int, StandRequest]:
    q = select(StandRequest).where(
        StandRequest.exhibition_id == exhibition.id, StandRequest.status == StandRequestStatus.ALLOCATED
    )
    return {r.stand_id: r for r in db.session.scalars(q)}


def requests_for(exhibition: Exhibition) -> list[StandRequest]:
    q = select(StandRequest).where(StandRequest.exhibition_id == exhibition.id)
    return list(db.session.scalars(q.order_by(StandRequest.created_at)))


def allocate(req: StandRequest, user, stand_id) -> None:
    if not req.exhibition.can_manage(user):
        raise Forbidden(str(_l("Only the staff of this center can allocate stands.")))
    if req.status != StandRequestStatus.REQUESTED:
        raise Conflict(str(_l("This request is no longer open.")))
    stand = db.session.get(Stand, stand_id) if valid_id(stand_id) else None
    if stand is None or stand.exhibition_id != req.exhibition_id:
        raise DomainError(str(_l("Unknown stand.")), field="stand_id")
    if stand.id in allocated(req.exhibition):
        raise Conflict(str(_l("Stand %(code)s is already allocated.", code=stand.code)), field="stand_id")
    try:
        with db.session.begin_nested():
            req.stand_id, req.status, req.updated_at = stand.id, StandRequestStatus.ALLOCATED, utcnow()
            db.session.flush()
    except IntegrityError:
        raise Conflict(
            str(_l("Stand %(code)s was allocated a moment ago.", code=stand.code)), field="stand_id"
        ) from None
    _tell(req, "stand_allocated", code=stand.code)


def _tell(req: StandRequest, kind: str, **params) -> None:
    from ..notifications.services import notify

    link = f"/exhibitions/{req.exhibition_id}"
    notify(req.company_id, kind, link, center_id=req.exhibition.center_id, **params)


def decline(req: StandRequest, user, reason: str = "") -> None:
    if not req.exhibition.can_manage(user):
        raise Forbidden(str(_l("Only the staff of this center can answer stand requests.")))
    if req.status not in LIVE:
        raise Conflict(str(_l("This request is no longer open.")))
    req.stand_id, req.status, req.answer_note, req.updated_at = (
        None,
        StandRequestStatus.DECLINED,
        reason,
        utcnow(),
    )
    db.session.flush()
    _tell(req, "stand_declined")


def withdraw(req: StandRequest, user) -> None:
    if user.active_company_id != req.company_id:
        raise Forbidden(str(_l("This is not your firm's request.")))
    if req.status not in LIVE:
        raise Conflict(str(_l("This request is no longer open.")))
    req.stand_id, req.status, req.updated_at = None, StandRequestStatus.WITHDRAWN, utcnow()
    db.session.flush()


def managed_centers(user):
    return [c for c in centers.list_centers() if user.can_manage_center(c.id)]
