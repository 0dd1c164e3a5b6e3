import datetime

from django.utils import timezone

from filings.services.trademark import prefiling_transition
from hubs.labelling_figures import annual_figures
from tests.filings.factories import complete_prefiling


def test_annual_report_counts_the_requests_submitted_at_the_hub(
    hub_a, hub_b, entrepreneur, other_entrepreneur
):
    for owner, hub, mark in [
        (entrepreneur, hub_a, "KOALA"),
        (other_entrepreneur, hub_a, "ZEBRA"),
        (other_entrepreneur, hub_b, "LYNX"),
    ]:
        prefiling = complete_prefiling(owner=owner, hub=hub, mark=mark)
        prefiling_transition(prefiling=prefiling, to_status="submitted", actor=owner)
    complete_prefiling(owner=entrepreneur, hub=hub_a, mark="DRAFT")  # never submitted
    today = timezone.localdate()
    figures = annual_figures(
        hub=hub_a, start=today - datetime.timedelta(days=30), end=today + datetime.timedelta(days=1)
    )
    assert figures["requests_handled"] == 2
