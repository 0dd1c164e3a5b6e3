"""Who sees which meeting, the pages of the booking flow, the calendar files and feed."""

from datetime import time, timedelta
from urllib.parse import urlencode

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from hubs.booking_selectors import (
    advisor_free_slots,
    appointment_manage_token,
    appointments_visible_to,
)
from hubs.models import Appointment, BookingPolicy, Topic
from hubs.services import booking as services
from tests.accounts.factories import UserFactory
from tests.hubs.factories_booking import open_hours


def _login(client, user):
    client.force_login(user)
    if user.email.startswith(("advisor", "editor", "staff")):
        # Privileged roles pass the MFA middleware only after a second factor.
        session = client.session
        session["account_authentication_methods"] = [{"method": "password"}, {"method": "mfa"}]
        session.save()
    return client


def _next_slot(hub, advisor):
    return advisor_free_slots(advisor_id=advisor.pk, hub=hub)[0]


@pytest.fixture
def booked(advisor_a, hub_a, entrepreneur):
    open_hours(advisor_a, hub_a, weekdays=range(7), start=time(9), end=time(17))
    BookingPolicy.objects.update_or_create(pk=1, defaults={"change_cutoff_hours": 1})
    slot = _next_slot(hub_a, advisor_a)
    return services.appointment_book(
        entrepreneur=entrepreneur,
        hub=hub_a,
        topic=Topic.TRADEMARK,
        starts_at=slot.starts_at,
        mode="hub",
        description="Marque",
    )


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("entrepreneur", True),
        ("other_entrepreneur", False),
        ("advisor_a", True),
        ("advisor_b", False),
        ("hub_editor", False),
        ("office_staff", True),
    ],
)
def test_who_sees_a_meeting(client, personas, booked, persona, sees):
    user = personas[persona]
    assert appointments_visible_to(user=user).filter(pk=booked.pk).exists() is sees
    _login(client, user)
    response = client.get(reverse("hubs:appointment_detail", args=[booked.public_id]))
    assert response.status_code == (200 if sees else 404)
    ics = client.get(reverse("hubs:appointment_ics", args=[booked.public_id]))
    assert ics.status_code == (200 if sees else 404)


@pytest.mark.parametrize(
    "persona", ["other_entrepreneur", "advisor_a", "advisor_b", "office_staff"]
)
def test_only_the_owner_may_move_or_cancel_from_the_site(client, personas, booked, persona):
    _login(client, personas[persona])
    url = reverse("hubs:appointment_cancel", args=[booked.public_id])
    response = client.post(url, {"reason": "pas moi"})
    assert response.status_code in (403, 404)
    booked.refresh_from_db()
    assert booked.status == "booked"


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("advisor_a", True), ("advisor_b", False), ("entrepreneur", False), ("hub_editor", False)],
)
def test_only_advisors_of_the_hub_close_a_meeting_and_write_notes(
    client, personas, booked, persona, allowed
):
    Appointment.objects.filter(pk=booked.pk).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=1),
    )
    _login(client, personas[persona])
    response = client.post(
        reverse("hubs:appointment_close", args=[booked.public_id]), {"outcome": "no_show"}
    )
    client.post(reverse("hubs:appointment_notes", args=[booked.public_id]), {"notes": "Vu"})
    booked.refresh_from_db()
    assert (booked.status == "no_show") is allowed
    assert (booked.advisor_notes == "Vu") is allowed
    if not allowed:
        assert response.status_code in (403, 404)


def test_the_booking_flow_pages(client, advisor_a, hub_a, entrepreneur):
    open_hours(advisor_a, hub_a, weekdays=range(7), start=time(9), end=time(17))
    _login(client, entrepreneur)
    start_page = client.get(reverse("hubs:book"))
    assert hub_a.name in start_page.content.decode()
    assert client.get(reverse("hubs:book"), {"hub": hub_a.slug})["Location"].endswith(
        reverse("hubs:book_at_hub", kwargs={"hub_slug": hub_a.slug})
    )
    slots = client.get(
        reverse("hubs:book_at_hub", kwargs={"hub_slug": hub_a.slug}), {"topic": "trademark"}
    )
    assert slots.context["days"]
    slot = slots.context["days"][0][1][0]
    confirm = reverse("hubs:book_confirm", kwargs={"hub_slug": hub_a.slug})
    query = "?" + urlencode({"topic": "trademark", "start": slot.starts_at.isoformat()})
    # A bad input keeps what was typed and says what is wrong.
    bad = client.post(confirm + query, {"mode": "hub", "description": ""})
    assert bad.status_code == 200 and bad.context["form"].errors
    response = client.post(
        confirm + query, {"mode": "phone", "description": "<script>alert(1)</script> Statuts"}
    )
    appointment = Appointment.objects.get()
    assert response["Location"] == reverse("hubs:appointment_detail", args=[appointment.public_id])
    page = client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in page
    # The same slot again: "just taken", with other slots.
    again = client.post(confirm + query, {"mode": "phone", "description": "Encore"})
    assert again.status_code == 200
    assert again.context["alternatives"]
    assert Appointment.objects.count() == 1


def test_a_hub_named_with_a_nul_is_no_hub(client, hub_a, entrepreneur):
    _login(client, entrepreneur)
    # PostgreSQL refuses a NUL in any string it is sent: it must never reach the query.
    assert client.get(reverse("hubs:book"), {"hub": "\x00"}).status_code == 200
    response = client.get(reverse("hubs:book"), {"hub": "hub-a\x00"})
    assert response["Location"] == reverse("hubs:book_at_hub", kwargs={"hub_slug": "hub-a"})
    assert client.get(reverse("hubs:book"), {"hub": "nowhere\x00"}).status_code == 404


def test_a_forged_start_is_refused(client, advisor_a, hub_a, entrepreneur):
    open_hours(advisor_a, hub_a)
    _login(client, entrepreneur)
    confirm = reverse("hubs:book_confirm", kwargs={"hub_slug": hub_a.slug})
    response = client.get(confirm, {"topic": "trademark", "start": "'; DROP TABLE x; --"})
    assert response.status_code == 302


def test_the_signed_email_link_lets_the_owner_cancel_without_logging_in(client, booked):
    token = appointment_manage_token(booked)
    page = client.get(reverse("hubs:appointment_manage", kwargs={"token": token}))
    assert page.status_code == 200
    client.post(
        reverse("hubs:appointment_manage_cancel", kwargs={"token": token}), {"reason": "Voyage"}
    )
    booked.refresh_from_db()
    assert booked.status == "cancelled"
    assert booked.history.last().actor == booked.entrepreneur
    forged = reverse("hubs:appointment_manage", kwargs={"token": token[:-2] + "xx"})
    assert client.get(forged).status_code == 404


def test_reschedule_from_the_site(client, booked, entrepreneur):
    _login(client, entrepreneur)
    url = reverse("hubs:appointment_reschedule", args=[booked.public_id])
    page = client.get(url)
    new_slot = page.context["days"][0][1][-1]
    client.post(url, {"start": new_slot.starts_at.isoformat()})
    booked.refresh_from_db()
    assert booked.starts_at == new_slot.starts_at and booked.ics_sequence == 1


def test_agenda_day_and_week_in_a_constant_number_of_queries(
    client, advisor_a, hub_a, django_assert_max_num_queries
):
    open_hours(
        advisor_a,
        hub_a,
        weekdays=range(7),
        start=time(8),
        end=time(18),
        slot_minutes=30,
        min_notice_hours=0,
        daily_cap=20,
    )
    slots = list(
        __import__("hubs.booking_selectors", fromlist=["x"]).advisor_free_slots(
            advisor_id=advisor_a.pk, hub=hub_a
        )
    )[:15]
    for slot in slots:
        services.appointment_book(
            entrepreneur=UserFactory(),
            hub=hub_a,
            topic=Topic.OTHER,
            starts_at=slot.starts_at,
            mode="hub",
            description="x",
        )
    _login(client, advisor_a)
    first_day = timezone.localdate(slots[0].starts_at)
    with django_assert_max_num_queries(12):
        week = client.get(reverse("hubs:agenda"), {"view": "week", "date": first_day.isoformat()})
    assert week.status_code == 200
    shown = sum(len(items) for _day, items in week.context["days"])
    in_week = [
        s
        for s in slots
        if 0
        <= (
            timezone.localdate(s.starts_at) - (first_day - timedelta(days=first_day.weekday()))
        ).days
        < 7
    ]
    assert shown == len(in_week)
    with django_assert_max_num_queries(12):
        day = client.get(reverse("hubs:agenda"), {"date": first_day.isoformat()})
    assert day.status_code == 200


def test_agenda_is_for_advisors_only(client, entrepreneur):
    _login(client, entrepreneur)
    assert client.get(reverse("hubs:agenda")).status_code == 403


def test_the_private_feed_lists_the_advisors_meetings(client, booked, advisor_a):
    token = advisor_a.booking_profile.feed_token
    response = client.get(reverse("hubs:agenda_feed", kwargs={"token": token}))
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(e["uid"]) for e in calendar.walk("VEVENT")] == [booked.ics_uid]
    assert client.get(reverse("hubs:agenda_feed", kwargs={"token": "guess"})).status_code == 404


def test_my_space_lists_my_meetings_only(client, booked, entrepreneur, other_entrepreneur):
    _login(client, entrepreneur)
    assert str(booked.public_id) in client.get(reverse("accounts:my_space")).content.decode()
    _login(client, other_entrepreneur)
    assert str(booked.public_id) not in client.get(reverse("accounts:my_space")).content.decode()


def test_the_hub_page_contract_url():
    assert reverse("hubs:book_at_hub", kwargs={"hub_slug": "carre-cst"}).endswith(
        "/hubs/carre-cst/book/"
    )


def test_an_app_above_can_link_a_case_to_a_meeting_in_the_agenda(client, booked, advisor_a):
    from hubs.booking_extensions import register_appointment_links, unregister_appointment_links

    def case_links(*, appointments, user):
        return {a.pk: [("Dossier SARL Atlas", "/fr/filings/cases/x/")] for a in appointments}

    register_appointment_links(case_links)
    try:
        _login(client, advisor_a)
        day = timezone.localdate(booked.starts_at).isoformat()
        agenda = client.get(reverse("hubs:agenda"), {"date": day}).content.decode()
        detail = client.get(reverse("hubs:appointment_detail", args=[booked.public_id]))
    finally:
        unregister_appointment_links(case_links)
    assert "Dossier SARL Atlas" in agenda
    assert "/fr/filings/cases/x/" in detail.content.decode()


def test_opening_a_slot_someone_just_took_offers_others(client, advisor_a, hub_a, entrepreneur):
    open_hours(advisor_a, hub_a, weekdays=range(7), start=time(9), end=time(17))
    someone = UserFactory(email="someone@example.org")
    _login(client, entrepreneur)
    slots = client.get(
        reverse("hubs:book_at_hub", kwargs={"hub_slug": hub_a.slug}), {"topic": "trademark"}
    )
    slot = slots.context["days"][0][1][0]
    services.appointment_book(
        entrepreneur=someone, hub=hub_a, topic="trademark", starts_at=slot.starts_at,
        mode="hub", description="Premier arrivé",
    )  # fmt: skip
    confirm = reverse("hubs:book_confirm", kwargs={"hub_slug": hub_a.slug})
    query = {"topic": "trademark", "start": slot.starts_at.isoformat()}
    for params in (query, {**query, "advisor": advisor_a.pk}):
        taken = client.get(confirm, params)
        assert taken.status_code == 200
        assert "Ce créneau vient d'être pris" in taken.content.decode()
        assert taken.context["alternatives"]


# Values Python parses without complaint but cannot compute with: '²' passes str.isdigit()
# and not int(); an instant at year 9999 or year 1 overflows once moved to another time zone.
UNREADABLE_SLOT_LINKS = [
    {"advisor": "\u00b2"},
    {"advisor": "-3"},
    {"advisor": "9" * 40},
    {"start": "9999-12-31T23:59:59+00:00"},
    {"start": "0001-01-01T00:00:00+14:00"},
    {"start": "2026-05-04T09:00:00"},
]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("bad", UNREADABLE_SLOT_LINKS, ids=lambda bad: repr(bad))
def test_an_unreadable_slot_link_sends_back_to_the_slots_with_a_message(
    client, advisor_a, hub_a, entrepreneur, method, bad
):
    open_hours(advisor_a, hub_a, weekdays=range(7), start=time(9), end=time(17))
    slot = _next_slot(hub_a, advisor_a)
    _login(client, entrepreneur)
    query = {"topic": "other", "advisor": advisor_a.pk, "start": slot.starts_at.isoformat()}
    url = reverse("hubs:book_confirm", kwargs={"hub_slug": hub_a.slug})
    url += "?" + urlencode({**query, **bad})
    if method == "get":
        response = client.get(url, follow=True)
    else:
        response = client.post(url, {"mode": "hub", "description": "x"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(
        reverse("hubs:book_at_hub", kwargs={"hub_slug": hub_a.slug})
    )
    assert "Veuillez choisir un créneau." in response.text
    assert not Appointment.objects.exists()


@pytest.mark.parametrize("start", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+14:00"])
def test_moving_a_meeting_to_an_impossible_instant_asks_for_a_slot(client, booked, start):
    _login(client, booked.entrepreneur)
    url = reverse("hubs:appointment_reschedule", args=[booked.public_id])
    before = booked.starts_at
    response = client.post(url, {"start": start})
    assert response.status_code == 200
    assert "Veuillez choisir un créneau." in response.text
    booked.refresh_from_db()
    assert booked.starts_at == before


@pytest.mark.parametrize(
    "query",
    [
        {"date": "0001-01-01"},
        {"view": "week", "date": "0001-01-01"},
        {"date": "9999-12-31"},
        {"view": "week", "date": "9999-12-31"},
        {"date": "2026-02-30"},
    ],
)
def test_an_agenda_date_it_cannot_show_gives_today_with_a_message(client, advisor_a, query):
    _login(client, advisor_a)
    response = client.get(reverse("hubs:agenda"), query)
    assert response.status_code == 200
    assert response.context["day"] == timezone.localdate()
    assert "Cette date ne peut pas être affichée" in response.text


@pytest.mark.parametrize(
    ("language", "message"),
    [("ar", "لا يمكن عرض هذا التاريخ"), ("en", "This date cannot be shown")],
)
def test_the_agenda_says_so_in_the_readers_language(client, advisor_a, language, message):
    _login(client, advisor_a)
    url = f"/{language}" + reverse("hubs:agenda").removeprefix("/fr")
    response = client.get(url, {"date": "9999-12-31"})
    assert response.status_code == 200
    assert message in response.text


def test_the_agenda_without_a_date_shows_today_without_a_message(client, advisor_a):
    _login(client, advisor_a)
    response = client.get(reverse("hubs:agenda"))
    assert response.context["day"] == timezone.localdate()
    assert "Cette date ne peut pas être affichée" not in response.text
