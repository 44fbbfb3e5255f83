"""`make stack`: the production shape of the site on one machine, served through its front cache.

    python -m deploy.stack                 # start everything; Ctrl-C stops it
    python -m deploy.stack manage CMD...   # a management command on the stack's database and bucket

The parts, each one's log lines prefixed with its name:

- **storage**: SeaweedFS (`weed server`: master, volume server, filer and S3 gateway), its data in
  `.stack/seaweedfs/`; the app servers keep uploads in its bucket through django-storages.
- **cache**: Varnish on the public port with `deploy/varnish/site.vcl`, balancing the two app
  servers with health checks; **access**: its request log (varnishncsa).
- **app1**, **app2**: gunicorn with `website.settings.production`, each on its own port.
- **worker**: `manage.py db_worker --backend durable`, which sends the forms' emails.
- **mail**: a mail server on this machine (`deploy/mail.py`) that delivers nothing: each email
  the forms send is kept as a file in `.stack/mail/` (production refuses to start without one).
- PostgreSQL and Redis are the machine's: the stack uses a database of its own
  (`STACK_DATABASE_URL`, default `difference_stack`, created if missing) and `STACK_REDIS_URL`.

Before the app servers start: migrate, collectstatic, the demo content (its loader changes nothing
the second time) and an admin account (`manage.py ensure_admin`). Everything listens on
127.0.0.1 only. Plain HTTP: a real deployment puts TLS in front of the cache (README).

The tests and the benchmark start their own stack from this module (`Stack`) on free ports.
"""

import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "site.vcl"
HOST = "127.0.0.1"
BUCKET = "media"
S3_ACCESS_KEY = "difference-stack"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/difference_stack"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
VARNISHD = os.environ.get("VARNISHD", "/usr/sbin/varnishd")
VARNISHNCSA = os.environ.get("VARNISHNCSA", "/usr/bin/varnishncsa")
# Settings from the caller's shell that must not reach the stack: a mail server or a bucket
# elsewhere would send traffic off this machine.
UNSET = [
    "EMAIL_HOST",
    "DJANGO_SETTINGS_MODULE",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_PROFILE",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID",
    "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID",
    "MEDIA_ROOT",
    "SERVE_MEDIA",
]
COLOURS = {
    "storage": 33,
    "mail": 34,
    "cache": 36,
    "access": 90,
    "app1": 32,
    "app2": 92,
    "worker": 35,
}
START_TIMEOUT = 120  # seconds, for each part to answer (a busy machine is slow)
STOP_TIMEOUT = 10  # seconds, before a part that has not stopped is killed


def _storage_chatter(line: str) -> bool:
    """SeaweedFS's informational lines (glog "I..."), except those saying what started where."""
    return line.startswith("I") and " Start " not in line


def _health_checks(line: str) -> bool:
    """The cache asks each app server for /robots.txt every second: not worth a line each."""
    return '"GET /robots.txt HTTP/1.1" 200' in line


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((HOST, port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Ports:
    """The public port (the cache) and the eleven others: two app servers, SeaweedFS's eight and
    the mail server."""

    public: int = 8000
    app: tuple[int, int] = (8010, 8011)
    # master, master gRPC, volume, volume gRPC, filer, filer gRPC, S3, S3 gRPC
    storage: tuple[int, ...] = (8012, 8013, 8014, 8015, 8016, 8017, 8018, 8019)
    mail: int = 8020

    @classmethod
    def from_env(cls) -> "Ports":
        public = int(os.environ.get("STACK_PORT", "8000"))
        first = int(os.environ.get("STACK_PORTS_FROM", "8010"))
        others = tuple(range(first, first + 11))
        return cls(public=public, app=others[:2], storage=others[2:10], mail=others[10])

    @classmethod
    def free(cls) -> "Ports":
        """Free ports on 127.0.0.1 (held open together, so none is handed out twice)."""
        socks = []
        try:
            for _ in range(12):
                sock = socket.socket()
                sock.bind((HOST, 0))
                socks.append(sock)
            ports = [sock.getsockname()[1] for sock in socks]
        finally:
            for sock in socks:
                sock.close()
        return cls(
            public=ports[0], app=tuple(ports[1:3]), storage=tuple(ports[3:11]), mail=ports[11]
        )

    @property
    def s3(self) -> int:
        return self.storage[6]


@dataclass
class Part:
    name: str
    process: subprocess.Popen
    stop_signal: int = signal.SIGTERM
    reader: threading.Thread | None = None


class Output:
    """Prints each part's lines with its name in front, one line at a time."""

    def __init__(self, stream=None, colour: bool | None = None):
        self.stream = stream or sys.stdout
        self.colour = self.stream.isatty() if colour is None else colour
        self.lock = threading.Lock()

    def line(self, name: str, text: str) -> None:
        prefix = f"{name:>7} |"
        if self.colour:
            prefix = f"\033[{COLOURS.get(name, 37)}m{prefix}\033[0m"
        with self.lock:
            print(f"{prefix} {text}", file=self.stream, flush=True)

    def follow(self, name: str, pipe, skip=None) -> threading.Thread:
        def run():
            for raw in iter(pipe.readline, b""):
                text = raw.decode(errors="replace").rstrip()
                if not (skip and skip(text)):
                    self.line(name, text)
            pipe.close()

        thread = threading.Thread(target=run, name=f"log-{name}", daemon=True)
        thread.start()
        return thread


@dataclass
class Stack:
    data_dir: Path = ROOT / ".stack"
    ports: Ports = field(default_factory=Ports)
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = DEFAULT_REDIS_URL
    workers: int = 2  # gunicorn workers per app server
    output: Output = field(default_factory=Output)
    extra_env: dict = field(default_factory=dict)
    # Varnish compiles its configuration as its own user, who may not be able to read the
    # repository or the data folder (under a private home folder): its files go to a folder of
    # their own, readable by all, made in the system's temporary folder unless given.
    varnish_dir: Path | None = None
    parts: dict = field(default_factory=dict)
    _own_varnish_dir: bool = field(default=False, init=False, repr=False)

    @classmethod
    def from_env(cls, **kwargs) -> "Stack":
        return cls(
            ports=Ports.from_env(),
            database_url=os.environ.get("STACK_DATABASE_URL", DEFAULT_DATABASE_URL),
            redis_url=os.environ.get("STACK_REDIS_URL", DEFAULT_REDIS_URL),
            **kwargs,
        )

    # --- addresses and settings

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.ports.public}"

    def app_url(self, number: int) -> str:
        return f"http://{HOST}:{self.ports.app[number - 1]}"

    @property
    def s3_url(self) -> str:
        return f"http://{HOST}:{self.ports.s3}"

    def _secret(self, name: str) -> str:
        """A secret kept in the data folder, so sessions and the bucket survive a restart."""
        path = self.data_dir / name
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(40))
            path.chmod(0o600)
        return path.read_text().strip()

    def env(self) -> dict[str, str]:
        """The production settings as a real deployment sets them, for this machine."""
        base = {k: v for k, v in os.environ.items() if k not in UNSET and not k.startswith("AWS_")}
        return base | {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": self._secret("secret-key"),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            # Plain HTTP on the loopback address: no TLS in front here (README).
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "WAGTAILADMIN_BASE_URL": self.url,
            # The cache appends the client's address to X-Forwarded-For.
            "SUBMISSIONS_PROXY_COUNT": "1",
            # The demo site's pages are addressed through the cache.
            "DEMO_SITE_HOSTNAME": HOST,
            "DEMO_SITE_PORT": str(self.ports.public),
            # Media in the bucket; purges to the cache.
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": self.s3_url,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_S3_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": S3_ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": self._secret("s3-secret-key"),
            "FRONTEND_CACHE_URL": self.url,
            # The forms' emails go to the stack's own mail server, which keeps them as files.
            "EMAIL_HOST": HOST,
            "EMAIL_PORT": str(self.ports.mail),
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": "0",
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }

    # --- parts

    def _spawn(
        self, name: str, cmd: list[str], env=None, stop_signal=signal.SIGTERM, skip=None
    ) -> Part:
        process = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env or self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: Ctrl-C reaches us, not it
        )
        part = Part(name, process, stop_signal)
        part.reader = self.output.follow(name, process.stdout, skip)
        self.parts[name] = part
        return part

    def _wait_for(self, name: str, check, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            part = self.parts.get(name)
            if part is not None and part.process.poll() is not None:
                raise RuntimeError(f"{name} exited with code {part.process.returncode}")
            if check():
                return
            time.sleep(0.2)
        raise RuntimeError(f"{name} did not start within {timeout:.0f} s")

    def manage(self, *args: str, quiet: bool = False, check: bool = True) -> int:
        """Run a management command with the stack's settings, its output prefixed `setup`."""
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        lines = [raw.decode(errors="replace").rstrip() for raw in process.stdout]
        code = process.wait()
        if not quiet or code:
            for line in lines:
                self.output.line("setup", line)
        if check and code:
            raise RuntimeError(f"manage.py {' '.join(args)} failed with exit code {code}")
        if quiet:
            self.output.line("setup", f"{args[0]}: done in {time.monotonic() - started:.0f} s")
        return code

    @property
    def mail_dir(self) -> Path:
        return self.data_dir / "mail"

    def start_mail(self) -> None:
        self._spawn(
            "mail",
            [sys.executable, "-m", "deploy.mail", str(self.ports.mail), str(self.mail_dir)],
        )
        self._wait_for("mail", lambda: _listening(self.ports.mail))

    def start_storage(self) -> None:
        data = self.data_dir / "seaweedfs"
        data.mkdir(parents=True, exist_ok=True)
        config = self.data_dir / "s3.json"
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": "app",
                            "credentials": [
                                {
                                    "accessKey": S3_ACCESS_KEY,
                                    "secretKey": self._secret("s3-secret-key"),
                                }
                            ],
                            "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                        },
                        # The cache reads images and renditions without credentials.
                        {"name": "anonymous", "actions": [f"Read:{BUCKET}"]},
                    ]
                },
                indent=2,
            )
        )
        config.chmod(0o600)
        master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = (
            self.ports.storage
        )
        weed = shutil.which("weed", path=str(Path(sys.executable).parent)) or shutil.which("weed")
        if weed is None:
            raise RuntimeError("SeaweedFS is not installed: run `make install-dev`.")
        self._spawn(
            "storage",
            [
                weed,
                "-logtostderr=true",
                "server",
                f"-dir={data}",
                f"-ip={HOST}",
                f"-ip.bind={HOST}",
                f"-master.port={master}",
                f"-master.port.grpc={master_grpc}",
                "-master.volumeSizeLimitMB=64",
                "-master.telemetry=false",
                f"-volume.port={volume}",
                f"-volume.port.grpc={volume_grpc}",
                "-volume.max=16",
                "-filer",
                f"-filer.port={filer}",
                f"-filer.port.grpc={filer_grpc}",
                "-s3",
                f"-s3.port={s3}",
                f"-s3.port.grpc={s3_grpc}",
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                f"-s3.config={config}",
            ],
            stop_signal=signal.SIGINT,
            skip=_storage_chatter,
        )
        self._wait_for("storage", self._bucket_ready)

    def _s3(self, **kwargs):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="us-east-1",
            aws_access_key_id=S3_ACCESS_KEY,
            aws_secret_access_key=self._secret("s3-secret-key"),
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
            **kwargs,
        )

    def _bucket_ready(self) -> bool:
        """Make the bucket if it is missing; True once the S3 gateway has it."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            client = self._s3()
            names = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
            if BUCKET not in names:
                client.create_bucket(Bucket=BUCKET)
            return True
        except (BotoCoreError, ClientError, OSError):
            return False

    def write_backends_vcl(self) -> Path:
        """site.vcl and this machine's backends.vcl, in a folder Varnish's user can read."""
        if self.varnish_dir is None:
            self.varnish_dir = Path(tempfile.mkdtemp(prefix="difference-stack-varnish-"))
            self._own_varnish_dir = True
        folder = self.varnish_dir
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
        shutil.copy(VCL, folder / VCL.name)
        (folder / VCL.name).chmod(0o644)
        backends = "\n".join(
            f"backend app{n} {{\n"
            f'    .host = "{HOST}";\n'
            f'    .port = "{port}";\n'
            "    .probe = app_health;\n"
            "    .connect_timeout = 1s;\n"
            "    .first_byte_timeout = 60s;\n"
            "}\n"
            for n, port in enumerate(self.ports.app, start=1)
        )
        adds = "".join(f"    app.add_backend(app{n});\n" for n in range(1, 3))
        path = folder / "backends.vcl"
        path.touch(mode=0o644)
        path.write_text(
            f"""# Written by deploy/stack.py for this machine: the app servers, the bucket, who may purge.
# The health check asks each app server for /robots.txt every second; two failures out of the
# last three take it out of the rotation.

probe app_health {{
    .request = "GET /robots.txt HTTP/1.1"
        "Host: {HOST}"
        "User-Agent: varnish-health-check"
        "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}}

{backends}
backend media {{
    .host = "{HOST}";
    .port = "{self.ports.s3}";
    .connect_timeout = 1s;
}}

acl purgers {{
    "127.0.0.1";
    "::1";
}}

sub vcl_init {{
    new app = directors.round_robin();
{adds}}}

# /media/<key> is <key> in the bucket, read from the S3 gateway without credentials.
sub media_fetch {{
    set bereq.url = regsub(bereq.url, "^/media/", "/{BUCKET}/");
    set bereq.http.Host = "{HOST}:{self.ports.s3}";
    unset bereq.http.Cookie;
}}
"""
        )
        return folder

    def start_cache(self) -> None:
        for binary in (VARNISHD, VARNISHNCSA):
            if not Path(binary).exists():
                raise RuntimeError(
                    f"{binary} is missing: install Debian's varnish (`make stack` does, as root)."
                )
        folder = self.write_backends_vcl()
        workdir = self.varnish_dir / "work"
        workdir.mkdir(parents=True, exist_ok=True)
        self._spawn(
            "cache",
            [
                VARNISHD,
                "-F",
                "-n",
                str(workdir),
                "-a",
                f"{HOST}:{self.ports.public}",
                "-T",
                "none",
                "-p",
                f"vcl_path={folder}",
                "-f",
                VCL.name,
                "-s",
                "malloc,256m",
                # Nothing the app did not mark public is kept (the VCL says so too).
                "-p",
                "default_ttl=0",
                "-p",
                "default_grace=0",
            ],
        )
        self._wait_for(
            "cache", lambda: self._answers(self.url + "/.varnish-ready", any_status=True)
        )

    def start_access_log(self) -> None:
        """The cache's request log: one line per request, with hit, miss or pass."""
        workdir = self.varnish_dir / "work"
        self._spawn(
            "access",
            [
                VARNISHNCSA,
                "-n",
                str(workdir),
                "-F",
                '%h "%r" %s %b %{X-Cache}o %Dus',
            ],
        )

    def _answers(self, url: str, *, any_status: bool = False) -> bool:
        request = urllib.request.Request(url, headers={"Host": HOST})  # noqa: S310 - local
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - local
                return any_status or response.status == 200
        except urllib.error.HTTPError:
            return any_status
        except (urllib.error.URLError, OSError):
            return False

    def start_app(self, number: int) -> None:
        name = f"app{number}"
        port = self.ports.app[number - 1]
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self._spawn(
            name,
            [
                str(gunicorn),
                "website.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(self.workers),
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--access-logfile",
                "-",
                "--access-logformat",
                '%(h)s "%(r)s" %(s)s %(b)s %(M)sms',
            ],
            skip=_health_checks,
        )
        self._wait_for(name, lambda: self._answers(f"http://{HOST}:{port}/robots.txt"))

    def start_worker(self) -> None:
        self._spawn(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--backend", "durable"],
        )

    def ensure_database(self) -> bool:
        """Create the database if it is missing; True if it was."""
        import psycopg
        from psycopg import sql

        parts = urlsplit(self.database_url)
        name = parts.path.lstrip("/")
        admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return not exists

    def drop_database(self) -> None:
        import psycopg
        from psycopg import sql

        parts = urlsplit(self.database_url)
        admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(parts.path.lstrip("/"))
                )
            )

    def setup(self, *, clear_cache: bool = False) -> None:
        """Database, static files, demo content and an admin account, before the app servers."""
        created = self.ensure_database()
        self.manage("migrate", "--noinput", quiet=True)
        self.manage("collectstatic", "--noinput", quiet=True)
        if clear_cache:
            self.manage(
                "shell", "-c", "from django.core.cache import cache; cache.clear()", quiet=True
            )
        # Once per database: the loader would change nothing, but it takes a while to see that.
        marker = self.data_dir / f"demo-loaded-{urlsplit(self.database_url).path.lstrip('/')}"
        if created or not marker.exists():
            self.output.line("setup", "Loading the demo content...")
            self.manage("load_demo_content", quiet=True)
            marker.touch()
        self.manage("ensure_admin")

    def start(self, *, clear_cache: bool = False) -> None:
        """Every part, in order; on any failure, whatever started is stopped again."""
        try:
            self.start_mail()
            self.start_storage()
            # The cache comes before the content: loading it purges pages, and finds the cache.
            self.start_cache()
            self.setup(clear_cache=clear_cache)
            self.start_access_log()
            for number in (1, 2):
                self.start_app(number)
            self.start_worker()
        except BaseException:
            self.stop()
            raise

    def stop_part(self, name: str) -> None:
        part = self.parts.pop(name, None)
        if part is None or part.process.poll() is not None:
            return
        try:
            os.killpg(part.process.pid, part.stop_signal)
        except ProcessLookupError:
            return
        try:
            part.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(part.process.pid, signal.SIGKILL)
            part.process.wait(timeout=STOP_TIMEOUT)
        if part.reader is not None:
            part.reader.join(timeout=2)

    def stop(self) -> None:
        """Stop every part, the last started first."""
        for name in reversed(list(self.parts)):
            self.stop_part(name)
        if self._own_varnish_dir:
            shutil.rmtree(self.varnish_dir, ignore_errors=True)
            self.varnish_dir = None
            self._own_varnish_dir = False

    def describe(self) -> str:
        storage = self.ports.storage
        return "\n".join(
            [
                "",
                f"  The site, through the cache  {self.url}/",
                f"  The admin                    {self.url}/admin/",
                f"  App servers (uncached)       {self.app_url(1)}/  {self.app_url(2)}/",
                f"  Object storage (S3)          {self.s3_url}/ (bucket '{BUCKET}')",
                f"  SeaweedFS master, filer      http://{HOST}:{storage[0]}/  http://{HOST}:{storage[4]}/",
                f"  Mail (kept, never sent)      smtp://{HOST}:{self.ports.mail} -> {self.mail_dir}/",
                f"  Database                     {self.database_url}",
                f"  Redis                        {self.redis_url}",
                f"  Varnish's files              {self.varnish_dir}/ (varnishlog -n {self.varnish_dir}/work)",
                f"  Data                         {self.data_dir.relative_to(ROOT) if self.data_dir.is_relative_to(ROOT) else self.data_dir}/",
                "",
                "  Ctrl-C stops everything.",
                "",
            ]
        )

    def wait(self) -> int:
        """Until Ctrl-C or SIGTERM, or until a part stops by itself (an error: exit 1)."""
        while True:
            for name, part in self.parts.items():
                if part.process.poll() is not None:
                    self.output.line(
                        name, f"stopped by itself (exit code {part.process.returncode})"
                    )
                    return 1
            time.sleep(0.5)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    stack = Stack.from_env()
    if argv[:1] == ["manage"]:
        args = argv[1:]
        if len(args) == 1:
            args = shlex.split(args[0])
        if not args:
            raise SystemExit('usage: make stack-manage CMD="command and arguments"')
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=stack.env(), check=False
        ).returncode
    if argv:
        raise SystemExit(__doc__.split("\n\n")[1])

    def stop_on_sigterm(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_sigterm)
    # Started in the background by a shell, SIGINT arrives ignored: Ctrl-C must still stop us.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    code = 0
    try:
        stack.start()
        stack.output.line("stack", "Ready." + stack.describe())
        code = stack.wait()
    except KeyboardInterrupt:
        stack.output.line("stack", "Stopping...")
    except RuntimeError as error:
        stack.output.line("stack", f"Could not start: {error}")
        code = 1
    finally:
        # A second Ctrl-C must not leave parts running: stopping takes seconds at most.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()
    stack.output.line("stack", "Stopped.")
    return code


if __name__ == "__main__":
    sys.exit(main())
