"""Browser and accessibility tests: Debian's Chromium, driven by Playwright, against gunicorn."""
