"""Indexes the similarity search relies on.

A pg_trgm GIN index on the phonetic key lets a "sounds like, with a typo" query find its
candidates without reading the table (the visual key needs only equality: look-alikes are
folded into it, so its btree index is enough).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS filings_mark_phonetic_trgm ON filings_registermark "
    "USING gin (key_phonetic gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS filings_mark_phonetic_trgm",
]


class Migration(migrations.Migration):
    dependencies = [("filings", "0001_register_cases_prefilings")]

    operations = [TrigramExtension(), migrations.RunSQL(FORWARD, BACKWARD)]
