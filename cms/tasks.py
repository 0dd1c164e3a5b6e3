from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from core.effects import effect_once, task_effect_key
from core.mail import sender, site_url

from .ics import event_ics
from .models import EventRegistration, RegistrationStatus
from .selectors import event_for_registration


def registration_send_notice(*, registration_id: int) -> bool:
    """Tells the registrant where they stand; a confirmed seat comes with a calendar file."""
    registration = (
        EventRegistration.objects.select_related("user").filter(pk=registration_id).first()
    )
    if registration is None:
        return False
    user = registration.user
    if user.deleted_at is not None:
        return False
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        event = event_for_registration(registration=registration, language=language)
        if event is None:
            return False
        # The page's path on the site's public address: the Wagtail Site row may name
        # another host ("localhost" in the demo).
        url = site_url(event.get_url_parts()[2])
        context = {"registration": registration, "event": event, "url": url, "user": user}
        subject = render_to_string("emails/event_registration_subject.txt", context).strip()
        message = EmailMultiAlternatives(
            subject=subject,
            from_email=sender(),
            body=render_to_string("emails/event_registration_body.txt", context),
            to=[user.email],
        )
        message.attach_alternative(
            render_to_string("emails/event_registration_body.html", context), "text/html"
        )
        if registration.status == RegistrationStatus.CONFIRMED:
            ics = event_ics(event=event, url=url, uid=f"{registration.public_id}@carres")
            message.attach("event.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
        message.send()
    return True


@shared_task(
    bind=True,
    autoretry_for=(ConnectionError, OSError),
    retry_backoff=True,
    max_retries=5,
    time_limit=60,
    soft_time_limit=50,
)
def registration_send_notice_task(self, registration_id: int) -> None:
    with effect_once(task_effect_key(self, "email")) as first:
        if first:
            registration_send_notice(registration_id=registration_id)
