"""A GIN index on what Wagtail's database search backend matches on PostgreSQL.

Searching every field of a model (the hub, case studies, /search/), the backend matches
`(title || body) @@ query` on `wagtailsearch_indexentry`. Wagtail indexes `title` and `body`
each on its own, and an index on a column is no use for an expression that joins two, so every
search read and matched every row of the model's content type (2,014 articles: 16 to 23 ms per
search in PostgreSQL, 7.5 ms with this index). Wagtail's old contrib.postgres_search had the same
combined index (wagtail/wagtail#6546); today's backend does not create one.

PostgreSQL only: SQLite's backend searches its own FTS5 table.
"""

from django.db import migrations

INDEX = "listings_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
