"""Law 09-08: a person downloads their data, and deletes their account without the anonymous
figures moving."""

import datetime
import io
import json
import subprocess
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Notification
from accounts.personal_data import personal_data_as_json, personal_data_export
from accounts.services import AccountDeletionRefused, account_delete
from cms.models import RegistrationStatus
from cms.services import registration_create
from filings.models import (
    CaseEvent,
    CompanyDocument,
    CompanyPartner,
    CompanyStatus,
    DocumentAccess,
    PreFilingStatus,
)
from filings.services.cases import case_message_post
from filings.services.trademark import prefiling_transition
from hubs.labelling_figures import annual_figures
from hubs.models import Appointment
from tests.accounts.factories import PASSWORD
from tests.cms.factories import build_tree, event, hub_page
from tests.filings.company_helpers import request_in
from tests.filings.factories import complete_prefiling

NAME, SURNAME, PHONE = "Nisrine", "Oudghirix", "0661234599"
OWN_IP = "10.0.0.99"


def _appointment(*, hub, advisor, entrepreneur, starts, status, description):
    return Appointment.objects.create(
        ics_uid=f"{uuid.uuid4()}@test",
        advisor=advisor,
        hub=hub,
        entrepreneur=entrepreneur,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=30),
        topic="trademark",
        description=description,
        status=status,
        advisor_notes=f"{NAME} veut protéger sa marque",
    )


@pytest.fixture
def life(settings, tmp_path, entrepreneur, hub_a, advisor_a, django_capture_on_commit_callbacks):
    """An entrepreneur who has done everything the platform offers."""
    settings.MEDIA_ROOT = tmp_path
    entrepreneur.first_name, entrepreneur.last_name, entrepreneur.phone = NAME, SURNAME, PHONE
    entrepreneur.city = "Zagora"
    entrepreneur.save()
    created = request_in(CompanyStatus.COMPANY_CREATED, entrepreneur, hub_a, advisor_a)
    open_request = request_in(CompanyStatus.CERTIFICATE_REQUESTED, entrepreneur, hub_a, advisor_a)
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a, mark="TAFILALTIX")
    prefiling_transition(prefiling=prefiling, to_status="submitted", actor=entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        case_message_post(case=prefiling.case, actor=advisor_a, text="Bring the logo, please.")
    now = timezone.now()
    held = _appointment(
        hub=hub_a, advisor=advisor_a, entrepreneur=entrepreneur,
        starts=now - datetime.timedelta(days=3), status=Appointment.Status.HELD,
        description="Dépôt de la marque TAFILALTIX",
    )  # fmt: skip
    upcoming = _appointment(
        hub=hub_a, advisor=advisor_a, entrepreneur=entrepreneur,
        starts=now + datetime.timedelta(days=3), status=Appointment.Status.BOOKED,
        description=f"Rappeler {NAME} au {PHONE}",
    )  # fmt: skip
    tree = build_tree()
    workshop = event(hub_page(tree, hub_a), capacity=5)
    registration = registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    document = created.documents.get(kind="id")
    DocumentAccess.objects.create(
        document=document, document_public_id=document.public_id, document_kind="id",
        case=created.case, case_reference=created.case.reference, accessed_by=advisor_a,
        ip_address="10.0.0.7",
    )  # fmt: skip
    # The entrepreneur opening their own identity document, from their own address.
    DocumentAccess.objects.create(
        document=document, document_public_id=document.public_id, document_kind="id",
        case=created.case, case_reference=created.case.reference, accessed_by=entrepreneur,
        ip_address=OWN_IP,
    )  # fmt: skip
    return {
        "created": created,
        "open_request": open_request,
        "prefiling": prefiling,
        "held": held,
        "upcoming": upcoming,
        "registration": registration,
        "files": [d.file.name for d in CompanyDocument.objects.all()],
    }


def _figures(hub):
    today = timezone.localdate()
    return annual_figures(
        hub=hub, start=today - datetime.timedelta(days=365), end=today + datetime.timedelta(days=1)
    )


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out, exclude=["sessions", "contenttypes", "auth.permission"])
    return out.getvalue()


def test_the_export_holds_everything_about_the_person(client, life, entrepreneur):
    client.force_login(entrepreneur)
    response = client.get(reverse("accounts:personal_data_json"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)["sections"]
    assert data["account"][0]["phone"] == PHONE
    assert {c["case"] for c in data["filings_cases"]} == {
        life["created"].case.reference,
        life["open_request"].case.reference,
        life["prefiling"].case.reference,
    }
    assert {p["id_number"] for p in data["filings_partners"]} == {"BE123456"}
    assert len(data["filings_documents"]) == 4  # metadata only, two per request
    assert data["filings_trademarks"][0]["mark_text"] == "TAFILALTIX"
    by_advisor, by_owner = data["filings_document_accesses"]
    assert (by_owner["accessed_by"], by_owner["ip_address"]) == ("Vous", OWN_IP)
    assert len(data["hubs_appointments"]) == 2
    assert data["cms_event_registrations"][0]["status"] == str(RegistrationStatus.CONFIRMED.label)
    assert any(row["to_status"] for row in data["filings_history"])
    assert any(
        life["prefiling"].case.reference in row["text"] for row in data["account_notifications"]
    )


def test_the_export_names_staff_by_role_and_keeps_their_notes_and_addresses_out(
    client, life, entrepreneur, advisor_a
):
    client.force_login(entrepreneur)
    export = client.get(reverse("accounts:personal_data_json")).content.decode()
    data = json.loads(export)["sections"]
    by_advisor = data["filings_document_accesses"][0]
    assert by_advisor["accessed_by"] == "Un conseiller de votre Carré"
    assert by_advisor["ip_address"] == ""
    assert "10.0.0.7" not in export
    accesses = json.dumps(data["filings_document_accesses"], ensure_ascii=False)
    assert advisor_a.email not in accesses and str(advisor_a) not in accesses
    # The advisor's working notes on the meetings are hidden on every page: in the export too.
    assert "veut protéger sa marque" not in export
    assert all("advisor_notes" not in row for row in data["hubs_appointments"])


def test_the_export_shows_nothing_of_another_person(life, other_entrepreneur):
    data = personal_data_as_json(personal_data_export(user=other_entrepreneur))
    assert data["sections"]["account"][0]["email"] == other_entrepreneur.email
    assert all(not rows for key, rows in data["sections"].items() if key != "account")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_export_as_pdf_renders_in_the_reader_language(client, life, entrepreneur, language):
    client.force_login(entrepreneur)
    with translation.override(language):
        url = reverse("accounts:personal_data_pdf")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert PHONE in text and "TAFILALTIX" in text


def test_exports_need_a_login(client):
    for name in (
        "accounts:personal_data",
        "accounts:personal_data_json",
        "accounts:personal_data_pdf",
    ):
        assert client.get(reverse(name)).status_code == 302


def test_deleting_the_account_erases_the_person_and_keeps_the_figures(
    client, life, entrepreneur, hub_a, django_capture_on_commit_callbacks
):
    before = _figures(hub_a)
    held_before = Appointment.objects.filter(hub=hub_a, status="held").count()
    email = entrepreneur.email
    client.force_login(entrepreneur)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:personal_data"), {"password": PASSWORD, "confirm": "on"}
        )

    assert response.status_code == 302
    assert _figures(hub_a) == before
    assert Appointment.objects.filter(hub=hub_a, status="held").count() == held_before
    assert before["requests_handled"] == 3 and before["appointments_held"] == 1
    dump = _dump()
    for personal in (email, NAME, SURNAME, PHONE, "Zagora", "BE123456", "Salma Bennani",
                     "TAFILALTIX", "Atlas Dattes", "Allal Ben Abdallah", OWN_IP):  # fmt: skip
        assert personal not in dump, personal
    for name in life["files"]:
        assert not default_storage.exists(name)
    assert not Notification.objects.filter(user=entrepreneur).exists()
    entrepreneur.refresh_from_db()
    assert entrepreneur.deleted_at and not entrepreneur.is_active
    assert not entrepreneur.has_usable_password()
    # The session is over: My space asks to log in again.
    assert client.get(reverse("accounts:my_space")).status_code == 302


def test_deleting_the_account_stops_what_was_in_progress(
    client, life, entrepreneur, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:personal_data"), {"password": PASSWORD, "confirm": "on"})
    life["open_request"].refresh_from_db()
    life["created"].refresh_from_db()
    life["prefiling"].refresh_from_db()
    life["upcoming"].refresh_from_db()
    life["registration"].refresh_from_db()
    assert life["open_request"].status == CompanyStatus.WITHDRAWN
    assert life["created"].status == CompanyStatus.COMPANY_CREATED
    assert life["prefiling"].status == PreFilingStatus.WITHDRAWN
    assert life["upcoming"].status == Appointment.Status.CANCELLED
    assert life["registration"].status == RegistrationStatus.CANCELLED
    assert not CompanyPartner.objects.exists()
    assert not CaseEvent.objects.exclude(note="").exists()
    # The advisor hears the meeting is off; nothing goes to the deleted address.
    assert mailoutbox and all(not m.to[0].endswith(".invalid") for m in mailoutbox)


def test_a_wrong_password_deletes_nothing(client, life, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("accounts:personal_data"), {"password": "not-it", "confirm": "on"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["password"]
    entrepreneur.refresh_from_db()
    assert entrepreneur.deleted_at is None and entrepreneur.phone == PHONE


def test_guessing_the_password_on_the_delete_form_is_stopped(client, entrepreneur):
    client.force_login(entrepreneur)
    url = reverse("accounts:personal_data")
    for guess in range(10):
        client.post(url, {"password": f"guess-{guess}", "confirm": "on"})
    # Even the right password waits now: the form cannot be used to try passwords.
    response = client.post(url, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 429
    assert "Trop de tentatives" in str(response.context["form"].errors["password"])
    entrepreneur.refresh_from_db()
    assert entrepreneur.deleted_at is None and entrepreneur.is_active


@pytest.mark.parametrize("persona", ["advisor_a", "hub_editor", "office_staff"])
def test_a_privileged_account_cannot_delete_itself(client, personas, persona):
    user = personas[persona]
    with pytest.raises(AccountDeletionRefused):
        account_delete(user=user, password=PASSWORD, actor=user)
    client.force_login(user)
    response = client.get(reverse("accounts:personal_data"))
    assert response.status_code == 200
    assert response.context["refusal"] and response.context["form"] is None
    client.post(reverse("accounts:personal_data"), {"password": PASSWORD, "confirm": "on"})
    user.refresh_from_db()
    assert user.deleted_at is None and user.is_active


def test_nobody_deletes_someone_else(entrepreneur, other_entrepreneur):
    with pytest.raises(AccountDeletionRefused):
        account_delete(user=entrepreneur, password=PASSWORD, actor=other_entrepreneur)


def test_a_replaced_logo_leaves_no_file_behind_even_after_the_account_is_deleted(
    settings, tmp_path, client, entrepreneur, hub_a, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from filings.services.trademark import prefiling_save_step
    from tests.filings.factories import png_bytes

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a, mark="LOGOTIX")
    stored = []
    for colour in (10, 200):
        with django_capture_on_commit_callbacks(execute=True):
            prefiling = prefiling_save_step(
                prefiling=prefiling, actor=entrepreneur, step=1,
                fields={"logo": SimpleUploadedFile("logo.png", png_bytes(size=(64, colour)))},
            )  # fmt: skip
        stored.append(prefiling.logo.name)
    first, second = (tmp_path / "private" / name for name in stored)
    assert not first.exists() and second.exists()
    client.force_login(entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:personal_data"), {"password": PASSWORD, "confirm": "on"})
    assert not any((tmp_path / "private").rglob("*.png"))
