"""Notifications: created by the services that change state, shown under the bell, emailed once.

`accounts` sits below every app that notifies, so the apps register their kinds here (from
their AppConfig.ready()): the words of the message, whether the email is required by the law or
the process (then the person cannot turn it off), and optionally a dedicated email sender (the
meeting emails carry a calendar file). Everything else gets the plain notification email.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.mail import sender
from core.outbox import enqueue

from .models import Notification

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str  # what the person turns on or off in their profile
    text: Callable[[dict], str]  # the message, in the active language, from the params
    required: bool = False
    email: Callable[[Notification], None] | None = None  # a dedicated sender, if any


_kinds: dict[str, NotificationKind] = {}


def register_notification_kind(kind: NotificationKind) -> None:
    _kinds[kind.key] = kind


def notification_kind(key: str) -> NotificationKind | None:
    return _kinds.get(key)


def optional_kinds() -> list[NotificationKind]:
    return sorted((k for k in _kinds.values() if not k.required), key=lambda k: k.key)


def notification_text(notification: Notification) -> str:
    kind = _kinds.get(notification.kind)
    if kind is None:
        return notification.kind
    try:
        return str(kind.text(notification.params))
    except (KeyError, TypeError, ValueError):
        logger.warning("notification %s has unusable params", notification.pk)
        return str(kind.label)


def wants_email(user, kind_key: str) -> bool:
    kind = _kinds.get(kind_key)
    if kind is not None and kind.required:
        return True
    return kind_key not in (user.email_opt_outs or [])


def notification_create(
    *, user, kind: str, key: str, params: dict | None = None, url: str = ""
) -> Notification | None:
    """Create the notification for this event and person once; None if it already exists.

    The email is queued on commit, so a rolled-back change notifies nobody.
    """
    if user is None or not user.is_active:
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, kind=kind, key=key[:200], params=params or {}, url=url[:300]
            )
    except IntegrityError:
        return None
    from .tasks import notification_email_task

    enqueue(notification_email_task, notification.pk)
    return notification


def notification_send_email(*, notification_id: int) -> bool:
    """Send the email of one notification once, even when the task runs twice.

    The row stays locked while the email goes out and is marked sent in the same transaction:
    a concurrent run waits and then skips; a failure or a killed worker rolls the mark back,
    so the retry sends it.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        user = notification.user
        if not (user.email and wants_email(user, notification.kind)):
            return False
        kind = _kinds.get(notification.kind)
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            if kind is not None and kind.email is not None:
                kind.email(notification)
            else:
                _send_plain(notification)
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def _send_plain(notification: Notification) -> None:
    context = {
        "notification": notification,
        "text": notification_text(notification),
        "url": settings.SITE_URL + notification.url if notification.url else "",
        "site_url": settings.SITE_URL,
    }
    subject = render_to_string("emails/notification_subject.txt", context)
    body = render_to_string("emails/notification_body.txt", context)
    send_mail(" ".join(subject.split()), body, sender(), [notification.user.email])


@transaction.atomic
def notification_mark_read(*, user, public_id=None) -> int:
    """Mark one notification (or all, without `public_id`) of this person as read."""
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if public_id is not None:
        qs = qs.filter(public_id=public_id)
    return qs.update(read_at=timezone.now())


def notification_preferences_save(*, user, wanted: list[str], actor) -> None:
    optional = {k.key for k in optional_kinds()}
    user.email_opt_outs = sorted(optional - set(wanted))
    user.save(update_fields=["email_opt_outs"])


def notifications_for_user(*, user, limit: int = 100):
    return Notification.objects.filter(user=user)[:limit]


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
