"""Every public page of the demo site is valid HTML: the Nu Html Checker reports no error.

The checker is `vnu.jar` from the npm package `vnu-jar`, which `make test` installs (pinned, into
the git-ignored .tools/) and which runs offline with Java. VNU_JAR points elsewhere if needed.
The pages come from the browser tests' server, as a reader's browser gets them.
"""

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from .conftest import BASE_DIR
from .support import PUBLIC_PAGES

pytestmark = pytest.mark.browser

VNU_JAR = Path(
    os.environ.get("VNU_JAR", BASE_DIR / ".tools/node_modules/vnu-jar/build/dist/vnu.jar")
)


def test_every_public_page_is_valid_html(site_server, tmp_path):
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail(
            f"The Nu Html Checker is missing ({VNU_JAR}, with Java 17+): run `make tools`.",
            pytrace=False,
        )
    files = {}
    for number, site_page in enumerate(PUBLIC_PAGES):
        with urllib.request.urlopen(f"{site_server.url}{site_page.path}", timeout=60) as response:  # noqa: S310 - local URL
            assert response.status == 200, site_page.path
            path = tmp_path / f"page-{number}.html"
            path.write_bytes(response.read())
            files[path.name] = site_page.path

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [
        f"{files.get(Path(message.get('url', '')).name, message.get('url'))}:"
        f"{message.get('lastLine', '?')}: {message['message']} "
        f"[{message.get('extract', '').strip()[:120]}]"
        for message in messages
    ]
    assert not problems, "The Nu Html Checker found errors:\n" + "\n".join(problems)
    assert result.returncode == 0, result.stderr[-2000:]
