import datetime
from itertools import product

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from hubs.models.labelling import (
    ApplicationHistory,
    CriteriaGrid,
    Criterion,
    Label,
    LabelApplication,
    LabelHistory,
)
from hubs.selectors import hub_label_statuses
from hubs.services import labelling as services
from hubs.signals import hub_public_data_changed
from tests.hubs.labelling_support import (  # noqa: F401
    advance_to_site_visit,
    chamber_manager,
    fast_password_hashing,
    grant,
    make_application,
    make_label,
    other_chamber_manager,
    private_media,
)

pytestmark = pytest.mark.usefixtures("private_media")

AppStatus = LabelApplication.Status


@pytest.mark.parametrize(("source", "target"), list(product(AppStatus.values, repeat=2)))
def test_application_transition_matrix(source, target, hub_a, chamber_manager, office_staff):
    application = make_application(hub=hub_a, manager=chamber_manager, evidence=False)
    LabelApplication.objects.filter(pk=application.pk).update(
        status=source,
        decided_at=timezone.now() if source in ("granted", "refused") else None,
    )
    locked = LabelApplication.objects.get(pk=application.pk)
    legal = target in LabelApplication.TRANSITIONS[AppStatus(source)]
    extra = {"decided_at": timezone.now()} if target in ("granted", "refused") else {}
    if legal:
        with transaction.atomic():
            services._move_application(locked, to=target, actor=office_staff, **extra)
        assert LabelApplication.objects.get(pk=application.pk).status == target
        entry = ApplicationHistory.objects.get(application=application)
        assert (entry.from_status, entry.to_status, entry.actor) == (source, target, office_staff)
    else:
        with pytest.raises(services.TransitionNotAllowed):
            services._move_application(locked, to=target, actor=office_staff, **extra)
        assert LabelApplication.objects.get(pk=application.pk).status == source
        assert not ApplicationHistory.objects.filter(application=application).exists()


@pytest.mark.parametrize(("source", "target"), list(product(Label.Status.values, repeat=2)))
def test_label_transition_matrix(source, target, hub_a, office_staff):
    label = make_label(hub=hub_a, status=source)
    locked = Label.objects.get(pk=label.pk)
    legal = target in Label.TRANSITIONS[Label.Status(source)]
    deadline = {"suspension_deadline": timezone.localdate() + datetime.timedelta(days=9)}
    if legal:
        with transaction.atomic():
            services._move_label(locked, to=target, actor=office_staff, note="motif", **deadline)
        assert Label.objects.get(pk=label.pk).status == target
        assert (
            LabelHistory.objects.filter(label=label, from_status=source, to_status=target).count()
            == 1
        )
    else:
        with pytest.raises(services.TransitionNotAllowed):
            services._move_label(locked, to=target, actor=office_staff, note="motif", **deadline)
        assert Label.objects.get(pk=label.pk).status == source


def test_an_incomplete_draft_cannot_be_submitted_and_says_what_is_missing(hub_a, chamber_manager):
    application = make_application(
        hub=hub_a, manager=chamber_manager, complete=False, evidence=False
    )
    with pytest.raises(services.ApplicationIncomplete) as error:
        services.application_submit(application=application, actor=chamber_manager)
    missing = error.value.extra["missing"]
    assert "the surface of the space" in missing or "la surface de l'espace" in missing
    assert len(missing) == 12  # eleven fields and the evidence
    application.refresh_from_db()
    assert application.status == AppStatus.DRAFT


def test_submission_freezes_the_grid_in_force_that_day(hub_a, chamber_manager, office_staff):
    application = make_application(hub=hub_a, manager=chamber_manager)
    services.application_submit(application=application, actor=chamber_manager)
    application.refresh_from_db()
    frozen = application.grid
    assert frozen is not None
    newer = CriteriaGrid.objects.create(version=99, in_force_from=timezone.localdate())
    Criterion.objects.create(grid=newer, code="new", title="Nouveau", weight=5)
    services.application_request_corrections(
        application=application,
        actor=office_staff,
        note="Préciser l'accessibilité",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    services.application_submit(application=application, actor=chamber_manager)
    application.refresh_from_db()
    assert application.grid == frozen
    assert services.criteria_grid_in_force(timezone.localdate()) == newer


def test_the_whole_path_grants_a_pilot_label_and_notifies_the_chamber(
    hub_a, chamber_manager, office_staff, django_capture_on_commit_callbacks
):
    received = []
    hub_public_data_changed.connect(lambda **kw: received.append(kw["hub_ids"]), weak=False)
    application = make_application(hub=hub_a, manager=chamber_manager)
    with django_capture_on_commit_callbacks(execute=True):
        label = grant(application, staff=office_staff, manager=chamber_manager, decision="pilot")
    assert label.phase == Label.Phase.PILOT
    assert label.valid_until == services.add_months(label.valid_from, 18)
    assert label.number.startswith(f"CI-{timezone.localdate().year}-")
    assert [entry.to_status for entry in application.history.all()] == [
        "submitted",
        "in_review",
        "site_visit",
        "site_visit",
        "granted",
    ]
    assert [hub_a.pk] in received
    subjects = [message.subject for message in mail.outbox]
    assert any(label.number in subject for subject in subjects)
    assert all(message.to == [chamber_manager.email] for message in mail.outbox)
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "pilot"


def test_emails_go_out_in_the_recipients_language(
    hub_a, chamber_manager, office_staff, django_capture_on_commit_callbacks
):
    chamber_manager.preferred_language = "ar"
    chamber_manager.save()
    application = make_application(hub=hub_a, manager=chamber_manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(application=application, actor=chamber_manager)
    assert "طلب" in mail.outbox[-1].subject or "علامة" in mail.outbox[-1].subject


def test_nothing_is_sent_when_the_transaction_rolls_back(
    hub_a, chamber_manager, django_capture_on_commit_callbacks
):
    application = make_application(hub=hub_a, manager=chamber_manager)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                services.application_submit(application=application, actor=chamber_manager)
                raise RuntimeError("boom")
        except RuntimeError:
            pass
    assert callbacks == []
    assert mail.outbox == []


def test_granting_requires_every_criterion_scored(hub_a, chamber_manager, office_staff):
    application = make_application(hub=hub_a, manager=chamber_manager)
    advance_to_site_visit(application, staff=office_staff, manager=chamber_manager)
    application.scores.first().delete()
    with pytest.raises(services.ApplicationError):
        services.application_decide(
            application=application,
            actor=office_staff,
            decision="deployment",
            reasons="ok",
            maturity=1,
        )
    application.refresh_from_db()
    assert application.status == AppStatus.SITE_VISIT


def test_only_office_staff_decide(hub_a, chamber_manager, advisor_a):
    application = make_application(hub=hub_a, manager=chamber_manager)
    services.application_submit(application=application, actor=chamber_manager)
    for someone in (chamber_manager, advisor_a):
        with pytest.raises(PermissionDenied):
            services.application_accept_complete(application=application, actor=someone)


def test_a_manager_cannot_apply_for_another_chambers_space(hub_b, chamber_manager):
    with pytest.raises(PermissionDenied):
        services.application_create(hub=hub_b, actor=chamber_manager)


def test_a_refusal_gives_no_label(hub_a, chamber_manager, office_staff):
    application = make_application(hub=hub_a, manager=chamber_manager)
    services.application_submit(application=application, actor=chamber_manager)
    services.application_accept_complete(application=application, actor=office_staff)
    services.application_decide(
        application=application, actor=office_staff, decision="refused", reasons="Espace non dédié"
    )
    application.refresh_from_db()
    assert application.status == AppStatus.REFUSED
    assert application.decision_reasons == "Espace non dédié"
    assert not Label.objects.exists()


def test_suspend_reinstate_withdraw_are_recorded_with_reasons(hub_a, office_staff):
    label = make_label(hub=hub_a)
    services.label_suspend(
        label=label,
        actor=office_staff,
        deadline=timezone.localdate() + datetime.timedelta(days=30),
        reason="Rapport manquant",
    )
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "suspended"
    services.label_reinstate(label=label, actor=office_staff, reason="Rapport reçu")
    services.label_withdraw(label=label, actor=office_staff, reason="Fermeture de l'espace")
    label.refresh_from_db()
    assert label.status == Label.Status.WITHDRAWN
    assert [(h.from_status, h.to_status, h.note) for h in label.history.all()] == [
        ("active", "suspended", "Rapport manquant"),
        ("suspended", "active", "Rapport reçu"),
        ("active", "withdrawn", "Fermeture de l'espace"),
    ]
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "withdrawn"
    with pytest.raises(services.TransitionNotAllowed):
        services.label_reinstate(label=label, actor=office_staff, reason="non")


def test_a_suspension_needs_a_future_deadline(hub_a, office_staff):
    label = make_label(hub=hub_a)
    with pytest.raises(services.ApplicationError):
        services.label_suspend(
            label=label, actor=office_staff, deadline=timezone.localdate(), reason="x"
        )


def test_renewal_moves_a_pilot_to_deployment(hub_a, office_staff):
    label = make_label(hub=hub_a, phase=Label.Phase.PILOT, months=18)
    until = timezone.localdate() + datetime.timedelta(days=3 * 365)
    services.label_renew(
        label=label,
        actor=office_staff,
        valid_until=until,
        phase="deployment",
        maturity=3,
        reason="Évaluation positive",
    )
    label.refresh_from_db()
    assert (label.phase, label.maturity, label.valid_until, label.pilot_months) == (
        "deployment",
        3,
        until,
        None,
    )
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "labelled"


def test_the_database_allows_one_current_label_per_hub(hub_a):
    make_label(hub=hub_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_label(hub=hub_a, status=Label.Status.SUSPENDED)


def test_the_database_refuses_a_duplicate_verification_code(hub_a, hub_b):
    label = make_label(hub=hub_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        other = make_label(hub=hub_b)
        Label.objects.filter(pk=other.pk).update(verification_code=label.verification_code)


def test_an_expired_label_shows_as_expired_before_the_nightly_job(hub_a):
    start = timezone.localdate() - datetime.timedelta(days=800)
    make_label(hub=hub_a, start=start, months=24)
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "expired"
    assert services.labels_expire_due() == 1
    assert Label.objects.get().status == Label.Status.EXPIRED


def test_label_statuses_take_one_query_whatever_the_number_of_hubs(
    hub_a, hub_b, django_assert_num_queries
):
    make_label(hub=hub_a)
    make_label(hub=hub_b, status=Label.Status.SUSPENDED)
    with django_assert_num_queries(1):
        statuses = hub_label_statuses(hub_ids=[hub_a.pk, hub_b.pk, 999999])
    assert (statuses[hub_a.pk].code, statuses[hub_b.pk].code, statuses[999999].code) == (
        "labelled",
        "suspended",
        "none",
    )


def test_the_current_label_wins_over_an_older_withdrawn_one(hub_a):
    old = make_label(hub=hub_a, start=timezone.localdate() - datetime.timedelta(days=10))
    Label.objects.filter(pk=old.pk).update(status=Label.Status.WITHDRAWN)
    make_label(
        hub=hub_a,
        phase=Label.Phase.PILOT,
        start=timezone.localdate() - datetime.timedelta(days=20),
        months=18,
    )
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "pilot"


def test_a_redelivered_or_retried_email_task_writes_to_each_person_once(
    hub_a, chamber_manager, monkeypatch
):
    from hubs import tasks_labelling
    from tests.accounts.factories import UserFactory
    from tests.hubs.factories import MembershipFactory

    second_manager = UserFactory(email="manager.a2@example.org")
    MembershipFactory(user=second_manager, hub=hub_a, role="hub_manager")
    application = make_application(hub=hub_a, manager=chamber_manager)
    services.application_submit(application=application, actor=chamber_manager)
    history = ApplicationHistory.objects.filter(application=application).latest("pk")
    mail.outbox.clear()

    # The mail server refuses the second message once: Celery retries the task (same id).
    real_send_one, calls = tasks_labelling._send_one, []

    def flaky_send_one(**kwargs):
        calls.append(kwargs["user"].pk)
        if len(calls) == 2:
            raise OSError("mail server hiccup")
        real_send_one(**kwargs)

    monkeypatch.setattr(tasks_labelling, "_send_one", flaky_send_one)
    with pytest.raises(OSError):
        tasks_labelling.application_status_email_task.apply(
            args=(history.pk,), task_id="labelling-1", throw=True, retries=5
        )
    for _delivery in range(2):  # the retry, then a re-delivery after a worker died
        tasks_labelling.application_status_email_task.apply(
            args=(history.pk,), task_id="labelling-1"
        )
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([chamber_manager.email, second_manager.email])
