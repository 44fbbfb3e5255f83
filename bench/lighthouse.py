"""Lighthouse scores against the bench's gunicorn, with Debian's Chromium.

bench/lighthouse.sh installs the `lighthouse` npm package into bench/.node/ (git-ignored) and
then runs `python -m bench.run --lighthouse`, which calls `run()` here. Each report is kept as
bench/results/lighthouse-<page>-<run>.json; the summary lists, for every category under 100 (or
without a score), the audits that cost it points or failed to run, with Lighthouse's own
explanation.
"""

import json
import os
import re
import subprocess
from pathlib import Path

BIN = Path(__file__).resolve().parent / ".node" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


# Where a metric fails, the diagnostic audit that says which element is to blame.
CULPRITS = {
    "cumulative-layout-shift": "layout-shifts",
    "largest-contentful-paint": "largest-contentful-paint-element",
    "total-blocking-time": "long-tasks",
}


def _text(value) -> str:
    if isinstance(value, dict):
        if value.get("type") == "subitems":  # e.g. a layout shift's likely causes
            return "; ".join(
                f"{sub.get('cause', '')} {_text(sub.get('extra', ''))}".strip()
                for sub in value.get("items", [])
            )
        value = value.get("snippet") or value.get("url") or value.get("nodeLabel") or ""
    return str(value).strip() if isinstance(value, str | int | float) else ""


def _items(audit: dict, limit: int = 5) -> list[str]:
    """A few rows of an audit's details, flattened to text, to show what failed where."""
    rows = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        if isinstance(item, dict):
            rows.append(" | ".join(t for t in map(_text, item.values()) if t)[:400])
    return rows


def summarise(report: dict) -> dict:
    """Scores (0-100) and, per category under 100, the weighted audits that did not pass."""
    summary = {}
    for key in CATEGORIES:
        category = report["categories"][key]
        failing = []
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            errored = audit.get("scoreDisplayMode") == "error"  # leaves the category unscored
            scored_low = audit.get("score") is not None and audit["score"] < 1
            if ref.get("weight", 0) > 0 and (scored_low or errored):
                failing.append(
                    {
                        "id": ref["id"],
                        "title": audit["title"],
                        "score": audit["score"],
                        "value": audit.get("displayValue", ""),
                        "explanation": audit.get("explanation") or audit.get("errorMessage", ""),
                        # Drop the "[Learn more](...)" link: the text is what matters here.
                        "description": re.sub(
                            r"\s*\[([^]]+)\]\([^)]*\)\.?", "", audit["description"]
                        ),
                        "items": _items(report["audits"].get(CULPRITS.get(ref["id"]), audit)),
                    }
                )
        score = category["score"]
        summary[key] = {"score": None if score is None else round(score * 100), "failing": failing}
    return summary


def audit(port: int, path: str, out_dir: Path, run: int) -> dict:
    url = f"http://127.0.0.1:{port}{path}"
    name = path.strip("/").replace("/", "-") or "home"
    report_path = out_dir / f"lighthouse-{name}-{run}.json"
    cmd = [
        str(BIN),
        url,
        "--output=json",
        f"--output-path={report_path}",
        "--quiet",
        "--no-enable-error-reporting",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    env = os.environ | {"CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(cmd, env=env, check=True, timeout=300)
    report = json.loads(report_path.read_text())
    return {
        "url": url,
        "lighthouse": report["lighthouseVersion"],
        "browser": report["environment"]["hostUserAgent"],
        "form_factor": report["configSettings"]["formFactor"],
        "report": report_path.name,
        "runtime_error": (report.get("runtimeError") or {}).get("message"),
        "categories": summarise(report),
    }


def show(path: str, result: dict) -> None:
    scores = "  ".join(f"{k} {v['score']}" for k, v in result["categories"].items())
    print(f"\n{path} (median of {len(result['runs'])} runs): {scores}")
    print(f"    performance in each run: {[r['performance'] for r in result['runs']]}")
    if result["runtime_error"]:
        print(f"    runtime error: {result['runtime_error']}")
    for key, category in result["categories"].items():
        for failed in category["failing"]:
            value = f" ({failed['value']})" if failed["value"] else ""
            print(f"  - {key} / {failed['id']}: {failed['title']}{value}")
            if failed["explanation"]:
                print(f"      {failed['explanation']}")
            print(f"      {failed['description']}")
            for item in failed["items"]:
                print(f"      * {item}")


def run(port: int, paths: list[str], out_dir: Path, runs: int = 3) -> dict:
    """Each page `runs` times; the run with the median performance score is the one shown."""
    if not BIN.exists():
        raise SystemExit("Lighthouse is not installed: run bench/lighthouse.sh")
    results = {}
    for path in paths:
        audits = [audit(port, path, out_dir, n) for n in range(1, runs + 1)]
        audits.sort(key=lambda a: a["categories"]["performance"]["score"] or 0)
        median = audits[len(audits) // 2]
        scores = [{k: v["score"] for k, v in a["categories"].items()} for a in audits]
        results[path] = median | {"runs": scores}
        show(path, results[path])
    return results
