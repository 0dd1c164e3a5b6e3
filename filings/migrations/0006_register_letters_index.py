"""An index on the letters of each mark's visual key, sorted: swapped letters meet there.

ZEQUAEX and ZEQUEAX, PIHASIO and PHIASIO differ by two neighbouring letters. Their trigrams
differ a lot for short marks and their consonant skeleton is shared by thousands of marks at a
million, so neither channel is sure to bring them back; their sorted letters are equal. An
expression index over an immutable function: no new column, nothing for the import to fill.
Letters are ordered by code point (COLLATE "C"), as Python's sorted() does.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION filings_sorted_letters(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT string_agg(letter, '' ORDER BY letter COLLATE "C")
        FROM regexp_split_to_table($1, '') AS letter
    $$
    """,
    "CREATE INDEX IF NOT EXISTS filings_mark_visual_letters ON filings_registermark "
    "(filings_sorted_letters(key_visual))",
]
BACKWARD = [
    "DROP INDEX IF EXISTS filings_mark_visual_letters",
    "DROP FUNCTION IF EXISTS filings_sorted_letters(text)",
]


class Migration(migrations.Migration):
    dependencies = [("filings", "0005_reference_data_company")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
