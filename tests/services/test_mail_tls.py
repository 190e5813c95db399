"""The outbox over encrypted SMTP: STARTTLS and implicit TLS against a real aiosmtpd server
on 127.0.0.1 with a throw-away certificate that the client is told to trust (as a company's
own CA would be). The certificate is checked: an untrusted one keeps the mail queued."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from desk_crm.services.bundle import Services
from desk_crm.services.mail_sender import MailSender
from helpers.db import rows
from services.test_mail_sending import PARTS, Clock, Inbox, _free_port, _people, _settings

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None,
                                reason="openssl makes the test certificate")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def _server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    return context


@pytest.fixture
def trusted(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # ssl.create_default_context() reads the verify locations OpenSSL is pointed at.
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))


def _serve(inbox: Inbox, port: int, **tls: Any) -> Iterator[Controller]:
    controller = Controller(inbox, hostname="127.0.0.1", port=port,
                            server_hostname="localhost", auth_require_tls=True, **tls)
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def starttls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), _free_port()
    for _controller in _serve(inbox, port, tls_context=_server_context(certificate),
                              require_starttls=True):
        yield inbox, port


def test_starttls_sends_over_an_encrypted_session(services: Services, trusted: None,
                                                  starttls_server: tuple[Inbox, int]) -> None:
    inbox, port = starttls_server
    campaign, ids = _people(services)
    settings = _settings(port, security="starttls", username="")
    services.mail.queue(PARTS, ids, campaign, settings)
    clock = Clock()
    result = MailSender(services.context, settings, "", now=clock,
                        sleep=clock.sleep).send_due()
    assert (result.sent, result.failed) == (2, 0)
    assert sorted(r[0][0] for r in inbox.messages) == ["ann@example.com", "zhang@example.com"]


def test_an_untrusted_certificate_keeps_the_mail_queued(
        services: Services, starttls_server: tuple[Inbox, int], database: Any,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    inbox, port = starttls_server
    empty = tmp_path / "no-ca.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    campaign, ids = _people(services)
    settings = _settings(port, security="starttls", username="")
    services.mail.queue(PARTS, ids, campaign, settings)
    clock = Clock()
    result = MailSender(services.context, settings, "", now=clock,
                        sleep=clock.sleep).send_due()
    assert result.sent == 0
    assert result.server_down and "certificate" in result.error.lower()
    assert inbox.messages == []
    queued = rows(database, "SELECT status FROM outbound_email")
    assert {row["status"] for row in queued} == {"queued"}


def test_implicit_tls(services: Services, trusted: None,
                      certificate: tuple[Path, Path]) -> None:
    inbox, port = Inbox(), _free_port()
    for _controller in _serve(inbox, port, ssl_context=_server_context(certificate)):
        campaign, ids = _people(services)
        settings = _settings(port, security="ssl", username="")
        services.mail.queue(PARTS, ids, campaign, settings)
        clock = Clock()
        result = MailSender(services.context, settings, "", now=clock,
                            sleep=clock.sleep).send_due()
        assert (result.sent, result.failed) == (2, 0)
        assert len(inbox.messages) == 2
