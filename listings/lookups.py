"""`AnyOf`: a column matching a list of values, sent to PostgreSQL as one array parameter.

A search's hits (up to `MAX_SEARCH_RESULTS` keys) narrow the listing, its page of results and
every facet's count. As `pk__in=[...]` each of those queries carries every key as a parameter
of its own: Django prepares them one by one and psycopg splits and binds a query with hundreds
of placeholders, six times per search (a hub search with 465 hits spent about 12 % of its
process time on that alone). `column = ANY(%s::integer[])` carries them as one value, written
once as PostgreSQL's array literal (`{3,1,2}`): psycopg quoting a Python list as an array checks
every element with a regular expression, each time the list is sent.

Other databases (SQLite in development) get Django's own `IN (...)`.
"""

from django.db.models import F, Lookup
from django.db.models.lookups import In


class AnyOf(Lookup):
    """`AnyOf(F("pk"), [3, 1, 2])`: for `queryset.filter(...)`, like `pk__in=[3, 1, 2]`, for
    integer columns."""

    lookup_name = "any_of"
    prepare_rhs = False

    def __init__(self, lhs, rhs):
        rhs = list(rhs)
        super().__init__(lhs, rhs)
        # Whole numbers only (primary keys): the literal needs no quoting of its elements.
        self.array_literal = "{" + ",".join(str(int(value)) for value in rhs) + "}"

    def as_sql(self, compiler, connection):
        return In(self.lhs, list(self.rhs)).as_sql(compiler, connection)

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        db_type = self.lhs.output_field.cast_db_type(connection)
        return f"{lhs} = ANY(%s::{db_type}[])", (*lhs_params, self.array_literal)


def pk_any_of(values) -> AnyOf:
    return AnyOf(F("pk"), list(values))
