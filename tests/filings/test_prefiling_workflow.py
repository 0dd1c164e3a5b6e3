import pytest
from django.urls import reverse
from django.utils import translation

from core.models import OutboxMessage
from filings.exceptions import PreFilingIncomplete, TransitionNotAllowed
from filings.models import Case, CaseEvent, PreFilingStatus, TrademarkPreFiling
from filings.services.fees import fees_for_reader
from filings.services.trademark import (
    TRANSITIONS,
    prefiling_comment,
    prefiling_render_filing_file,
    prefiling_start,
    prefiling_transition,
)
from filings.tasks import prefiling_render_filing_file_task
from tests.filings.factories import complete_prefiling, register

S = PreFilingStatus
ALL = list(S.values)


def _at(prefiling, status):
    TrademarkPreFiling.objects.filter(pk=prefiling.pk).update(status=status)
    prefiling.refresh_from_db()
    return prefiling


def _legal_moves():
    return [(f, t, who) for f, moves in TRANSITIONS.items() for t, who in moves.items()]


def _illegal_moves():
    legal = {(f, t) for f, t, _ in _legal_moves()}
    return [(f, t) for f in ALL for t in ALL if (f, t) not in legal]


@pytest.mark.parametrize(("from_status", "to_status", "who"), _legal_moves())
def test_each_legal_move_is_made_by_the_right_person_and_recorded(
    from_status, to_status, who, entrepreneur, advisor_a, hub_a
):
    prefiling = _at(complete_prefiling(owner=entrepreneur, hub=hub_a), from_status)
    actor = entrepreneur if who == "owner" else advisor_a
    prefiling_transition(prefiling=prefiling, to_status=to_status, actor=actor, note="why")
    prefiling.refresh_from_db()
    assert prefiling.status == to_status
    event = CaseEvent.objects.filter(kind="transition").latest("pk")
    assert (event.actor, event.from_status, event.to_status, event.note) == (
        actor,
        from_status,
        to_status,
        "why",
    )
    assert event.subject == "trademark_prefiling"
    # Only approval queues the filing file.
    filing_file_queued = OutboxMessage.objects.filter(
        task_name=prefiling_render_filing_file_task.name, args=[prefiling.pk]
    ).exists()
    assert filing_file_queued == (to_status == S.APPROVED)


@pytest.mark.parametrize(("from_status", "to_status"), _illegal_moves())
def test_each_illegal_move_is_refused_and_leaves_no_trace(
    from_status, to_status, entrepreneur, advisor_a, hub_a
):
    prefiling = _at(complete_prefiling(owner=entrepreneur, hub=hub_a), from_status)
    events = CaseEvent.objects.count()
    for actor in (entrepreneur, advisor_a):
        with pytest.raises(TransitionNotAllowed):
            prefiling_transition(prefiling=prefiling, to_status=to_status, actor=actor, note="x")
    prefiling.refresh_from_db()
    assert prefiling.status == from_status
    assert CaseEvent.objects.count() == events


@pytest.mark.parametrize(
    ("persona", "to_status"),
    [
        ("advisor_a", S.WITHDRAWN),  # only the owner withdraws
        ("other_entrepreneur", S.APPROVED),
        ("entrepreneur", S.APPROVED),  # owners do not approve their own file
        ("advisor_b", S.APPROVED),  # another hub's advisor
        ("office_staff", S.APPROVED),  # staff read, advisors decide
        ("hub_editor", S.CHANGES_REQUESTED),
    ],
)
def test_the_wrong_person_cannot_make_a_move(personas, hub_a, persona, to_status):
    prefiling = _at(complete_prefiling(owner=personas["entrepreneur"], hub=hub_a), S.SUBMITTED)
    with pytest.raises(TransitionNotAllowed):
        prefiling_transition(
            prefiling=prefiling, to_status=to_status, actor=personas[persona], note="n"
        )
    prefiling.refresh_from_db()
    assert prefiling.status == S.SUBMITTED


def test_asking_for_changes_needs_a_note(entrepreneur, advisor_a, hub_a):
    prefiling = _at(complete_prefiling(owner=entrepreneur, hub=hub_a), S.SUBMITTED)
    with pytest.raises(TransitionNotAllowed):
        prefiling_transition(
            prefiling=prefiling, to_status=S.CHANGES_REQUESTED, actor=advisor_a, note="  "
        )


def test_an_incomplete_draft_cannot_be_submitted(entrepreneur, hub_a):
    prefiling = prefiling_start(owner=entrepreneur, hub=hub_a, mark_text="KOALA")
    with pytest.raises(PreFilingIncomplete) as error:
        prefiling_transition(prefiling=prefiling, to_status=S.SUBMITTED, actor=entrepreneur)
    assert "le déposant" in error.value.message
    prefiling.refresh_from_db()
    assert prefiling.status == S.DRAFT


def test_a_company_needs_an_agent_in_morocco_before_submitting(entrepreneur, hub_a):
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    prefiling.applicant_kind = "company"
    prefiling.save()
    with pytest.raises(PreFilingIncomplete, match="mandataire"):
        prefiling_transition(prefiling=prefiling, to_status=S.SUBMITTED, actor=entrepreneur)


def test_submitting_freezes_the_similarity_report_and_the_fee_estimate(entrepreneur, hub_a):
    register(("E-1", "KOALA", "25"))
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a, mark="COALA", classes=(25, 35))
    prefiling_transition(prefiling=prefiling, to_status=S.SUBMITTED, actor=entrepreneur)
    prefiling.refresh_from_db()
    assert prefiling.similarity_report["results"][0]["number"] == "E-1"
    assert prefiling.similarity_report["highest_risk"] == "high"
    assert prefiling.fee_estimate["total"] == "2160.00"  # 1,800 + 360 online
    with translation.override("ar"):
        assert fees_for_reader(prefiling.fee_estimate)["source"].startswith("جدول رسوم")
    with translation.override("fr"):
        assert fees_for_reader(prefiling.fee_estimate)["source"].startswith("Barème")


def test_cases_get_successive_references_per_kind_and_year(entrepreneur, hub_a):
    first = prefiling_start(owner=entrepreneur, hub=hub_a).case
    second = prefiling_start(owner=entrepreneur, hub=hub_a).case
    assert second.sequence == first.sequence + 1
    assert first.reference.startswith(f"TM-{first.year}-")
    assert len(first.reference) == len("TM-2026-000001")
    assert Case.objects.count() == 2


def test_a_second_approval_of_the_same_file_is_refused(entrepreneur, advisor_a, hub_a):
    prefiling = _at(complete_prefiling(owner=entrepreneur, hub=hub_a), S.SUBMITTED)
    stale_copy = TrademarkPreFiling.objects.get(pk=prefiling.pk)
    prefiling_transition(prefiling=prefiling, to_status=S.APPROVED, actor=advisor_a)
    # The second advisor's page still showed "submitted": the locked re-read refuses it.
    with pytest.raises(TransitionNotAllowed):
        prefiling_transition(prefiling=stale_copy, to_status=S.APPROVED, actor=advisor_a)
    assert CaseEvent.objects.filter(to_status=S.APPROVED).count() == 1


def test_comments_go_to_the_case_history_from_owner_and_advisor_only(
    entrepreneur, advisor_a, advisor_b, hub_a
):
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    prefiling_comment(prefiling=prefiling, actor=entrepreneur, note="Question")
    prefiling_comment(prefiling=prefiling, actor=advisor_a, note="Answer")
    with pytest.raises(TransitionNotAllowed):
        prefiling_comment(prefiling=prefiling, actor=advisor_b, note="Intrusion")
    assert list(prefiling.case.events.filter(kind="comment").values_list("note", flat=True)) == [
        "Question",
        "Answer",
    ]


def test_approval_produces_the_filing_file_pdf(
    client, entrepreneur, advisor_a, hub_a, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    register(("E-1", "KOALA", "25"))
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a, mark="COALA")
    prefiling_transition(prefiling=prefiling, to_status=S.SUBMITTED, actor=entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        prefiling_transition(prefiling=prefiling, to_status=S.APPROVED, actor=advisor_a)
    prefiling.refresh_from_db()
    assert prefiling.filing_file.name.startswith("filing_files/")
    assert prefiling.filing_file.read(5) == b"%PDF-"
    assert prefiling.case.advisor == advisor_a
    assert prefiling.case.events.filter(kind="document").count() == 1
    # The history shows the platform's own event and the statuses in words.
    client.force_login(entrepreneur)
    page = client.get(reverse("filings:trademark_detail", args=[prefiling.public_id]))
    assert page.status_code == 200
    assert "Soumis pour examen → Approuvé" in page.content.decode()
    # Rendering again (a retried task) neither rewrites nor duplicates the file.
    name = prefiling.filing_file.name
    assert prefiling_render_filing_file(prefiling_id=prefiling.pk).filing_file.name == name
    assert prefiling.case.events.filter(kind="document").count() == 1
