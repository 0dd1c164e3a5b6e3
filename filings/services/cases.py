from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from ..models import Case, CaseEvent


def case_open(*, kind: str, owner, hub, title: str, actor) -> Case:
    """Open a case with the next reference of its kind and year (TM-2026-000123)."""
    year = timezone.now().year
    for _attempt in range(5):
        try:
            with transaction.atomic():
                last = Case.objects.filter(kind=kind, year=year).aggregate(m=Max("sequence"))["m"]
                case = Case.objects.create(
                    kind=kind,
                    year=year,
                    sequence=(last or 0) + 1,
                    owner=owner,
                    hub=hub,
                    title=title[:200],
                )
                case_event_record(case=case, actor=actor, kind="opened", subject="case")
                return case
        except IntegrityError:
            # Another case took this number between our read and our insert: take the next.
            continue
    raise IntegrityError("could not allocate a case reference")


def case_event_record(
    *, case: Case, actor, kind: str, subject: str, from_status="", to_status="", note=""
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        actor=actor,
        kind=kind,
        subject=subject,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )
