"""Fixtures and builders for the labelling tests (imported by each test module)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts.roles import Role
from hubs.models.labelling import Label, LabelApplication
from hubs.services import labelling as services
from tests.accounts.factories import UserFactory, activate_totp
from tests.files import pdf_bytes
from tests.hubs.factories import MembershipFactory

PDF_BYTES = pdf_bytes()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_upload(name="statuts.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


COMPLETE_FIELDS = {
    "space_address": "12 boulevard Zerktouni, Casablanca",
    "surface_m2": 120,
    "accessibility": "Rez-de-chaussée, rampe.",
    "opening_hours": "Lun–Ven 8h30–16h30",
    "team": "Deux conseillers",
    "ip_training": "Formation OMPIC 2025",
    "services_creation": "Création d'entreprise",
    "services_innovation": "Ateliers",
    "services_ip": "Pré-dépôt de marques",
    "services_information": "Bases de données",
    "equipment": "Quatre postes",
}


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def chamber_manager(hub_a):
    user = UserFactory(email="manager.a@example.org", first_name="Hicham")
    MembershipFactory(user=user, hub=hub_a, role=Role.HUB_MANAGER)
    activate_totp(user)
    return user


@pytest.fixture
def other_chamber_manager(hub_b):
    user = UserFactory(email="manager.b@example.org")
    MembershipFactory(user=user, hub=hub_b, role=Role.HUB_MANAGER)
    activate_totp(user)
    return user


def ensure_criteria_grid() -> None:
    """The first grid comes from a data migration, which a transactional test's flush erases."""
    from hubs.models.labelling import CriteriaGrid, Criterion

    if CriteriaGrid.objects.exists():
        return
    grid = CriteriaGrid.objects.create(version=1, in_force_from=datetime.date(2026, 1, 1))
    for order, (code, weight) in enumerate((("space", 40), ("team", 30), ("services", 30))):
        Criterion.objects.create(grid=grid, code=code, title=code, weight=weight, order=order)


def make_application(*, hub, manager, complete=True, evidence=True) -> LabelApplication:
    ensure_criteria_grid()
    application = services.application_create(
        hub=hub, actor=manager, **(COMPLETE_FIELDS if complete else {})
    )
    if evidence:
        services.evidence_add(
            application=application,
            actor=manager,
            uploaded_file=pdf_upload(),
            description="Plan de l'espace",
        )
    return application


def advance_to_site_visit(application, *, staff, manager) -> LabelApplication:
    services.application_submit(application=application, actor=manager)
    services.application_accept_complete(application=application, actor=staff)
    application.refresh_from_db()
    criteria = application.grid.criteria.all()
    services.application_score(
        application=application,
        actor=staff,
        scores={criterion.pk: (3, "Bien") for criterion in criteria},
    )
    services.application_schedule_visit(
        application=application, actor=staff, visit_on=timezone.localdate()
    )
    services.application_record_visit(application=application, actor=staff, report="Conforme.")
    application.refresh_from_db()
    return application


def grant(application, *, staff, manager, decision="deployment") -> Label:
    advance_to_site_visit(application, staff=staff, manager=manager)
    services.application_decide(
        application=application, actor=staff, decision=decision, reasons="Conforme", maturity=2
    )
    return Label.objects.get(application=application)


def make_label(
    *,
    hub,
    status=Label.Status.ACTIVE,
    phase=Label.Phase.DEPLOYMENT,
    start=None,
    months=36,
    number=None,
) -> Label:
    start = start or timezone.localdate() - datetime.timedelta(days=30)
    return Label.objects.create(
        hub=hub,
        number=number or f"CI-T-{Label.objects.count() + 1:04d}",
        phase=phase,
        maturity=1,
        valid_from=start,
        valid_until=services.add_months(start, months),
        pilot_months=18 if phase == Label.Phase.PILOT else None,
        status=status,
        suspension_deadline=(
            timezone.localdate() + datetime.timedelta(days=30)
            if status == Label.Status.SUSPENDED
            else None
        ),
    )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Many personas per test: the production hasher would make each test take seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _privileged_staff():
    from tests.accounts.factories import make_office_staff

    user = UserFactory(email="staff.two@example.org")
    make_office_staff(user)
    activate_totp(user)
    return user
