import datetime

from django.utils import timezone

from hubs.labelling_figures import annual_figures
from tests.cms.factories import event, hub_page


def test_annual_report_counts_the_events_the_hub_ran(tree, hub_a, hub_a_page, hub_b):
    event(hub_a_page, slug="passe-1", in_days=-20)
    event(hub_a_page, slug="passe-2", in_days=-3)
    event(hub_a_page, slug="a-venir", in_days=10)  # not run yet
    event(hub_page(tree, hub_b, arabic=False), slug="ailleurs", in_days=-5)
    today = timezone.localdate()
    figures = annual_figures(
        hub=hub_a,
        start=today - datetime.timedelta(days=365),
        end=today + datetime.timedelta(days=1),
    )
    assert figures["events_run"] == 2
