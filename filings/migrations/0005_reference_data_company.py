from django.db import migrations


def forwards(apps, schema_editor):
    from filings.data.company import seed

    seed(
        apps.get_model("filings", "LegalForm"),
        apps.get_model("filings", "NameWord"),
        apps.get_model("filings", "CompanyDelay"),
    )


class Migration(migrations.Migration):
    dependencies = [("filings", "0004_company")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
