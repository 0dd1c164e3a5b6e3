import datetime
import threading

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hubs.models.labelling import Label, LabelApplication, LabelReminder
from hubs.services import labelling as services
from hubs.tasks_labelling import labelling_nightly_task
from tests.hubs.labelling_support import (  # noqa: F401
    advance_to_site_visit,
    chamber_manager,
    fast_password_hashing,
    make_application,
    make_label,
    private_media,
)

pytestmark = pytest.mark.usefixtures("private_media")


def test_the_expiry_reminder_is_sent_once(
    hub_a, chamber_manager, django_capture_on_commit_callbacks
):
    make_label(hub=hub_a, start=timezone.localdate() - datetime.timedelta(days=1050), months=36)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send_expiry() == 1
        assert services.reminders_send_expiry() == 0
    with django_capture_on_commit_callbacks(execute=True):
        labelling_nightly_task()
    assert LabelReminder.objects.filter(kind="expiry").count() == 1
    # The nightly job also chased the two missing annual reports; one expiry email only.
    expiry_mails = [m for m in mail.outbox if "expire" in m.subject]
    assert len(expiry_mails) == 1
    assert expiry_mails[0].to == [chamber_manager.email]


def test_a_renewed_label_gets_a_new_expiry_reminder_later(hub_a, chamber_manager, office_staff):
    label = make_label(hub=hub_a, start=timezone.localdate() - datetime.timedelta(days=1050))
    services.reminders_send_expiry()
    services.label_renew(
        label=label,
        actor=office_staff,
        valid_until=timezone.localdate() + datetime.timedelta(days=60),
        phase="deployment",
        maturity=2,
        reason="Renouvelé",
    )
    assert services.reminders_send_expiry() == 1


def test_the_overdue_report_reminder_is_sent_once_per_missing_year(
    hub_a, chamber_manager, django_capture_on_commit_callbacks
):
    label = make_label(hub=hub_a, start=timezone.localdate() - datetime.timedelta(days=800))
    services.annual_report_submit(
        label=label,
        actor=chamber_manager,
        period=1,
        requests_handled=10,
        appointments_held=5,
        events_run=2,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send_report_overdue() == 1  # year 2 only
        assert services.reminders_send_report_overdue() == 0
    assert list(LabelReminder.objects.values_list("subject_key", flat=True)) == ["2"]
    assert len(mail.outbox) == 1


def test_an_annual_report_cannot_be_sent_twice(hub_a, chamber_manager):
    label = make_label(hub=hub_a)
    figures = {"requests_handled": 1, "appointments_held": 1, "events_run": 1}
    services.annual_report_submit(label=label, actor=chamber_manager, period=1, **figures)
    with pytest.raises(services.ApplicationError):
        services.annual_report_submit(label=label, actor=chamber_manager, period=1, **figures)


def test_the_dashboard_counts_with_a_fixed_number_of_queries(
    client, hub_a, hub_b, chamber_manager, office_staff, django_assert_max_num_queries
):
    make_application(hub=hub_a, manager=chamber_manager)
    services.application_submit(application=LabelApplication.objects.get(), actor=chamber_manager)
    make_label(hub=hub_b, start=timezone.localdate() - datetime.timedelta(days=1050))
    pilot_start = timezone.localdate() - datetime.timedelta(days=500)
    make_label(hub=hub_a, phase=Label.Phase.PILOT, start=pilot_start, months=18)
    client.force_login(office_staff)
    url = reverse("hubs:labelling_office")
    client.get(url)
    with django_assert_max_num_queries(14):
        response = client.get(url)
    context = response.context
    assert {s["status"]: s["count"] for s in context["stages"]}["submitted"] == 1
    assert {label.hub for label in context["expiring"]} == {hub_a, hub_b}
    assert {label.hub for label, _ in context["reports_missing"]} == {hub_a, hub_b}
    assert [label.hub for label, _ in context["pilot_due"]] == [hub_a]
    labelled = {region.code: region.labelled for region in context["per_region"]}
    assert labelled[hub_a.chamber.region.code] == 1


@pytest.mark.django_db(transaction=True)
def test_two_staff_deciding_at_once_yield_one_decision(
    hub_a, chamber_manager, office_staff, django_user_model
):
    from tests.hubs.labelling_support import _privileged_staff

    second = _privileged_staff()
    application = make_application(hub=hub_a, manager=chamber_manager)
    advance_to_site_visit(application, staff=office_staff, manager=chamber_manager)
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(staff, decision):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.application_decide(
                application=application,
                actor=staff,
                decision=decision,
                reasons=f"par {staff.email}",
                maturity=2,
            )
            outcomes.append("ok")
        except services.ApplicationError as error:
            outcomes.append(type(error).__name__)
        finally:
            thread_connection.close()

    threads = [
        threading.Thread(target=decide, args=(office_staff, "deployment")),
        threading.Thread(target=decide, args=(second, "refused")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["TransitionNotAllowed", "ok"]
    application.refresh_from_db()
    assert application.history.filter(to_status__in=["granted", "refused"]).count() == 1
    assert Label.objects.count() == (1 if application.status == "granted" else 0)


def test_the_annual_report_form_offers_the_figures_the_platform_knows(
    client, hub_a, chamber_manager
):
    from hubs.labelling_figures import (
        register_annual_figures_provider,
        unregister_annual_figures_provider,
    )

    label = make_label(hub=hub_a, start=timezone.localdate() - datetime.timedelta(days=400))
    seen = []

    def appointments(*, hub, start, end):
        seen.append((hub, start, end))
        return {"appointments_held": 42}

    register_annual_figures_provider(appointments)
    try:
        client.force_login(chamber_manager)
        response = client.get(
            reverse("hubs:labelling_label", kwargs={"public_id": label.public_id})
        )
    finally:
        unregister_annual_figures_provider(appointments)
    form = response.context["report_form"]
    assert form.initial["period"] == 1
    assert form.initial["appointments_held"] == 42
    assert seen == [(hub_a, label.valid_from, services.add_months(label.valid_from, 12))]


def test_the_application_list_takes_a_fixed_number_of_queries(
    client, hub_a, hub_b, chamber_manager, office_staff, django_assert_max_num_queries
):
    from tests.hubs.factories import HubFactory

    for index in range(5):
        hub = HubFactory(chamber=hub_a.chamber, slug=f"extra-{index}")
        make_application(hub=hub, manager=chamber_manager)
        make_label(hub=hub)
    client.force_login(office_staff)
    url = reverse("hubs:labelling_applications")
    client.get(url)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert len(response.context["applications"]) == 5


def test_the_staff_area_links_to_labelling_for_office_staff_and_chambers(
    client, chamber_manager, office_staff, advisor_b
):
    for user, visible in ((office_staff, True), (chamber_manager, True), (advisor_b, False)):
        client.force_login(user)
        body = client.get(reverse("accounts:staff_area")).content.decode()
        assert (reverse("hubs:labelling_applications") in body) is visible


@pytest.mark.parametrize(
    ("action", "field"), [("renew", "valid_until"), ("suspend", "deadline")]
)  # fmt: skip
def test_a_label_date_past_the_platforms_years_is_refused_with_a_message(
    client, hub_a, office_staff, action, field
):
    label = make_label(hub=hub_a, start=timezone.localdate() - datetime.timedelta(days=30))
    before = (label.status, label.valid_until, label.suspension_deadline)
    client.force_login(office_staff)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password"}, {"method": "mfa"}]
    session.save()
    response = client.post(
        reverse("hubs:labelling_label_action", kwargs={"public_id": label.public_id,
                                                       "action": action}),
        {f"{action}-{field}": "9999-12-31", f"{action}-reason": "Motif",
         f"{action}-phase": "deployment", f"{action}-maturity": "2"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Choisissez une date entre le 1 janvier 2000 et le 31 décembre 2099." in response.text
    label.refresh_from_db()
    assert (label.status, label.valid_until, label.suspension_deadline) == before
