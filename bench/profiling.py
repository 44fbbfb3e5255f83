"""Where a request's CPU goes: `python -m bench.cpu --profile` (warm requests) and
`--profile-cleared` (Django's cache cleared before each request, untimed: a page drawn in full).

For the home page, the hub's index and a hub search, an article and a case study, after
bench.cpu's measurement (same process, so everything is warm), two passes of `REQUESTS` warm
requests each:

1. **By template**: Django's `Template._render` and `BlockNode.render` are wrapped to add up the
   process time spent in each template, and in each block a page template fills, inclusive
   (with what it includes) and exclusive (its own nodes, tags and filters, and the querysets
   they evaluate, other templates excluded), as a share of the requests' time.
2. **By function**: cProfile (wall clock: timing every call with process time would cost a
   system call each and weigh small functions far above their cost), the cumulative share of
   a few functions that say where the time goes (the ORM, StreamField, rich text, renditions,
   page URLs, the cache), the project's own functions, and the top functions by own time.

cProfile slows what it watches, so the shares are what to read, not the milliseconds. Reports:
bench/results/profile-<size>/<page>.txt, and <page>.prof (cProfile's raw figures, for pstats);
the summary goes into the figures.
"""

import cProfile
import importlib
import inspect
import io
import pstats
import time
from collections import defaultdict
from pathlib import Path

from django.core.cache import cache
from django.template import base as template_base
from django.template import loader_tags

from bench import PAGES

PROFILED = ["home", "hub", "hub-search", "article", "case-study"]
REQUESTS = 20
# (label, "module:Qualified.name"): cumulative time as a share of the request. They overlap
# (rich text is rendered inside templates, SQL runs inside template tags), so they do not add
# up to 100. "SQL executed" is wall time: it includes waiting for PostgreSQL.
WATCHED = [
    ("the view (wagtail serve: routing, context, templates)", "wagtail.views:serve"),
    ("templates (Template.render, outermost)", "django.template.base:Template.render"),
    ("{% include %}", "django.template.loader_tags:IncludeNode.render"),
    ("inclusion tags", "django.template.library:InclusionNode.render"),
    (
        "StreamField: {% include_block %}",
        "wagtail.templatetags.wagtailcore_tags:IncludeBlockNode.render",
    ),
    ("StreamField: Block.render", "wagtail.blocks.base:Block.render"),
    (
        "StreamField: raw data to Python values",
        "wagtail.blocks.stream_block:StreamValue._prefetch_blocks",
    ),
    ("rich text expanded (expand_db_html)", "wagtail.rich_text:expand_db_html"),
    (
        "{% image %} / {% picture %} tags",
        "wagtail.images.templatetags.wagtailimages_tags:ImageNode.render",
    ),
    ("renditions looked up (get_rendition)", "wagtail.images.models:AbstractImage.get_rendition"),
    ("renditions looked up (get_renditions)", "wagtail.images.models:AbstractImage.get_renditions"),
    ("page URLs (Page.get_url_parts)", "wagtail.models:Page.get_url_parts"),
    ("routing (Page.route)", "wagtail.models:Page.route"),
    ("ORM: querysets evaluated (_fetch_all)", "django.db.models.query:QuerySet._fetch_all"),
    ("ORM: SQL compiled (as_sql)", "django.db.models.sql.compiler:SQLCompiler.as_sql"),
    (
        "ORM: SQL executed (wall, with the wait)",
        "django.db.backends.utils:CursorWrapper._execute_with_wrappers",
    ),
    ("ORM: model instances (from_db)", "django.db.models.base:Model.from_db"),
    ("Django cache get (Redis)", "django_redis.cache:RedisCache.get"),
    ("Django cache get_many (Redis)", "django_redis.cache:RedisCache.get_many"),
    (
        "site settings in templates",
        "wagtail.contrib.settings.context_processors:SettingModuleProxy.__getitem__",
    ),
    ("reverse()", "django.urls.base:reverse"),
    ("date formatting (|date)", "django.template.defaultfilters:date"),
    ("forms rendered", "django.forms.utils:RenderableMixin.render"),
    ("copy.deepcopy", "copy:deepcopy"),
]


def _code_key(spec: str):
    """pstats' key (file, first line, name) for "module:Qualified.name", or None."""
    module_name, _, qualname = spec.partition(":")
    try:
        target = importlib.import_module(module_name)
        for part in qualname.split("."):
            target = getattr(target, part)
        code = inspect.unwrap(target).__code__
    except (ImportError, AttributeError):
        return None
    return (code.co_filename, code.co_firstlineno, code.co_name)


class TemplateTimes:
    """Process time per template, and per block a template fills, inclusive and exclusive,
    while in use (a context manager).

    A page template that extends base.html has its blocks rendered from inside base.html's
    nodes, so blocks count apart ("pages/x.html {% block content %}"): base.html's exclusive
    time is then its own markup and tags, not the page's content.
    """

    def __init__(self):
        self.inclusive = defaultdict(float)
        self.exclusive = defaultdict(float)
        self.calls = defaultdict(int)
        self.outermost = 0.0  # time in templates rendered from outside any template
        self._stack = []  # [label, started, time spent in nested frames]
        self._saved = []

    def _timed(self, label, render, *args):
        self._stack.append([label, time.process_time(), 0.0])
        try:
            return render(*args)
        finally:
            label, started, nested = self._stack.pop()
            spent = time.process_time() - started
            # A template within itself (recursion) would count twice inclusively.
            if not any(frame[0] == label for frame in self._stack):
                self.inclusive[label] += spent
            self.exclusive[label] += spent - nested
            self.calls[label] += 1
            if self._stack:
                self._stack[-1][2] += spent
            else:
                self.outermost += spent

    def __enter__(self):
        template_render = template_base.Template._render
        block_render = loader_tags.BlockNode.render
        self._saved = [template_render, block_render]
        times = self

        def _render(template, context):
            name = template.origin.template_name if template.origin else None
            return times._timed(
                name or template.name or "(string)", template_render, template, context
            )

        def render_block(node, context):
            # The block that will render: the last pushed for this name (the child's).
            chosen = node
            blocks = context.render_context.get(loader_tags.BLOCK_CONTEXT_KEY)
            if blocks is not None and blocks.blocks.get(node.name):
                chosen = blocks.blocks[node.name][-1]
            where = chosen.origin.template_name if getattr(chosen, "origin", None) else "?"
            label = f"{where} {{% block {node.name} %}}"
            return times._timed(label, block_render, node, context)

        template_base.Template._render = _render
        loader_tags.BlockNode.render = render_block
        return self

    def __exit__(self, *exc):
        template_base.Template._render, loader_tags.BlockNode.render = self._saved


def _watched(stats: pstats.Stats, total: float) -> dict:
    found = {}
    for label, spec in WATCHED:
        key = _code_key(spec)
        if key and key in stats.stats:
            found[label] = round(100 * stats.stats[key][3] / total, 1)
    return found


def _project_functions(stats: pstats.Stats, total: float, top: int) -> dict:
    """The project's own functions (not Django's, Wagtail's...) by cumulative share."""
    root = str(Path(__file__).resolve().parent.parent)
    ours = [
        (key, row)
        for key, row in stats.stats.items()
        if key[0].startswith(root + "/")
        and Path(key[0]).relative_to(root).parts[0] not in ("bench", ".venv")
    ]
    # Leave out the middleware every request passes through whole (each near 100 %).
    ours = [(key, row) for key, row in ours if row[3] < 0.95 * total]
    ours.sort(key=lambda item: -item[1][3])
    return {
        f"{Path(file).relative_to(root)}:{line} {name}": round(100 * row[3] / total, 1)
        for (file, line, name), row in ours[:top]
    }


def _short(file: str) -> str:
    for marker in ("site-packages/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return Path(file).name if file.startswith("/") else file


def profile_page(
    harness, name: str, path: str, status: int, out_dir: Path, cleared: bool = False
) -> dict:
    # Pass 1: templates.
    with TemplateTimes() as times:
        total = 0.0
        for _ in range(REQUESTS):
            if cleared:
                cache.clear()  # untimed
            started = time.process_time()
            harness.get(path, status)
            total += time.process_time() - started
    outside = total - times.outermost
    # Pass 2: functions.
    # cProfile's own clock (wall time): timing every call with process_time is a system call
    # each and would weigh small functions far more than they cost.
    profiler = cProfile.Profile()
    for _ in range(REQUESTS):
        if cleared:
            cache.clear()  # not profiled
        profiler.enable()
        harness.get(path, status)
        profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    profiled_total = sum(row[2] for row in stats.stats.values())
    own = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:30]
    summary = {
        "path": path,
        "requests": REQUESTS,
        "ms_per_request": round(total / REQUESTS * 1000, 2),
        "templates_inclusive_pct": _pcts(times.inclusive, total, 15),
        "templates_exclusive_pct": _pcts(times.exclusive, total, 15),
        "template_calls_per_request": {
            t: round(n / REQUESTS, 1)
            for t, n in sorted(times.calls.items(), key=lambda i: -i[1])[:15]
        },
        "outside_templates_pct": round(100 * outside / total, 1),
        "functions_cumulative_pct": _watched(stats, profiled_total),
        "project_functions_cumulative_pct": _project_functions(stats, profiled_total, 15),
        "functions_own_time_pct": {
            f"{_short(file)}:{line} {function}": round(100 * row[2] / profiled_total, 1)
            for (file, line, function), row in own[:15]
        },
    }
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(40)
    out_dir.mkdir(parents=True, exist_ok=True)
    kind = "cache-cleared" if cleared else "warm"
    summary["kind"] = kind
    lines = [f"{name} {path}: {summary['ms_per_request']} ms per {kind} request (unprofiled)", ""]
    lines += ["Templates, inclusive % of the request:"]
    lines += [f"  {v:5.1f}  {k}" for k, v in summary["templates_inclusive_pct"].items()]
    lines += ["Templates, exclusive % (own nodes, tags, filters):"]
    lines += [f"  {v:5.1f}  {k}" for k, v in summary["templates_exclusive_pct"].items()]
    lines += [f"Outside any template: {summary['outside_templates_pct']} %", ""]
    lines += ["Functions, cumulative % (they overlap):"]
    lines += [f"  {v:5.1f}  {k}" for k, v in summary["functions_cumulative_pct"].items()]
    lines += ["The project's functions, cumulative %:"]
    lines += [f"  {v:5.1f}  {k}" for k, v in summary["project_functions_cumulative_pct"].items()]
    lines += ["Functions by own time %:"]
    lines += [f"  {v:5.1f}  {k}" for k, v in summary["functions_own_time_pct"].items()]
    lines += ["", stream.getvalue()]
    (out_dir / f"{name}.txt").write_text("\n".join(lines))
    stats.dump_stats(out_dir / f"{name}.prof")  # for pstats or snakeviz
    return summary


def _pcts(spent: dict, total: float, top: int) -> dict:
    ranked = sorted(spent.items(), key=lambda item: -item[1])[:top]
    return {name: round(100 * seconds / total, 1) for name, seconds in ranked}


def profile(harness, out_dir: Path, cleared: bool = False) -> dict:
    paths = {name: (path, status) for name, path, status in PAGES}
    for name in PROFILED:  # warm the new handler
        for _ in range(3):
            harness.get(*paths[name])
    return {
        name: profile_page(harness, name, *paths[name], out_dir, cleared)
        for name in PROFILED
        if name in paths
    }
