"""Document search on PostgreSQL through an index of each document's character pairs (bigrams).

Chinese has no spaces, and a two-character word such as 宗地 holds no trigram: the trigram indexes of 0003 could not
serve it, and the planner preferred reading every body. Every query of two or more characters contains at least one
pair, so a GIN index over the set of pairs in a document's title, number and text finds the candidates, and the
``icontains`` beside it keeps the result exact. The pairs are computed in the database by an immutable function, so
every way a document is written (imports, the admin, bulk inserts) keeps the index right. Pairs are taken after
UPPER(), as Django's icontains compares, and none spans whitespace or the boundary between two fields.

Other databases search without an index (gazette.selectors.search_documents).
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION gazette_search_bigrams(title text, number text, body text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
    SELECT coalesce(array_agg(DISTINCT pair), '{}') FROM (
        SELECT c || lead(c) OVER (ORDER BY n) AS pair
        FROM string_to_table(upper(title || E'\n' || number || E'\n' || body), NULL) WITH ORDINALITY AS s(c, n)
    ) AS pairs
    WHERE pair !~ '\s'
$$
"""
INDEX = (
    "CREATE INDEX IF NOT EXISTS gazette_document_search_bigrams "
    "ON gazette_document USING gin (gazette_search_bigrams(title, number, raw_text))"
)
TRIGRAM_COLUMNS = ("title", "number", "raw_text")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    schema_editor.execute(INDEX)
    # The bigram index serves every query the trigram indexes served, and two-character ones besides.
    for column in TRIGRAM_COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS gazette_document_{column}_trgm")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in TRIGRAM_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS gazette_document_{column}_trgm "
            f'ON gazette_document USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )
    schema_editor.execute("DROP INDEX IF EXISTS gazette_document_search_bigrams")
    schema_editor.execute("DROP FUNCTION IF EXISTS gazette_search_bigrams(text, text, text)")


class Migration(migrations.Migration):
    dependencies = [("gazette", "0006_history")]

    operations = [migrations.RunPython(create, drop)]
