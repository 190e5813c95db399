"""Start a real Tryton 8.2 server on a free loopback port, for the sync tests and the bench.

The Tryton venv comes from tools/remote_servers/tryton_env.sh (or $DESK_CRM_TRYTON_VENV).
Creating a database takes ~20 s, so the first run builds a template (modules activated,
CNY currency, a company with an employee for the admin user) in the venv's folder and each
server starts from a copy of it.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "admin-secret"
DATABASE = "crm"
MODULES = ("party", "company", "currency", "product", "sale", "sale_opportunity")


def tryton_venv() -> Path:
    override = os.environ.get("DESK_CRM_TRYTON_VENV")
    if override and (Path(override) / ".desk-crm-tryton-8.2").exists():
        return Path(override)
    script = ROOT / "tools" / "remote_servers" / "tryton_env.sh"
    out = subprocess.run([str(script)], check=True, capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class TrytonServer:
    venv: Path
    folder: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.folder / "trytond.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _config(self) -> Path:
        config = self.folder / "trytond.conf"
        config.write_text(f"[database]\nuri = sqlite://\npath = {self.folder}\n"
                          f"[web]\nlisten = 127.0.0.1:{self.port}\n"
                          "[session]\nmax_attempt = 1000\n")
        return config

    def start(self, port: int | None = None) -> None:
        self.port = port or self.port or free_port()
        config = self._config()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [str(self.venv / "bin" / "trytond"), "-c", str(config), "-d", DATABASE],
                stdout=log, stderr=subprocess.STDOUT, cwd=self.folder)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.raw_call("common.server.version", [], path="/rpc/")
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.log.read_text()[-2000:]) from None
                time.sleep(0.1)
        raise RuntimeError("trytond did not answer")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start(self.port)

    def raw_call(self, method: str, params: list, *, path: str | None = None,
                 auth: str | None = None) -> object:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path or f'/{DATABASE}/rpc/'}",
            json.dumps({"id": 1, "method": method, "params": params}).encode(),
            {"Content-Type": "application/json"})
        if auth:
            request.add_header("Authorization", auth)
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            raise RuntimeError(answer["error"])
        return answer.get("result")

    def admin(self) -> Admin:
        return Admin(self)


class Admin:
    """Direct JSON-RPC as the server's own user: the 'other side' in tests."""

    def __init__(self, server: TrytonServer) -> None:
        self.server = server
        user_id, session = server.raw_call("common.db.login",
                                           ["admin", {"password": PASSWORD}, "en"])[:2]
        self.auth = "Session " + base64.b64encode(
            f"admin:{user_id}:{session}".encode()).decode()
        self.user_id = user_id

    def __call__(self, method: str, *args: object, context: dict | None = None) -> object:
        return self.server.raw_call(method, [*args, context or {}], auth=self.auth)


def _build_template(venv: Path, template: Path) -> None:
    work = template.parent / "building"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / f"{DATABASE}.sqlite").touch()
    password = work / "password"
    password.write_text(PASSWORD)
    server = TrytonServer(venv, work)
    config = server._config()
    subprocess.run([str(venv / "bin" / "trytond-admin"), "-c", str(config), "-d", DATABASE,
                    "--all", "--activate-dependencies", "-u", *MODULES,
                    "--email", "admin@example.com"],
                   check=True, env={**os.environ, "TRYTONPASSFILE": str(password)},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server.start()
    try:
        admin = server.admin()
        rounding = {"__class__": "Decimal", "decimal": "0.01"}
        currency = admin("model.currency.currency.create",
                         [{"name": "Yuan", "code": "CNY", "symbol": "¥",
                           "rounding": rounding, "digits": 2}])[0]
        party = admin("model.party.party.create", [{"name": "Desk Test Company"}])[0]
        company = admin("model.company.company.create",
                        [{"party": party, "currency": currency}])[0]
        admin("model.res.user.write", [admin.user_id],
              {"companies": [["add", [company]]], "company": company})
        employee = admin("model.company.employee.create",
                         [{"party": party, "company": company}])[0]
        admin("model.res.user.write", [admin.user_id],
              {"employees": [["add", [employee]]], "employee": employee})
    finally:
        server.stop()
    _copy_database(work / f"{DATABASE}.sqlite", template)
    shutil.rmtree(work, ignore_errors=True)


def _copy_database(source: Path, target: Path) -> None:
    # Through SQLite's backup API: the server leaves recent commits in the -wal file.
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def start_server(folder: Path) -> TrytonServer:
    venv = tryton_venv()
    template = venv / "desk-crm-template" / f"{DATABASE}.sqlite"
    if not template.exists():
        template.parent.mkdir(parents=True, exist_ok=True)
        _build_template(venv, template)
    folder.mkdir(parents=True, exist_ok=True)
    _copy_database(template, folder / f"{DATABASE}.sqlite")
    server = TrytonServer(venv, folder)
    server.start()
    return server
