"""Emails of the labelling workflow, queued on commit by the services; and the nightly jobs."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.roles import Role
from core.effects import effect_once, task_effect_key
from core.mail import sender

from .models.labelling import ApplicationHistory, LabelHistory, LabelReminder

TASK_OPTIONS = {
    "time_limit": 60,
    "soft_time_limit": 45,
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "max_retries": 5,
}


def _chamber_recipients(*, hub, extra=()):
    from accounts.models import User

    users = {
        user.pk: user
        for user in User.objects.filter(
            hub_memberships__hub=hub, hub_memberships__role=Role.HUB_MANAGER, is_active=True
        )
    }
    for user in extra:
        if user is not None and user.is_active:
            users[user.pk] = user
    return list(users.values())


def _send(task, *, template: str, users, context: dict, path_name: str, path_kwargs: dict) -> int:
    """One email per recipient, once: a retry after the third recipient failed, or the task
    re-delivered after its worker died, does not write again to the first two."""
    key = task_effect_key(task, "email")
    sent = 0
    for user in users:
        with effect_once(f"{key}:{user.pk}" if key else None) as first:
            if first:
                _send_one(template=template, user=user, context=context,
                          path_name=path_name, path_kwargs=path_kwargs)  # fmt: skip
                sent += 1
    return sent


def _send_one(*, template: str, user, context: dict, path_name: str, path_kwargs: dict) -> None:
    # Each recipient reads the email in their own language, links included.
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        full_context = {
            **context,
            "user": user,
            "url": settings.SITE_URL + reverse(path_name, kwargs=path_kwargs),
        }
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", full_context).split())
        body = render_to_string(f"emails/{template}_body.txt", full_context)
        html = render_to_string(f"emails/{template}_body.html", full_context)
        from_email = sender()
    message = EmailMultiAlternatives(subject, body, from_email, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.send()


@shared_task(bind=True, **TASK_OPTIONS)
def application_status_email_task(self, history_id: int) -> int:
    history = ApplicationHistory.objects.select_related(
        "application__hub", "application__created_by"
    ).get(pk=history_id)
    application = history.application
    return _send(
        self,
        template="labelling_application_update",
        users=_chamber_recipients(hub=application.hub, extra=[application.created_by]),
        context={"history": history, "application": application},
        path_name="hubs:labelling_application",
        path_kwargs={"public_id": application.public_id},
    )


@shared_task(bind=True, **TASK_OPTIONS)
def label_status_email_task(self, history_id: int) -> int:
    history = LabelHistory.objects.select_related("label__hub", "label__application").get(
        pk=history_id
    )
    label = history.label
    creator = label.application.created_by if label.application_id else None
    return _send(
        self,
        template="labelling_label_update",
        users=_chamber_recipients(hub=label.hub, extra=[creator]),
        context={"history": history, "label": label},
        path_name="hubs:labelling_label",
        path_kwargs={"public_id": label.public_id},
    )


@shared_task(bind=True, **TASK_OPTIONS)
def label_reminder_email_task(self, reminder_id: int) -> int:
    reminder = LabelReminder.objects.select_related("label__hub").get(pk=reminder_id)
    template = (
        "labelling_reminder_expiry"
        if reminder.kind == LabelReminder.Kind.EXPIRY
        else "labelling_reminder_report"
    )
    return _send(
        self,
        template=template,
        users=_chamber_recipients(hub=reminder.label.hub),
        context={"reminder": reminder, "label": reminder.label},
        path_name="hubs:labelling_label",
        path_kwargs={"public_id": reminder.label.public_id},
    )


@shared_task(time_limit=600, soft_time_limit=540)
def labelling_nightly_task() -> dict:
    """Expire labels past their validity, then send the reminders that are due (each once)."""
    from .services.labelling import (
        labels_expire_due,
        reminders_send_expiry,
        reminders_send_report_overdue,
    )

    return {
        "expired": labels_expire_due(),
        "expiry_reminders": reminders_send_expiry(),
        "report_reminders": reminders_send_report_overdue(),
    }
