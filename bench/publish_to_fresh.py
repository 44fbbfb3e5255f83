"""Time from publishing a change to the fresh page through the front cache.

Run under the stack's settings (bench.stack does): `python -m bench.publish_to_fresh URL PATH N`.
Each round changes the introduction of the StandardPage at PATH, publishes it as an editor's
"Publish" does (a revision, then publish: the purge goes to the cache once it is committed), and
asks the cache for the page every 5 ms until it shows the change. Prints, as JSON, the seconds of
each round and how they split between the publish itself and the fresh page after it. The page is
fetched twice before each round, so each round starts from a cached copy. A first, uncounted
round warms this process up (imports, the site's root paths), as a running app server is.
"""

import json
import sys
import time
import urllib.request

import django

TIMEOUT = 10  # seconds before a round counts as a failure


def fetch(url: str) -> tuple[str, str]:
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1"})  # noqa: S310 - local
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - local
        return response.read().decode(), response.headers.get("X-Cache", "")


def main(argv=None) -> int:
    base, path, rounds = (argv or sys.argv[1:])[:3]
    django.setup()
    from home.models import StandardPage

    page = StandardPage.objects.get(url_path__endswith=path)
    url = base.rstrip("/") + path
    seconds, publishing, states = [], [], []
    for number in range(int(rounds) + 1):
        fetch(url)
        _, state = fetch(url)
        marker = f"Changed for round {number} at {time.time_ns()}."
        page.introduction = marker
        started = time.perf_counter()
        page.save_revision().publish()
        published = time.perf_counter()
        while marker not in fetch(url)[0]:
            if time.perf_counter() - started > TIMEOUT:
                raise SystemExit(f"the change did not show within {TIMEOUT} s")
            time.sleep(0.005)
        if number:  # round 0 warms up
            states.append(state)  # "hit": the round started from a cached copy
            seconds.append(round(time.perf_counter() - started, 3))
            publishing.append(round(published - started, 3))
    print(json.dumps({"seconds": seconds, "publish_s": publishing, "cached_before": states}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
