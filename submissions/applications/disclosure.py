"""Small numbers stay hidden, also from someone who subtracts one published figure from another.

The equal-opportunities report publishes, for each question, a table: one row per answer, one
column per cohort and a column for all cohorts together. Every row adds up to its all-cohorts
cell and every column to its cohort's number of responses (published: cohorts with fewer
responses than the threshold are left out of every figure). Hiding only the small cells
(primary suppression) is not enough: a hidden cell is then often the difference of published
ones (the all-cohorts figure minus the other cohorts', a cohort's total minus its other
answers). So more cells are hidden (secondary suppression) until:

1. no hidden cell can be worked out from the published ones by any sum or difference. Each
   cell joins a row and a column, and each row and column has a known sum, so the hidden cells
   form a graph (rows and columns as nodes, hidden cells as edges) and a hidden cell is
   determined exactly when its edge is a *bridge* of that graph, on no cycle. Adding a hidden
   cell that closes a cycle through the bridge removes it;
2. wherever the hidden cells of one line (row or column) add up to a known amount, that amount
   is at least the threshold: otherwise "these three answers together: 2 people" would still
   say something about few people.

Zeros count as small numbers, so "nobody" is never shown either (it would pin other cells).
"""

from collections import defaultdict
from dataclasses import dataclass, field

ALL = "all"


@dataclass
class Table:
    """Counts per (answer, column); columns are cohort keys and ALL, in display order.

    `column_totals` are published (cohorts too small to publish are left out beforehand);
    every answer's ALL cell is the sum of its cohort cells.
    """

    answers: list
    columns: list  # cohort keys, without ALL
    counts: dict  # {(answer, column): int}, ALL included
    hidden: set = field(default_factory=set)  # {(answer, column)}

    def value(self, cell) -> int:
        return self.counts.get(cell, 0)


def table_from_counts(answers, columns, counts) -> Table:
    """A table from the cohort cells; the ALL column is their sum."""
    full = {(a, c): counts.get((a, c), 0) for a in answers for c in columns}
    for a in answers:
        full[(a, ALL)] = sum(full[(a, c)] for c in columns)
    return Table(answers=list(answers), columns=list(columns), counts=full)


def protect(table: Table, threshold: int) -> Table:
    """Hide every cell under `threshold`, then as few more as it takes (smallest first) until
    no hidden cell can be recovered from the published figures, and no line's hidden cells add
    up to a known small amount. Returns the table with `hidden` filled in."""
    columns = [*table.columns, ALL]
    cells = [(a, c) for a in table.answers for c in columns]
    if not table.columns:  # nothing to publish
        table.hidden = set(cells)
        return table
    hidden = {cell for cell in cells if table.value(cell) < threshold}
    while True:
        extra = _small_hidden_sum(table, hidden, threshold) or _bridge_breaker(table, hidden)
        if extra is None:
            break
        hidden.add(extra)
    table.hidden = hidden
    return table


# --- the lines and their known sums -----------------------------------------------------------


def _lines(table: Table):
    """Each line of the table as (cells, whose hidden cells add up to a known amount?).

    A cohort's column and the all-cohorts column sum to a published total. An answer's row:
    its cohort cells sum to its ALL cell, so their hidden sum is known when the ALL cell is
    published.
    """
    columns = [*table.columns, ALL]
    for c in columns:
        yield [(a, c) for a in table.answers], True
    for a in table.answers:
        yield [(a, c) for c in table.columns], (a, ALL)


def _small_hidden_sum(table: Table, hidden: set, threshold: int):
    """A visible cell to hide because some line's hidden cells add up to a known small sum."""
    for cells, known in _lines(table):
        if known is not True and known in hidden:
            continue  # the row's total is hidden too: its hidden cells' sum is not known
        in_line = [cell for cell in cells if cell in hidden]
        if in_line and sum(table.value(cell) for cell in in_line) < threshold:
            candidates = [cell for cell in cells if cell not in hidden]
            if known is not True and not candidates:
                # Every cohort cell of the row is hidden: hide the row's total instead.
                return known
            if candidates:
                return min(candidates, key=lambda cell: (table.value(cell), cells.index(cell)))
    return None


# --- bridges: hidden cells that sums and differences would reveal -----------------------------


def _graph(hidden: set):
    """Hidden cells as edges between row nodes ("r", answer) and column nodes ("c", column)."""
    adjacent = defaultdict(list)
    for answer, column in hidden:
        adjacent[("r", answer)].append((("c", column), (answer, column)))
        adjacent[("c", column)].append((("r", answer), (answer, column)))
    return adjacent


def bridges(hidden: set) -> list:
    """The hidden cells on no cycle of the hidden-cell graph: each is determined exactly by the
    published sums (Tarjan's bridge-finding, iteratively)."""
    adjacent = _graph(hidden)
    order, low, found = {}, {}, []
    counter = 0
    for start in sorted(adjacent):
        if start in order:
            continue
        order[start] = low[start] = counter
        counter += 1
        stack = [(start, None, iter(adjacent[start]))]
        while stack:
            node, via, edges = stack[-1]
            advanced = False
            for neighbour, cell in edges:
                if cell == via:
                    continue
                if neighbour not in order:
                    order[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, cell, iter(adjacent[neighbour])))
                    advanced = True
                    break
                low[node] = min(low[node], order[neighbour])
            if not advanced:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(via)
    return sorted(found, key=str)


def _component(adjacent, start, without) -> set:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for neighbour, cell in adjacent[node]:
            if cell != without and neighbour not in seen:
                seen.add(neighbour)
                todo.append(neighbour)
    return seen


def _bridge_breaker(table: Table, hidden: set):
    """A visible cell whose hiding puts a bridge on a cycle (or, failing that, brings one
    closer to it): the smallest such cell."""
    found = bridges(hidden)
    if not found:
        return None
    columns = [*table.columns, ALL]
    adjacent = _graph(hidden)
    answer, column = found[0]
    row_side = _component(adjacent, ("r", answer), without=(answer, column))
    column_side = _component(adjacent, ("c", column), without=(answer, column))

    def visible(cells):
        return [cell for cell in cells if cell not in hidden]

    # A cell joining a row on one side to a column on the other closes a cycle through the bridge.
    closing = visible(
        [(a, c) for kind, a in row_side if kind == "r" for kind2, c in column_side if kind2 == "c"]
        + [
            (a, c)
            for kind, a in column_side
            if kind == "r"
            for kind2, c in row_side
            if kind2 == "c"
        ]
    )
    if not closing:
        # Grow the bridge's graph along its row or column, so a later cell can close a cycle.
        closing = visible([(answer, c) for c in columns] + [(a, column) for a in table.answers])
    if not closing:
        closing = visible([(a, c) for a in table.answers for c in columns])
    return min(closing, key=lambda cell: (table.value(cell), str(cell)))
