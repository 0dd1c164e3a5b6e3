from decimal import Decimal

from ..models import FeeGrid, FilingChannel


def fee_grid_current() -> FeeGrid | None:
    return FeeGrid.objects.filter(is_active=True).order_by("-effective_date", "-pk").first()


def fee_estimate(*, class_count: int, channel: str) -> dict:
    """The office fees for `class_count` classes, with the grid's source and date."""
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
        "grid": grid.name,
        "source": grid.source,
        "effective_date": grid.effective_date.isoformat(),
    }
