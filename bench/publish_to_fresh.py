"""Time from publishing a change to the fresh page through the front cache.

Run under the stack's settings (bench.stack does): `python -m bench.publish_to_fresh URL PATH N`.
Each round changes the introduction of the StandardPage at PATH, publishes it as an editor's
"Publish" does (a revision, then publish: the purge goes to the cache once it is committed), and
asks the cache for the page every 5 ms until it shows the change. Prints the seconds of each round
as JSON. The page is fetched once between rounds, so each round starts from a cached copy.
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
    seconds, states = [], []
    for number in range(int(rounds)):
        fetch(url)
        _, state = fetch(url)
        states.append(state)  # "hit": the round starts from a cached copy
        marker = f"Changed for round {number} at {time.time_ns()}."
        page.introduction = marker
        started = time.perf_counter()
        page.save_revision().publish()
        while marker not in fetch(url)[0]:
            if time.perf_counter() - started > TIMEOUT:
                raise SystemExit(f"the change did not show within {TIMEOUT} s")
            time.sleep(0.005)
        seconds.append(round(time.perf_counter() - started, 3))
    print(json.dumps({"seconds": seconds, "cached_before": states}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
