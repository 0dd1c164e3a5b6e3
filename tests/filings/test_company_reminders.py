import datetime

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from filings.models import CompanyDelay, CompanyRequest, CompanyStatus
from filings.services import company as services

from .company_helpers import request_in

S = CompanyStatus


def test_expiry_reminder_goes_once_to_entrepreneur_and_advisor_each_in_their_language(
    entrepreneur, advisor_a, hub_a, django_capture_on_commit_callbacks
):
    entrepreneur.preferred_language = "ar"
    entrepreneur.save(update_fields=["preferred_language"])
    company = request_in(S.CERTIFICATE_OBTAINED, entrepreneur, hub_a, advisor_a)
    services.company_request_claim(request=company, actor=advisor_a)
    today = company.certificate_expires_on - datetime.timedelta(days=5)
    assert services.company_send_expiry_reminders(today=today - datetime.timedelta(days=30)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.company_send_expiry_reminders(today=today) == 1
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {entrepreneur.email, advisor_a.email}
    assert all(company.reference in message.subject for message in mail.outbox)
    # Same event, two languages: the Arabic text differs from the French one.
    assert by_recipient[entrepreneur.email].body != by_recipient[advisor_a.email].body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.company_send_expiry_reminders(today=today) == 0
    assert len(mail.outbox) == 2


def test_waiting_reminder_uses_the_delay_kept_as_data_and_is_sent_once(
    entrepreneur, advisor_a, hub_a, django_capture_on_commit_callbacks
):
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    CompanyDelay.objects.update_or_create(key="advisor_waiting", defaults={"days": 7})
    CompanyRequest.objects.filter(pk=company.pk).update(
        status_changed_at=timezone.now() - datetime.timedelta(days=5)
    )
    assert services.company_send_waiting_reminders() == 0
    CompanyDelay.objects.filter(key="advisor_waiting").update(days=4)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.company_send_waiting_reminders() == 1
        assert services.company_send_waiting_reminders() == 0
    assert mail.outbox[-1].to == [advisor_a.email]


def test_a_move_rearms_the_waiting_reminder(entrepreneur, advisor_a, hub_a):
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    CompanyRequest.objects.filter(pk=company.pk).update(waiting_reminder_sent_at=timezone.now())
    company = services.company_request_transition(
        request=company, to_status=S.CERTIFICATE_REQUESTED, actor=advisor_a
    )
    assert company.waiting_reminder_sent_at is None


def test_reminders_are_scheduled_in_celery_beat():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "filings.tasks_company.company_expiry_reminders_task" in tasks
    assert "filings.tasks_company.company_waiting_reminders_task" in tasks


def test_my_space_shows_requests_and_what_is_expected(client, entrepreneur, advisor_a, hub_a):
    company = request_in(S.INFO_REQUESTED, entrepreneur, hub_a, advisor_a)
    client.force_login(entrepreneur)
    my_space = client.get(reverse("accounts:my_space")).content.decode()
    assert company.reference in my_space
    detail = client.get(reverse("filings:company_detail", args=[company.public_id]))
    assert "Please add the lease." in detail.content.decode()
    assert detail.context["expected"]


def test_info_request_notifies_the_entrepreneur(
    entrepreneur, advisor_a, hub_a, django_capture_on_commit_callbacks
):
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.company_request_transition(
            request=company, to_status=S.INFO_REQUESTED, actor=advisor_a,
            data={"info_request": "Le bail est illisible."},
        )  # fmt: skip
    assert mail.outbox[-1].to == [entrepreneur.email]
    assert "Le bail est illisible." in mail.outbox[-1].body
