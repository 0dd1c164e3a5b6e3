"""What users wrote reads in its own direction on Arabic pages, set apart from the interface
(`dir="auto"` or `<bdi>`), so the Arabic crawl (tests/smoke/crawl.py) does not take it for a
French word of the platform."""

from datetime import time

import pytest
from django.urls import reverse

from hubs.booking_selectors import advisor_free_slots
from hubs.models import Topic
from hubs.services import booking as services
from tests.hubs.factories_booking import open_hours
from tests.smoke.crawl import foreign_words

pytestmark = pytest.mark.django_db


def _findings_with(text: str, page: str) -> list[str]:
    return [finding for finding in foreign_words(page) if text in finding]


def test_the_greeting_sets_the_users_name_apart(client, entrepreneur):
    client.force_login(entrepreneur)
    page = client.get("/ar/my-space/").content.decode()
    assert "<bdi>Salma</bdi>" in page
    assert _findings_with("Salma", page) == []


def test_what_the_entrepreneur_needs_reads_in_its_own_direction(
    client, advisor_a, hub_a, entrepreneur
):
    open_hours(advisor_a, hub_a, weekdays=range(7), start=time(9), end=time(17))
    slot = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a)[0]
    appointment = services.appointment_book(
        entrepreneur=entrepreneur,
        hub=hub_a,
        topic=Topic.TRADEMARK,
        starts_at=slot.starts_at,
        mode="hub",
        description="Les classes de ma marque",
    )
    client.force_login(entrepreneur)
    url = reverse("hubs:appointment_detail", args=[appointment.public_id])
    page = client.get(f"/ar{url.removeprefix('/fr')}").content.decode()
    assert "Les classes de ma marque" in page
    assert _findings_with("classes", page) == []


def test_the_already_logged_in_notice_sets_the_name_apart(client, entrepreneur):
    client.force_login(entrepreneur)
    page = client.get("/ar/accounts/password/reset/").content.decode()
    assert "<bdi>" in page and "أنت متصل بالفعل باسم" in page
    assert _findings_with("Salma", page) == []


def test_names_in_a_choice_list_keep_their_order_where_markup_cannot_go(advisor_a):
    from hubs.booking_forms import SlotSearchForm

    form = SlotSearchForm(advisors=[advisor_a])
    (_any, (_pk, label)) = form.fields["advisor"].choices
    assert label.startswith("\u2068") and label.endswith("\u2069")
    assert foreign_words(f"<select><option>{label}</option></select>") == []
