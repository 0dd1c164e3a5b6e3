"""The first criteria grid, as data: office staff add later versions in the admin."""

import datetime

from django.db import migrations

# (code, title in French as the office writes it, weight)
GRID_V1 = [
    ("space", "Espace dédié, identifié et accessible", 20),
    ("team", "Conseillers formés à la propriété industrielle", 20),
    ("services", "Services des quatre axes effectivement proposés", 25),
    ("hours", "Horaires d'ouverture adaptés au public", 10),
    ("equipment", "Équipement pour consulter les bases de données de PI", 15),
    ("reporting", "Capacité de suivi et de reporting", 10),
]


def create_grid(apps, schema_editor):
    CriteriaGrid = apps.get_model("hubs", "CriteriaGrid")
    Criterion = apps.get_model("hubs", "Criterion")
    grid, created = CriteriaGrid.objects.get_or_create(
        version=1,
        defaults={"in_force_from": datetime.date(2026, 1, 1), "note": "Grille initiale"},
    )
    if created:
        for order, (code, title, weight) in enumerate(GRID_V1):
            Criterion.objects.create(grid=grid, code=code, title=title, weight=weight, order=order)


class Migration(migrations.Migration):
    dependencies = [("hubs", "0002_labelling")]

    operations = [migrations.RunPython(create_grid, migrations.RunPython.noop)]
