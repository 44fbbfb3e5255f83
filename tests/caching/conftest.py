"""A front cache that writes down what it was told to purge, in the order it was told.

The purge decisions (which URLs, when) are the app's, tested here in-process; the real Varnish
receiving them is tested in tests/stack/.
"""

from wagtail.contrib.frontend_cache.backends import BaseBackend

import pytest

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """Purges sent after commit; `purged.commit()` runs the commit callbacks of the test so far."""
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.caching.conftest.RecordingBackend"}
    }
    PURGED.clear()

    class Recorder(list):
        def __init__(self):
            super().__init__()
            self._capture = None
            self.start()

        def start(self):
            self._capture = django_capture_on_commit_callbacks(execute=True)
            self._capture.__enter__()

        def commit(self) -> list[str]:
            """Run the pending commit callbacks; return (and keep) what they purged."""
            self._capture.__exit__(None, None, None)
            self[:] = list(PURGED)
            self.start()
            return list(self)

        def clear(self):
            """Forget what was purged so far (the test's next step starts afresh)."""
            super().clear()
            PURGED.clear()

        def paths(self) -> set[str]:
            from urllib.parse import urlsplit

            return {urlsplit(url).path for url in self}

    recorder = Recorder()
    yield recorder
    recorder._capture.__exit__(None, None, None)
    PURGED.clear()
