"""Demo register: a few earlier marks so the similarity search has something to find."""

from pathlib import Path

from .data.nice import load_reference_data
from .models import FeeGrid, GoodsServicesTerm, NiceClass
from .services.register_import import register_import_csv

DEMO_REGISTER = Path(__file__).resolve().parent / "data" / "demo_register.csv"


def load_trademarks() -> None:
    # Also restores the reference data of migration 0003 if a flush emptied the tables.
    load_reference_data(NiceClass, GoodsServicesTerm, FeeGrid)
    with open(DEMO_REGISTER, encoding="utf-8", newline="") as lines:
        register_import_csv(lines=lines)
