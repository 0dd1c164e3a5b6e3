import pytest
from django.core import mail

from cms.models import EventRegistration, RegistrationEvent, RegistrationStatus
from cms.services import TRANSITIONS, registration_cancel, registration_create
from tests.cms.factories import event

pytestmark = pytest.mark.django_db


def test_logged_in_user_gets_a_seat_and_an_email_with_a_calendar_file(
    client, workshop, entrepreneur, django_capture_on_commit_callbacks
):
    client.force_login(entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/site/events/{workshop.pk}/register/")
    assert response.status_code == 302 and response["Location"] == "/fr/evenements/atelier/"
    registration = EventRegistration.objects.get(user=entrepreneur)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.events.get().to_status == "confirmed"
    (message,) = mail.outbox
    assert message.to == [entrepreneur.email]
    name, content, mimetype = message.attachments[0]
    assert name == "event.ics" and mimetype.startswith("text/calendar")
    ics = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in ics and "SUMMARY:Atelier marque" in ics
    assert workshop.start.strftime("%Y%m%dT%H%M") in ics.replace("DTSTART;", "DTSTART:")
    page = client.get("/fr/evenements/atelier/").content.decode()
    assert "/cancel/" in page


def test_when_full_the_next_person_goes_on_the_waiting_list_without_calendar(
    client, workshop, entrepreneur, other_entrepreneur, django_capture_on_commit_callbacks
):
    registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    client.force_login(other_entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/site/events/{workshop.pk}/register/")
    waiting = EventRegistration.objects.get(user=other_entrepreneur)
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert mail.outbox[-1].attachments == []


def test_registering_on_the_arabic_page_counts_against_the_same_seats(
    workshop, entrepreneur, other_entrepreneur
):
    arabic = workshop.get_translation(workshop.locale.__class__.objects.get(language_code="ar"))
    registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    second = registration_create(
        event=arabic.specific, user=other_entrepreneur, actor=other_entrepreneur
    )
    assert second.status == RegistrationStatus.WAITLISTED


def test_cancelling_a_seat_promotes_the_first_on_the_waiting_list(
    workshop, entrepreneur, other_entrepreneur, django_capture_on_commit_callbacks
):
    mine = registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    theirs = registration_create(event=workshop, user=other_entrepreneur, actor=other_entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=mine, actor=entrepreneur)
    theirs.refresh_from_db()
    assert theirs.status == RegistrationStatus.CONFIRMED
    promoted = theirs.events.last()
    assert (promoted.from_status, promoted.to_status, promoted.note) == (
        "waitlisted",
        "confirmed",
        "promoted",
    )
    assert any(m.to == [other_entrepreneur.email] and m.attachments for m in mail.outbox)


def test_registering_twice_keeps_one_registration(workshop, entrepreneur):
    registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    assert EventRegistration.objects.filter(user=entrepreneur).count() == 1
    assert RegistrationEvent.objects.count() == 1


def test_past_events_refuse_registrations(client, tree, entrepreneur):
    past = event(tree["event_index"], slug="passe", in_days=-2)
    client.force_login(entrepreneur)
    response = client.post(f"/fr/site/events/{past.pk}/register/", follow=True)
    assert not EventRegistration.objects.exists()
    assert (
        "déjà eu lieu" in response.content.decode()
        or "already taken place" in response.content.decode()
    )


def test_anonymous_visitors_are_sent_to_log_in(client, workshop):
    response = client.post(f"/fr/site/events/{workshop.pk}/register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not EventRegistration.objects.exists()
    page = client.get("/fr/evenements/atelier/").content.decode()
    assert "/accounts/login/?next=/fr/evenements/atelier/" in page


def test_registration_needs_post(client, workshop, entrepreneur):
    client.force_login(entrepreneur)
    assert client.get(f"/fr/site/events/{workshop.pk}/register/").status_code == 405


@pytest.mark.parametrize(
    ("from_status", "to_status", "allowed"),
    [
        (None, "confirmed", True),
        (None, "waitlisted", True),
        (None, "cancelled", False),
        ("waitlisted", "confirmed", True),
        ("waitlisted", "cancelled", True),
        ("confirmed", "cancelled", True),
        ("confirmed", "waitlisted", False),
        ("cancelled", "confirmed", True),
        ("cancelled", "waitlisted", True),
    ],
)
def test_registration_transitions(from_status, to_status, allowed):
    assert (to_status in TRANSITIONS[from_status]) is allowed


def test_cancelling_twice_is_refused(workshop, entrepreneur):
    from cms.exceptions import IllegalRegistrationTransition

    mine = registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    registration_cancel(registration=mine, actor=entrepreneur)
    with pytest.raises(IllegalRegistrationTransition):
        registration_cancel(registration=mine, actor=entrepreneur)
