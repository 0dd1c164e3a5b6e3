"""Reference data as data: the 45 Nice classes, a starter list of terms, the fee grid."""

from django.db import migrations

from filings.data.nice import load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        apps.get_model("filings", "NiceClass"),
        apps.get_model("filings", "GoodsServicesTerm"),
        apps.get_model("filings", "FeeGrid"),
    )


class Migration(migrations.Migration):
    dependencies = [("filings", "0002_register_search_indexes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
