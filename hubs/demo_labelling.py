"""Demo labelling: a chamber manager, three labels (labelled, pilot, suspended) and an
application in review. Idempotent: run it again and it updates in place."""

import datetime

from django.utils import timezone

from accounts.demo import ensure_user
from accounts.roles import Role
from core.regions import RegionCode

from .demo import add_membership
from .models import Hub
from .models.labelling import (
    PILOT_MONTHS,
    ApplicationHistory,
    CriteriaGrid,
    Label,
    LabelApplication,
    LabelHistory,
)
from .services.labelling import add_months

# Printed in the README of the demo: testers type them on the verification page.
DEMO_CODES = {
    "labelled": "DEMQ-RBAT-2K26",
    "pilot": "DEMQ-AGDR-2K26",
    "suspended": "DEMQ-FESS-2K26",
}


def _label(*, hub: Hub, code: str, phase: str, status: str, number: str, staff, start, months):
    label, created = Label.objects.update_or_create(
        verification_code=code,
        defaults={
            "hub": hub,
            "number": number,
            "phase": phase,
            "maturity": 2,
            "valid_from": start,
            "valid_until": add_months(start, months),
            "pilot_months": PILOT_MONTHS if phase == Label.Phase.PILOT else None,
            "status": status,
            "suspension_deadline": (
                timezone.localdate() + datetime.timedelta(days=45)
                if status == Label.Status.SUSPENDED
                else None
            ),
        },
    )
    if created:
        LabelHistory.objects.create(
            label=label,
            actor=staff,
            from_status="",
            to_status=Label.Status.ACTIVE,
            note="Label accordé (données de démonstration).",
        )
        if status == Label.Status.SUSPENDED:
            LabelHistory.objects.create(
                label=label,
                actor=staff,
                from_status=Label.Status.ACTIVE,
                to_status=status,
                note="Rapport annuel non remis ; horaires d'ouverture non respectés.",
            )
    return label


def load_labelling(*, hubs: dict, staff) -> None:
    manager = ensure_user(
        "manager@example.com", first_name="Hicham", last_name="Benjelloun", mfa=True
    )
    casablanca = hubs[RegionCode.CASABLANCA_SETTAT]
    add_membership(user=manager, hub=casablanca, role=Role.HUB_MANAGER)
    today = timezone.localdate()
    _label(
        hub=hubs[RegionCode.RABAT_SALE_KENITRA],
        code=DEMO_CODES["labelled"],
        phase=Label.Phase.DEPLOYMENT,
        status=Label.Status.ACTIVE,
        number="CI-2025-0001",
        staff=staff,
        start=add_months(today, -10),
        months=36,
    )
    _label(
        hub=hubs[RegionCode.SOUSS_MASSA],
        code=DEMO_CODES["pilot"],
        phase=Label.Phase.PILOT,
        status=Label.Status.ACTIVE,
        number="CI-2025-0002",
        staff=staff,
        start=add_months(today, -16),
        months=PILOT_MONTHS,
    )
    _label(
        hub=hubs[RegionCode.FES_MEKNES],
        code=DEMO_CODES["suspended"],
        phase=Label.Phase.DEPLOYMENT,
        status=Label.Status.SUSPENDED,
        number="CI-2024-0003",
        staff=staff,
        start=add_months(today, -14),
        months=36,
    )
    if not LabelApplication.objects.filter(hub=casablanca).exists():
        application = LabelApplication.objects.create(
            hub=casablanca,
            chamber=casablanca.chamber,
            created_by=manager,
            status=LabelApplication.Status.IN_REVIEW,
            space_address=casablanca.address,
            surface_m2=120,
            accessibility="Rez-de-chaussée, rampe d'accès, ascenseur.",
            opening_hours=casablanca.opening_hours,
            team="Deux conseillers à plein temps, une chargée d'accueil.",
            ip_training="Formation OMPIC « conseiller PI » (2025), webinaires OMPI.",
            services_creation="Accompagnement à la création, guichet CRI.",
            services_innovation="Ateliers de créativité mensuels.",
            services_ip="Pré-dépôt de marques, recherches d'antériorité.",
            services_information="Accès aux bases de données de brevets et de marques.",
            equipment="Quatre postes de consultation, salle de réunion, visioconférence.",
            grid=CriteriaGrid.objects.order_by("-in_force_from").first(),
            submitted_at=timezone.now() - datetime.timedelta(days=12),
        )
        for from_status, to_status in (("draft", "submitted"), ("submitted", "in_review")):
            ApplicationHistory.objects.create(
                application=application,
                actor=manager if to_status == "submitted" else staff,
                from_status=from_status,
                to_status=to_status,
            )
