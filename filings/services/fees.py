from decimal import Decimal

from django.conf import settings
from django.utils.translation import get_language

from ..models import FeeGrid, FilingChannel

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def fee_grid_current() -> FeeGrid | None:
    return FeeGrid.objects.filter(is_active=True).order_by("-effective_date", "-pk").first()


def fee_estimate(*, class_count: int, channel: str) -> dict:
    """The office fees for `class_count` classes, with the grid's source and date.

    Frozen into a pre-filing when it is submitted, so the grid's name and source are kept in
    every language: whoever reads the estimate later reads them in theirs (`fees_for_reader`).
    """
    grid = fee_grid_current()
    if grid is None or class_count < 1:
        return {}
    if channel == FilingChannel.PAPER:
        first, further = grid.paper_first_class, grid.paper_each_further_class
    else:
        first, further = grid.online_first_class, grid.online_each_further_class
    total = first + further * Decimal(class_count - 1)
    return {
        "channel": channel,
        "classes": class_count,
        "first_class": str(first),
        "each_further_class": str(further),
        "total": str(total),
        "currency": "MAD",
        "grid": {
            language: getattr(grid, f"name_{language}") or grid.name_fr for language in LANGUAGES
        },
        "source": {
            language: getattr(grid, f"source_{language}") or grid.source_fr
            for language in LANGUAGES
        },
        "effective_date": grid.effective_date.isoformat(),
    }


def fees_for_reader(estimate: dict) -> dict:
    """The estimate with its grid's name and source in the active language.

    Estimates frozen before the grid was translated hold one text: it is shown as it is.
    """
    language = (get_language() or "fr")[:2]
    readable = dict(estimate)
    for key in ("grid", "source"):
        value = estimate.get(key)
        if isinstance(value, dict):
            readable[key] = value.get(language) or value.get("fr", "")
    return readable
