"""A small HTTP client for the stack tests: http.client, cookies kept by hand, 127.0.0.1 only.

Python's cookie jar never sends a `Secure` cookie over plain HTTP, and the production settings
mark the session and CSRF cookies Secure; the stack serves plain HTTP on the loopback address.
So this client keeps cookies itself, like a browser treating 127.0.0.1 as a secure context.
"""

import http.client
import secrets
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from bs4 import BeautifulSoup
from django_otp.oath import totp

TIMEOUT = 30
# The production settings' cookie names ("__Host-": Secure, Path=/, no Domain).
SESSION_COOKIE = "__Host-sessionid"
CSRF_COOKIE = "__Host-csrftoken"
VERIFY = "/admin/account/two-step/verify/"


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.text, "html.parser")

    @property
    def cache_control(self) -> set[str]:
        return {d.strip() for d in self.headers.get("cache-control", "").split(",") if d.strip()}


class Client:
    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        assert parts.hostname == "127.0.0.1", "the stack tests talk to this machine only"
        self.port = parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method, path, *, body=None, headers=None) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        sent = {"Host": f"127.0.0.1:{self.port}", "User-Agent": "difference-stack-tests"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent |= headers or {}
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            data = raw.read()
            received = {}
            for name, value in raw.getheaders():
                name = name.lower()
                if name == "set-cookie":
                    cookie = SimpleCookie()
                    cookie.load(value)
                    for key, morsel in cookie.items():
                        if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                            self.cookies.pop(key, None)
                        else:
                            self.cookies[key] = morsel.value
                received[name] = f"{received[name]}, {value}" if name in received else value
            return Response(raw.status, received, data, time.perf_counter() - started)
        finally:
            conn.close()

    def get(self, path, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs) -> Response:
        return self.request(
            "POST",
            path,
            body=urlencode(data, doseq=True).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"}
            | kwargs.pop("headers", {}),
            **kwargs,
        )

    def post_multipart(self, path, fields: list[tuple[str, str]], files) -> Response:
        boundary = secrets.token_hex(16)
        chunks = []
        for name, value in fields:
            chunks += [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode(),
                str(value).encode(),
                b"\r\n",
            ]
        for name, (filename, content, content_type) in files.items():
            chunks += [
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
                ).encode(),
                content,
                b"\r\n",
            ]
        chunks.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST",
            path,
            body=b"".join(chunks),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )

    def log_in(self, username: str, password: str, totp_key: bytes) -> None:
        """Password, then the code of the account's authenticator app (production asks for it)."""
        page = self.get("/admin/login/")
        token = page.soup.find("input", {"name": "csrfmiddlewaretoken"})["value"]
        done = self.post(
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        assert done.status == 302, f"login failed: {done.status}"
        assert SESSION_COOKIE in self.cookies
        admin = self.get("/admin/")
        assert admin.status == 302 and admin.headers["location"].startswith(VERIFY), admin.status
        page = self.get(VERIFY)
        token = page.soup.find("input", {"name": "csrfmiddlewaretoken"})["value"]
        verified = self.post(
            VERIFY,
            {"csrfmiddlewaretoken": token, "code": f"{totp(totp_key):06d}", "next": "/admin/"},
        )
        assert verified.status == 302, f"second step failed: {verified.status}"
        assert self.get("/admin/").status == 200


def form_fields(form) -> list[tuple[str, str]]:
    """The values a browser would send for a form, as it stands (no submit buttons)."""
    fields = []
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.name == "textarea":
            fields.append((name, element.text))
        elif element.name == "select":
            chosen = element.find_all("option", selected=True) or element.find_all("option")[:1]
            fields += [(name, option.get("value", option.text)) for option in chosen]
        elif element.get("type") in ("checkbox", "radio"):
            if element.get("checked") is not None:
                fields.append((name, element.get("value", "on")))
        elif element.get("type") not in ("submit", "button", "file", "image", "reset"):
            fields.append((name, element.get("value", "")))
    return fields
