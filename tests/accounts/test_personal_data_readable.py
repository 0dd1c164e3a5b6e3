"""The PDF of one's data is read by a person: dates as dates, no raw codes."""

import pytest

from accounts.templatetags.personal_data import readable


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2026-11-21T23:12:43.186927+00:00", "22 nov. 2026 à 00:12"),  # Morocco is UTC+1
        ("2026-03-05", "5 mars 2026"),
        ("CO-2026-000001", "CO-2026-000001"),
        ("Atlas", "Atlas"),
        (12, 12),
    ],
)
def test_dates_of_the_export_read_as_dates(value, shown):
    assert readable(value) == shown
