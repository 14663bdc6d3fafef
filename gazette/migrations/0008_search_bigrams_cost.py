"""Tell PostgreSQL what the pair function of 0007 really costs.

It splits a document into characters and sorts their pairs: milliseconds for each document, where COST 1000 let the
planner believe it cheap. For a word in most documents (工作) the planner then chose to compute it anew for every row
instead of reading the pair index, and one search over 3,000 documents took 19 s. At COST 100000 (about what it
measures, counting a cost unit as some microseconds) the index is chosen whenever it excludes any document.
"""

from django.db import migrations

SIGNATURE = "gazette_search_bigrams(text, text, text)"


def set_cost(cost):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER FUNCTION {SIGNATURE} COST {cost}")

    return run


class Migration(migrations.Migration):
    dependencies = [("gazette", "0007_document_search_bigrams")]

    operations = [migrations.RunPython(set_cost(100000), set_cost(1000))]
