"""Reads of the case file: one case with everything in it, its timeline, what comes next, and
what waits on an advisor. Access goes through `filings.access`, like every other read."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bidi import isolate
from core.formats import format_datetime
from hubs.booking_selectors import HUB_TIME_ZONE
from hubs.models import Appointment, Topic

from .access import advised_hub_ids, can_view_case, visible_cases, visible_items
from .models import (
    Case,
    CaseAppointment,
    CompanyRequest,
    CompanyStatus,
    PreFilingStatus,
    ServiceLevelTarget,
    TrademarkPreFiling,
    WaitingItem,
)

C, T = CompanyStatus, PreFilingStatus
ENTREPRENEUR, ADVISOR = "entrepreneur", "advisor"


def case_get_for_user(*, user, public_id) -> Case:
    try:
        case = Case.objects.select_related("hub", "owner", "advisor", "company_request").get(
            public_id=public_id
        )
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None
    if not can_view_case(user, case):
        raise PermissionDenied
    return case


def cases_for_user(*, user):
    """The cases a person may open: their own, or those of the hubs they advise."""
    return visible_cases(user).select_related("hub", "owner").order_by("-updated_at")


def cases_of_owner_at_hub(*, user, hub_id) -> list[Case]:
    return list(Case.objects.filter(owner=user, hub_id=hub_id).order_by("-updated_at")[:50])


@dataclass
class TimelineEntry:
    at: datetime
    kind: str  # event kind, or "appointment"
    event: object = None
    appointment: Appointment | None = None


def case_contents(*, case: Case, viewer) -> dict:
    """The case's pre-filings, meetings and timeline in a fixed number of queries.

    What ``viewer`` may see of it: another's drafts are left out.
    """
    try:
        company = case.company_request
    except CompanyRequest.DoesNotExist:
        company = None
    if company is not None and not visible_items(viewer, case, [company]):
        company = None
    trademarks = visible_items(viewer, case, case.trademarks.order_by("pk"))
    links = list(
        CaseAppointment.objects.filter(case=case)
        .select_related("appointment__advisor", "appointment__hub")
        .order_by("-appointment__starts_at")
    )
    appointments = [link.appointment for link in links]
    events = list(case.events.select_related("actor"))
    return {
        "company": company,
        "trademarks": trademarks,
        "appointments": appointments,
        "timeline": case_timeline(events=events, appointments=appointments),
        "next_steps": case_next_steps(
            case=case, company=company, trademarks=trademarks, appointments=appointments
        ),
    }


def case_timeline(*, events, appointments) -> list[TimelineEntry]:
    """One timeline, newest first: the case's events and its meetings (at their time)."""
    entries = [TimelineEntry(at=e.at, kind=e.kind, event=e) for e in events if e.kind != "meeting"]
    entries += [TimelineEntry(at=a.starts_at, kind="appointment", appointment=a)
                for a in appointments]  # fmt: skip
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


@dataclass
class NextStep:
    who: str  # ENTREPRENEUR or ADVISOR
    text: str
    blocked: bool = False  # a meeting helps: the booking opens with the topic and the case
    topic: str = ""
    url: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def who_label(self):
        return _("You (the entrepreneur)") if self.who == ENTREPRENEUR else _("The advisor")


COMPANY_NEXT = {
    C.DRAFT: (ENTREPRENEUR, _("Complete the company-creation request and submit it.")),
    C.SUBMITTED: (ADVISOR, _("Review the company-creation request.")),
    C.INFO_REQUESTED: (ENTREPRENEUR, _("Send the information the advisor asked for.")),
    C.CERTIFICATE_REQUESTED: (ADVISOR, _("Record the answer on the certificat négatif.")),
    C.CERTIFICATE_REFUSED: (ENTREPRENEUR, _("The name was refused: choose another name with "
                                            "your advisor.")),
    C.CERTIFICATE_OBTAINED: (ADVISOR, _("Draw up the statutes.")),
    C.STATUTES: (ADVISOR, _("Start the registrations (tax, trade register, CNSS).")),
    C.REGISTRATIONS: (ADVISOR, _("Record the company's numbers once registered.")),
}  # fmt: skip
TRADEMARK_NEXT = {
    T.DRAFT: (ENTREPRENEUR, _("Finish the pre-filing of “%(mark)s” and submit it.")),
    T.SUBMITTED: (ADVISOR, _("Review the pre-filing of “%(mark)s”.")),
    T.CHANGES_REQUESTED: (ENTREPRENEUR, _("Make the changes asked on “%(mark)s”.")),
    T.APPROVED: (ENTREPRENEUR, _("File “%(mark)s” with OMPIC using the filing file.")),
}


def case_next_steps(*, case, company, trademarks, appointments) -> list[NextStep]:
    """What is expected next and from whom, derived from the statuses alone."""
    steps = []
    if company is not None and company.status in COMPANY_NEXT:
        who, text = COMPANY_NEXT[company.status]
        blocked = company.status == C.CERTIFICATE_REFUSED
        url = reverse("filings:company_detail", args=[company.public_id])
        steps.append(
            NextStep(who, str(text), blocked=blocked, topic=Topic.COMPANY_CREATION, url=url)
        )
    for prefiling in trademarks:
        if prefiling.status not in TRADEMARK_NEXT:
            continue
        who, text = TRADEMARK_NEXT[prefiling.status]
        mark = isolate(prefiling.mark_text) if prefiling.mark_text else str(_("your mark"))
        high_risk = (prefiling.similarity_report or {}).get("highest_risk") == "high"
        choosing_classes = (
            prefiling.status == T.DRAFT and prefiling.step >= 3 and not prefiling.classes
        )
        url = reverse("filings:trademark_detail", args=[prefiling.public_id])
        blocked = high_risk or choosing_classes or prefiling.status == T.CHANGES_REQUESTED
        step = NextStep(
            who, str(text) % {"mark": mark}, url=url, topic=Topic.TRADEMARK, blocked=blocked
        )
        if high_risk:
            step.extra["reason"] = _("A registered mark looks very similar.")
        elif choosing_classes:
            step.extra["reason"] = _("Choosing the classes of goods and services.")
        steps.append(step)
    now = timezone.now()
    for appointment in appointments:
        if appointment.status == Appointment.Status.BOOKED and appointment.ends_at > now:
            steps.append(NextStep(ENTREPRENEUR, str(_("Meet your advisor on %(date)s.") % {
                "date": format_datetime(appointment.starts_at)}),
                url=reverse("hubs:appointment_detail", args=[appointment.public_id])))  # fmt: skip
    return steps


# --- The advisor's home ----------------------------------------------------------------------

COMPANY_WAITING = (C.SUBMITTED, C.CERTIFICATE_REQUESTED, C.CERTIFICATE_OBTAINED, C.STATUTES,
                   C.REGISTRATIONS, C.CERTIFICATE_REFUSED)  # fmt: skip


@dataclass
class WaitingEntry:
    item: str
    since: datetime
    case: Case
    label: str
    status: str
    url: str
    target_hours: int | None
    now: datetime

    @property
    def waited(self) -> timedelta:
        return self.now - self.since

    @property
    def waited_hours(self) -> int:
        return int(self.waited.total_seconds() // 3600)

    @property
    def overdue(self) -> bool:
        return self.target_hours is not None and self.waited > timedelta(hours=self.target_hours)


def service_level_targets(*, hub_ids) -> dict[tuple[int | None, str], int]:
    rows = ServiceLevelTarget.objects.filter(hub_id__in=list(hub_ids)) | (
        ServiceLevelTarget.objects.filter(hub__isnull=True)
    )
    return {(row.hub_id, row.item): row.hours for row in rows}


def _target(targets, hub_id, item):
    return targets.get((hub_id, item), targets.get((None, item)))


def advisor_waiting_items(*, user, now=None) -> list[WaitingEntry]:
    """Everything waiting on the advisors of the user's hubs, oldest first (4 queries)."""
    hub_ids = advised_hub_ids(user)
    if not hub_ids:
        raise PermissionDenied
    now = now or timezone.now()
    targets = service_level_targets(hub_ids=hub_ids)
    entries = []
    companies = CompanyRequest.objects.filter(
        case__hub_id__in=hub_ids, status__in=COMPANY_WAITING
    ).select_related("case__owner", "case__hub")
    for company in companies:
        entries.append(WaitingEntry(
            WaitingItem.COMPANY_REQUEST, company.status_changed_at, company.case,
            company.case.title or company.reference, company.get_status_display(),
            reverse("filings:company_detail", args=[company.public_id]),
            _target(targets, company.case.hub_id, WaitingItem.COMPANY_REQUEST), now,
        ))  # fmt: skip
    prefilings = TrademarkPreFiling.objects.filter(
        case__hub_id__in=hub_ids, status=T.SUBMITTED
    ).select_related("case__owner", "case__hub")
    for prefiling in prefilings:
        entries.append(WaitingEntry(
            WaitingItem.TRADEMARK_PREFILING, prefiling.status_changed_at, prefiling.case,
            prefiling.mark_text or prefiling.case.label, prefiling.get_status_display(),
            reverse("filings:trademark_detail", args=[prefiling.public_id]),
            _target(targets, prefiling.case.hub_id, WaitingItem.TRADEMARK_PREFILING), now,
        ))  # fmt: skip
    return sorted(entries, key=lambda entry: entry.since)


def advisor_meetings_today(*, user, now=None):
    from hubs.booking_selectors import advisor_agenda

    now = now or timezone.now()
    local_day = now.astimezone(HUB_TIME_ZONE).date()
    start = datetime.combine(local_day, datetime.min.time(), tzinfo=HUB_TIME_ZONE)
    return [
        a for a in advisor_agenda(user=user, start=start, end=start + timedelta(days=1))
        if a.status == Appointment.Status.BOOKED and a.ends_at > now
    ]  # fmt: skip
