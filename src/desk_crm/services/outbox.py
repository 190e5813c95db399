"""E-mails written as .eml files into <data dir>/outbox, for the system mail program to
open and send — works offline and needs no SMTP settings."""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path


def write_eml(outbox: Path, *, subject: str, body: str, to: str = "", sender: str = "",
              attachments: tuple[Path, ...] = ()) -> Path:
    """An unsent message with *attachments* (PDFs); returns the .eml file's path."""
    message = EmailMessage()
    message["Subject"] = subject
    if to:
        message["To"] = to
    if sender:
        message["From"] = sender
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="desk-crm.local")
    message["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    message.set_content(body)
    for path in attachments:
        message.add_attachment(path.read_bytes(), maintype="application",
                               subtype="pdf" if path.suffix.lower() == ".pdf" else "octet-stream",
                               filename=path.name)
    outbox.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", subject)[:60] or "message"
    target = outbox / f"{stem}.eml"
    counter = 1
    while target.exists():
        counter += 1
        target = outbox / f"{stem}-{counter}.eml"
    target.write_bytes(bytes(message))
    return target
