"""A real django-crm ("BottleCRM") 1.35 server on 127.0.0.1 for the adapter tests.

PostgreSQL runs from a private data directory on a free port (as the ``postgres`` user when we
are root: initdb refuses root); the app connects as a non-superuser role because its row-level
security does not apply to superusers. ``django-admin migrate`` takes ~100 s, so the first run
keeps a stopped, migrated data directory (with an organisation and a personal access token
already made) as a template under ``~/.cache/desk-crm``; later runs copy it and start in seconds.

Everything started here is stopped by PID in :meth:`DjangoCrmServer.stop`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENV_SCRIPT = REPO / "tools" / "remote_servers" / "django_crm_env.sh"
CACHE = Path(os.environ.get("DESK_CRM_CACHE", Path.home() / ".cache" / "desk-crm"))
# Bump when the template's contents change (roles, org, token), so old caches are rebuilt.
TEMPLATE_FORMAT = "1"
ORG_NAME = "Desk CRM tests"
USER_EMAIL = "sync-tests@example.com"
DB_NAME, DB_USER, DB_PASSWORD = "crm", "crm_app", "crm-app-password"
# Fixed, test-only: JWTs minted while building the template must verify later.
SECRET_KEY = "desk-crm-sync-tests-not-a-secret-0123456789abcdef"


class Unavailable(Exception):
    """Python >= 3.12 or PostgreSQL cannot be had here: the tests skip with this reason."""


@dataclass(frozen=True)
class Provisioned:
    python: Path        # the venv's interpreter with django-crm in it
    pg_bin: Path        # directory with initdb, pg_ctl, psql


def provision(timeout: float = 900) -> Provisioned:
    """Run the env script (quick when done already); Unavailable when it exits 3."""
    if not shutil.which("bash"):
        raise Unavailable("bash is needed to provision django-crm")
    result = subprocess.run(["bash", str(ENV_SCRIPT)], capture_output=True, text=True,
                            timeout=timeout, check=False)
    if result.returncode == 3:
        raise Unavailable(result.stderr.strip().splitlines()[-1] if result.stderr.strip()
                          else "django-crm prerequisites are missing")
    if result.returncode != 0:
        raise RuntimeError(f"{ENV_SCRIPT.name} failed ({result.returncode}):\n"
                           f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    lines = result.stdout.strip().splitlines()
    python = Path(lines[-1])
    match = re.search(r"PostgreSQL in (\S+)\)", result.stdout)
    if not match or not python.exists():
        raise RuntimeError(f"unexpected output of {ENV_SCRIPT.name}:\n{result.stdout}")
    return Provisioned(python=python, pg_bin=Path(match.group(1)))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres() -> list[str]:
    """Command prefix running PostgreSQL's tools as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--"]
    return ["su", "postgres", "-s", "/bin/sh", "-c", '"$0" "$@"']


def _chown_postgres(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


class Postgres:
    """One private cluster: ``data`` dir, unix socket inside it, TCP on 127.0.0.1:port."""

    def __init__(self, pg_bin: Path, data: Path) -> None:
        self.pg_bin, self.data = pg_bin, data
        self.port = 0
        self.pid: int | None = None

    def _run(self, *args: str, timeout: float = 120) -> str:
        result = subprocess.run([*_as_postgres(), *args], capture_output=True, text=True,
                                timeout=timeout, check=False, cwd="/")
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}\n{result.stderr}")
        return result.stdout

    def initdb(self) -> None:
        self.data.mkdir(parents=True)
        _chown_postgres(self.data)
        # Local socket: trust (only the postgres user can reach the 0700 data dir);
        # TCP: password, for the app role.
        self._run(str(self.pg_bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                  "--locale=C.UTF-8")

    def start(self) -> None:
        self.port = free_port()
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories={self.data} -c fsync=off "
                   f"-c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.pg_bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.data / "server.log"), "-w", "-t", "60", "start")
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self._run(str(self.pg_bin / "psql"), "-h", str(self.data), "-p", str(self.port),
                         "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
                         "-qAt", "-c", sql)

    def stop(self) -> None:
        """Fast shutdown of the postmaster we started, by its PID."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        try:
            os.kill(pid, 2)                     # SIGINT = PostgreSQL's "fast" shutdown
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not (self.data / "postmaster.pid").exists():
                return
            time.sleep(0.1)
        os.kill(pid, 9)


class DjangoCrmServer:
    """Copies (or first builds) the migrated template, starts PostgreSQL and gunicorn."""

    def __init__(self, provisioned: Provisioned, workdir: Path | None = None) -> None:
        self.python = provisioned.python
        self.pg_bin = provisioned.pg_bin
        # PostgreSQL (as the postgres user) must reach the data dir: not under /root.
        self.workdir = workdir or Path(tempfile.mkdtemp(prefix="desk-crm-djcrm-"))
        os.chmod(self.workdir, 0o755)
        self.postgres: Postgres | None = None
        self.gunicorn: subprocess.Popen[bytes] | None = None
        self.base_url = ""
        self.token = ""
        self.timings: dict[str, float] = {}

    # -- environment -------------------------------------------------------------------
    def _version(self) -> str:
        return subprocess.run(
            [str(self.python), "-c", "import importlib.metadata as m;"
             "print(m.version('django-crm'))"],
            capture_output=True, text=True, check=True).stdout.strip()

    def _env(self, port: int, *, debug: bool = False) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("PYTHON", "VIRTUAL_ENV", "DJANGO"))}
        env.update(
            PATH=f"{self.python.parent}:{env.get('PATH', '/usr/bin:/bin')}",
            DJANGO_SETTINGS_MODULE="crm.settings", SECRET_KEY=SECRET_KEY,
            DBNAME=DB_NAME, DBUSER=DB_USER, DBPASSWORD=DB_PASSWORD,
            DBHOST="127.0.0.1", DBPORT=str(port), ALLOWED_HOSTS="localhost,127.0.0.1",
            # Without these every write tries Redis and answers 500 after 20 s.
            CELERY_BROKER_URL="memory://", CELERY_RESULT_BACKEND="cache+memory://",
            DEBUG="True" if debug else "False",
        )
        return env

    def _django_admin(self, port: int, *args: str, debug: bool = False,
                      timeout: float = 600) -> str:
        result = subprocess.run(
            [str(self.python), "-m", "django", *args], env=self._env(port, debug=debug),
            cwd=self.workdir, capture_output=True, text=True, timeout=timeout, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"django-admin {args[0]} failed:\n{result.stdout[-3000:]}\n"
                               f"{result.stderr[-3000:]}")
        return result.stdout

    # -- template ------------------------------------------------------------------------
    def _template_dir(self) -> Path:
        """Keyed by django-crm's version, PostgreSQL's major version and our format."""
        initdb = subprocess.run([str(self.pg_bin / "initdb"), "--version"],
                                capture_output=True, text=True, check=True).stdout
        major = re.search(r"(\d+)", initdb)
        pg = major.group(1) if major else "pg"
        return CACHE / f"djcrm-template-{self._version()}-pg{pg}-{TEMPLATE_FORMAT}"

    def _build_template(self, target: Path) -> None:
        """initdb + role + migrate + org + token, then stop: a data dir to copy later."""
        staging = Path(tempfile.mkdtemp(prefix="template-", dir=self.workdir))
        os.chmod(staging, 0o755)
        postgres = Postgres(self.pg_bin, staging / "data")
        started = time.monotonic()
        postgres.initdb()
        postgres.start()
        try:
            postgres.psql(f"CREATE ROLE {DB_USER} LOGIN PASSWORD '{DB_PASSWORD}' "
                          "NOSUPERUSER NOCREATEROLE CREATEDB")
            postgres.psql(f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}")
            self.timings["initdb"] = time.monotonic() - started
            started = time.monotonic()
            self._django_admin(postgres.port, "migrate", "--noinput")
            self.timings["migrate"] = time.monotonic() - started
            token = self._make_token(postgres.port)
        finally:
            postgres.stop()
        (staging / "token").write_text(token)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + f".partial-{os.getpid()}")
        shutil.copytree(staging, partial, symlinks=True)
        shutil.rmtree(staging)
        try:
            partial.rename(target)              # atomic: a half-built template never counts
        except OSError:
            if not (target / "data" / "PG_VERSION").exists():
                raise
            shutil.rmtree(partial)              # another session finished first: use theirs

    def _make_token(self, pg_port: int) -> str:
        """Org + personal access token, through a short-lived gunicorn on the template."""
        self._start_gunicorn(pg_port)
        try:
            out = self._django_admin(pg_port, "devlogin", USER_EMAIL, "--create", debug=True)
            jwt = _access_token(out)
            answer = self.request("POST", "/api/org/", {"name": ORG_NAME}, token=jwt)
            if not isinstance(answer, dict):
                raise RuntimeError(f"creating the org answered {answer!r}")
            out = self._django_admin(pg_port, "devlogin", USER_EMAIL, "--org", ORG_NAME,
                                     debug=True)
            jwt = _access_token(out)
            answer = self.request("POST", "/api/profile/tokens/", {"name": "desk-crm tests"},
                                  token=jwt)
            token = str(answer.get("token", "")) if isinstance(answer, dict) else ""
            if not token:
                raise RuntimeError(f"creating the access token answered {answer!r}")
            return token
        finally:
            self._stop_gunicorn()

    def new_org(self, name: str) -> str:
        """A fresh organisation on the running server and a personal access token bound to
        it: a test that compares whole lists sees none of the other tests' records."""
        assert self.postgres is not None, "start() first"
        port = self.postgres.port
        jwt = _access_token(self._django_admin(port, "devlogin", USER_EMAIL, debug=True))
        answer = self.request("POST", "/api/org/", {"name": name}, token=jwt)
        if not isinstance(answer, dict):
            raise RuntimeError(f"creating the org answered {answer!r}")
        jwt = _access_token(self._django_admin(port, "devlogin", USER_EMAIL, "--org", name,
                                               debug=True))
        answer = self.request("POST", "/api/profile/tokens/", {"name": name}, token=jwt)
        token = str(answer.get("token", "")) if isinstance(answer, dict) else ""
        if not token:
            raise RuntimeError(f"creating the access token answered {answer!r}")
        return token

    # -- lifecycle ----------------------------------------------------------------------
    def start(self) -> DjangoCrmServer:
        template = self._template_dir()
        if not (template / "data" / "PG_VERSION").exists():
            started = time.monotonic()
            self._build_template(template)
            self.timings["template"] = time.monotonic() - started
        started = time.monotonic()
        data = self.workdir / "data"
        shutil.copytree(template / "data", data, symlinks=True)
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "postgres:postgres", str(data)], check=True)
        (data / "postmaster.pid").unlink(missing_ok=True)
        self.postgres = Postgres(self.pg_bin, data)
        self.postgres.start()
        self.token = (template / "token").read_text().strip()
        self._start_gunicorn(self.postgres.port)
        self.timings["start"] = time.monotonic() - started
        return self

    def _start_gunicorn(self, pg_port: int) -> None:
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        log = open(self.workdir / "gunicorn.log", "ab")
        self.gunicorn = subprocess.Popen(
            [str(self.python), "-m", "gunicorn", "crm.wsgi:application",
             "-b", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4",
             "--timeout", "60", "--graceful-timeout", "5"],
            env=self._env(pg_port), cwd=self.workdir, stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.gunicorn.poll() is not None:
                raise RuntimeError("gunicorn exited:\n" + self.log_tail())
            try:
                urllib.request.urlopen(self.base_url + "/api/contacts/", timeout=2)
            except urllib.error.HTTPError:
                return                          # 401/403: the app answers
            except OSError:
                time.sleep(0.3)
                continue
            return
        raise RuntimeError("gunicorn did not answer within 90 s:\n" + self.log_tail())

    def _stop_gunicorn(self) -> None:
        if self.gunicorn is None:
            return
        process, self.gunicorn = self.gunicorn, None
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def stop(self) -> None:
        self._stop_gunicorn()
        if self.postgres is not None:
            self.postgres.stop()
            self.postgres = None
        shutil.rmtree(self.workdir, ignore_errors=True)

    def log_tail(self, size: int = 3000) -> str:
        path = self.workdir / "gunicorn.log"
        return path.read_text(errors="replace")[-size:] if path.exists() else ""

    # -- HTTP for set-up and for tests that act as "another user" on the server ---------
    def request(self, method: str, path: str, body: object = None, *,
                token: str | None = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {token or self.token}")
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{method} {path} -> {error.code}: "
                               f"{error.read()[:2000]!r}") from error
        return json.loads(raw) if raw else None


def _access_token(devlogin_output: str) -> str:
    match = re.search(r"access_token:\s*(\S+)", devlogin_output)
    if not match:
        raise RuntimeError(f"devlogin printed no access token:\n{devlogin_output}")
    return match.group(1)


@pytest.fixture(scope="session")
def djcrm_server() -> Iterator[DjangoCrmServer]:
    """One django-crm server for the whole test session; skips when it cannot run here."""
    try:
        provisioned = provision()
    except Unavailable as reason:
        pytest.skip(f"django-crm server unavailable: {reason}")
    server = DjangoCrmServer(provisioned)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    try:
        yield server
    finally:
        server.stop()


def main() -> None:
    """``python tests/sync/django_crm_server.py``: start, print URL + token, wait for Enter."""
    server = DjangoCrmServer(provision()).start()
    try:
        print(json.dumps({"url": server.base_url, "token": server.token,
                          "timings": server.timings}), flush=True)
        input("running; press Enter to stop\n")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
