"""Reference data as data: the 45 Nice classes, a starter list of terms, the fee grid."""

import datetime
from decimal import Decimal

from django.db import migrations

from filings.data.nice import CLASSES, FEE_GRIDS, TERMS


def load(apps, schema_editor):
    NiceClass = apps.get_model("filings", "NiceClass")
    Term = apps.get_model("filings", "GoodsServicesTerm")
    FeeGrid = apps.get_model("filings", "FeeGrid")
    for number, fr, ar, en in CLASSES:
        NiceClass.objects.update_or_create(
            number=number, defaults={"heading_fr": fr, "heading_ar": ar, "heading_en": en}
        )
    for number, fr, ar, en in TERMS:
        Term.objects.update_or_create(
            nice_class_id=number, term_en=en, defaults={"term_fr": fr, "term_ar": ar}
        )
    for grid in FEE_GRIDS:
        values = dict(grid)
        values["effective_date"] = datetime.date.fromisoformat(values["effective_date"])
        for key in list(values):
            if key.endswith("class"):
                values[key] = Decimal(values[key])
        FeeGrid.objects.get_or_create(name=values.pop("name"), defaults=values)


class Migration(migrations.Migration):
    dependencies = [("filings", "0002_register_search_indexes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
