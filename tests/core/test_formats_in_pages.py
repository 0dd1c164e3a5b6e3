"""The formats where people meet them: the sign-up form, the personal-data PDF, the fee estimate,
and the emails, in the reader's language."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from tests.hubs.factories_booking import book_a_meeting

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
NBSP = "\u00a0"


def _input(html, name):
    (tag,) = re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
    return tag


def test_arabic_sign_up_keeps_phone_and_email_left_to_right_and_names_in_their_script(client):
    html = client.get("/ar/accounts/signup/").content.decode()
    phone = _input(html, "phone")
    assert 'dir="ltr"' in phone and 'type="tel"' in phone
    assert 'dir="ltr"' in _input(html, "email")
    assert 'dir="auto"' in _input(html, "first_name")
    assert 'dir="auto"' in _input(html, "city")


def test_password_rules_at_arabic_sign_up_are_in_arabic(client):
    html = client.post(
        "/ar/accounts/signup/",
        {"email": "salma@example.org", "password1": "a1b2", "password2": "a1b2"},
    ).content.decode()
    assert "كلمة المرور هذه قصيرة جدًا. يجب أن تتكون من 8 حروف على الأقل." in html
    assert "mot de passe" not in html


def test_the_personal_data_pdf_keeps_the_phone_in_order_inside_arabic(entrepreneur):
    entrepreneur.phone = "+212661234567"
    entrepreneur.save()
    from accounts.personal_data import personal_data_export

    with translation.override("ar"):
        html = render_to_string(
            "pdf/personal_data.html", {"export": personal_data_export(user=entrepreneur)}
        )
    assert '<bdi dir="ltr">+212661234567</bdi>' in html
    assert f'<bdi dir="ltr">{entrepreneur.email}</bdi>' in html
    assert not ISO_DATE.search(html)


def test_the_fee_estimate_shows_one_currency_word_per_language(client, entrepreneur):
    from filings.models import FeeGrid

    grid = FeeGrid.objects.filter(is_active=True).first()
    assert grid is not None, "the fee grid comes with the migrations"
    context = {
        "fees": {
            "total": "2900.00",
            "first_class": "2000.00",
            "each_further_class": "900.00",
            "classes": 2,
            "source": "OMPIC",
            "effective_date": "2017-10-01",
        }
    }
    with translation.override("fr"):
        fr = render_to_string("filings/_fees.html", context)
    with translation.override("ar"):
        ar = render_to_string("filings/_fees.html", context)
    assert f"<bdi>2\u202f900{NBSP}MAD</bdi>" in fr
    assert "en vigueur depuis le 1er octobre 2017" in fr
    assert f"<bdi>2.900{NBSP}درهم</bdi>" in ar and "MAD" not in ar and "DH" not in ar
    assert "2017-10-01" not in fr + ar


def test_an_appointment_email_to_an_arabic_reader_is_arabic_from_sender_to_time_zone(
    arabic_entrepreneur, advisor_a, hub_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book_a_meeting(entrepreneur=arabic_entrepreneur, advisor=advisor_a, hub=hub_a)
    message = next(m for m in mail.outbox if m.to == [arabic_entrepreneur.email])
    assert message.from_email.startswith("مربعات المبتكرين <")
    html = message.alternatives[0][0]
    assert "الثلاثاء، 5 ماي 2026" in message.body and "بتوقيت المغرب" in message.body
    assert "Africa/Casablanca" not in message.body + html
    assert not ISO_DATE.search(message.body + html + message.subject)
    assert settings.SITE_URL + "/ar/" in message.body


def test_the_sender_name_follows_the_recipients_language():
    from core.mail import sender

    with translation.override("ar"):
        arabic = sender()
    with translation.override("fr"):
        french = sender()
    assert arabic.startswith("مربعات المبتكرين <") and french.startswith("Carrés des innovateurs <")


def test_an_arabic_sign_up_confirmation_has_an_arabic_subject_prefix(client):
    client.post(
        "/ar/accounts/signup/",
        {
            "first_name": "سلمى",
            "last_name": "بناني",
            "email": "salma@example.org",
            "phone": "+212 6 61 23 45 67",
            "preferred_language": "ar",
            "password1": "Une-phrase-secrete-2026",
            "password2": "Une-phrase-secrete-2026",
            "accept_data_notice": "on",
        },
    )
    (message,) = mail.outbox
    assert message.subject.startswith("[مربعات المبتكرين] ")
    assert "مربعات المبتكرين" in message.from_email


def test_the_privacy_notice_has_no_placeholder_in_another_language(client, settings):
    settings.CNDP_DECLARATION = ""
    html = client.get(reverse("accounts:privacy").replace("/fr/", "/ar/")).content.decode()
    assert "to be completed" not in html
    assert "التصريح بهذه المعالجة" in html


@pytest.mark.parametrize("path", ["/ar/accounts/login/", "/ar/accounts/password/reset/"])
def test_allauth_pages_keep_the_email_input_left_to_right(client, path):
    assert 'dir="ltr"' in _input(client.get(path).content.decode(), "(?:login|email)")


def test_a_cancelled_meeting_is_masculine_in_french_and_a_cancelled_registration_feminine():
    from cms.models import RegistrationStatus
    from hubs.models import Appointment

    with translation.override("fr"):
        assert str(Appointment.Status.CANCELLED.label) == "Annulé"
        assert str(RegistrationStatus.CANCELLED.label) == "Annulée"
