from decimal import Decimal

from core.translated import in_every_language, in_reader_language

from ..models import FeeGrid, FilingChannel


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
        "grid": in_every_language(grid, "name"),
        "source": in_every_language(grid, "source"),
        "effective_date": grid.effective_date.isoformat(),
    }


def fees_for_reader(estimate: dict) -> dict:
    """The estimate with its grid's name and source in the active language.

    Estimates frozen before the grid was translated hold one text: it is shown as it is.
    """
    readable = dict(estimate)
    for key in ("grid", "source"):
        if key in estimate:
            readable[key] = in_reader_language(estimate[key])
    return readable
