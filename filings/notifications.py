"""What filings tells people, through the platform's notifications (see accounts.notifications).

Every state change of a case goes through `case_event_record`; on commit it asks this module
whom to tell. Company-creation requests keep their own emails (filings.services.company).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.notifications import NotificationKind, notification_create, register_notification_kind
from core.bidi import isolate
from core.formats import format_datetime

from .access import ADVISING_ROLES
from .models import CaseEvent, CompanyStatus, PreFilingStatus
from .models.cases import case_label

# Asking the entrepreneur for what is missing is part of the process: always emailed.
INFO_REQUESTED = {"trademark_prefiling": PreFilingStatus.CHANGES_REQUESTED}


def _status(params: dict) -> str:
    choices = {"trademark_prefiling": PreFilingStatus, "company_request": CompanyStatus}
    try:
        return str(choices[params["subject"]](params["status"]).label)
    except (KeyError, ValueError):
        return params.get("status", "")


def _title(params: dict) -> str:
    # Notifications stored before the case's kind was kept show their title as it was written.
    if "kind" not in params:
        return params["title"]
    title = isolate(params["title"]) if params["title"] else ""
    return case_label(kind=params["kind"], title=title)


def _isolated(params: dict, *names: str) -> dict:
    return {**params, **{name: isolate(params[name]) for name in names}}


def _case_update(params):
    return _("%(reference)s: %(title)s is now “%(status)s”.") % {
        "reference": isolate(params["reference"]),
        "title": _title(params),
        "status": _status(params),
    }


def _case_info_requested(params):
    return _("%(reference)s: your advisor asks for changes to %(title)s.") % {
        **_isolated(params, "reference"),
        "title": _title(params),
    }


def _case_message(params):
    return _("%(reference)s: new message from %(author)s.") % _isolated(
        params, "reference", "author"
    )


def _case_meeting(params):
    return _("%(reference)s: a meeting on %(date)s is attached to the case.") % _isolated(
        {**params, "date": format_datetime(params["date"])}, "reference", "date"
    )


def _company_update(params):
    texts = {
        "message": _("%(reference)s: new message."),
        "message_to_advisor": _("%(reference)s: new message from the entrepreneur."),
        "submitted": _("%(reference)s: the request is received."),
    }
    text = texts.get(params["event"])
    if text:
        return text % _isolated(params, "reference")
    return _("%(reference)s is now “%(status)s”.") % {
        "reference": isolate(params["reference"]),
        "status": _status({"subject": "company_request", "status": params["event"]}),
    }


def _company_email(notification):
    from .services.company import company_notification_email

    company_notification_email(notification)


def register() -> None:
    # gettext_lazy by its own name: makemessages does not find strings behind another alias.
    for kind in (
        NotificationKind(
            "company_update",
            gettext_lazy("My company-creation requests"),
            _company_update,
            email=_company_email,
        ),
        NotificationKind(
            "company_info_requested",
            gettext_lazy("Information requested on a request"),
            _company_update,
            required=True,
            email=_company_email,
        ),
        NotificationKind("case_update", gettext_lazy("My trademark pre-filings"), _case_update),
        NotificationKind(
            "case_info_requested",
            gettext_lazy("Changes requested on a pre-filing"),
            _case_info_requested,
            required=True,
        ),
        NotificationKind("case_message", gettext_lazy("Messages on my case files"), _case_message),
        NotificationKind(
            "case_meeting", gettext_lazy("Meetings attached to a case file"), _case_meeting
        ),
    ):
        register_notification_kind(kind)


def _advisors(case) -> list:
    if case.advisor_id:
        return [case.advisor]
    from accounts.models import User

    return list(
        User.objects.filter(
            hub_memberships__hub_id=case.hub_id, hub_memberships__role__in=ADVISING_ROLES
        ).distinct()
    )


def case_event_notify(*, event_id: int) -> None:
    """Tell the other side of the case about one event (company requests notify themselves)."""
    event = (
        CaseEvent.objects.select_related("case__owner", "case__advisor", "actor")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.subject == "company_request":
        return
    case = event.case
    by_owner = event.actor_id == case.owner_id
    params = {"reference": case.reference, "kind": case.kind, "title": case.title,
              "subject": event.subject, "status": event.to_status}  # fmt: skip
    if event.kind == "transition" and event.from_status:
        kind = (
            "case_info_requested"
            if INFO_REQUESTED.get(event.subject) == event.to_status
            else "case_update"
        )
        recipients = _advisors(case) if by_owner else [case.owner]
    elif event.kind in ("message", "comment"):
        kind = "case_message"
        params["author"] = str(event.actor) if event.actor else ""
        recipients = _advisors(case) if by_owner else [case.owner]
    else:
        return
    url = reverse("filings:case_detail", args=[case.public_id])
    for person in recipients:
        if person.pk != event.actor_id:
            notification_create(
                user=person, kind=kind, key=f"case-event:{event.pk}:{person.pk}",
                params=params, url=url,
            )  # fmt: skip


def case_meeting_notify(*, link) -> None:
    appointment, case = link.appointment, link.case
    params = {
        "reference": case.reference,
        "date": appointment.starts_at.isoformat(),
    }
    notification_create(
        user=appointment.advisor,
        kind="case_meeting",
        key=f"case-meeting:{link.pk}:{appointment.advisor_id}",
        params=params,
        url=reverse("filings:case_detail", args=[case.public_id]),
    )


__all__ = ["case_event_notify", "case_meeting_notify", "register"]
