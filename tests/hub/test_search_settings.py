"""The search backend comes from the environment: the database by default, OpenSearch or
Elasticsearch for a larger deployment."""

import runpy
from pathlib import Path

import website

BASE = Path(website.__file__).parent / "settings" / "base.py"


def settings_with(monkeypatch, **env):
    for name in ("WAGTAILSEARCH_BACKEND", "WAGTAILSEARCH_URL", "WAGTAILSEARCH_INDEX"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE))["WAGTAILSEARCH_BACKENDS"]["default"]


def test_the_database_backend_by_default(monkeypatch):
    assert settings_with(monkeypatch) == {"BACKEND": "wagtail.search.backends.database"}


def test_opensearch_from_the_environment(monkeypatch):
    backend = settings_with(
        monkeypatch,
        WAGTAILSEARCH_BACKEND="opensearch2",
        WAGTAILSEARCH_URL="https://search-1:9200,https://search-2:9200",
        WAGTAILSEARCH_INDEX="difference-live",
    )
    assert backend == {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": ["https://search-1:9200", "https://search-2:9200"],
        "INDEX": "difference-live",
        "TIMEOUT": 5,
    }
