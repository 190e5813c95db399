"""Render resources/icons/desk-crm.svg into the per-OS icon files the installers need:
desk-crm.png (256 px, Linux .desktop), desk-crm.ico (Windows), desk-crm.icns (macOS).

Run after changing the SVG: ``.venv/bin/python tools/make_icons.py`` (commit the output).
The .icns container is written by hand (PNG entries), so no macOS tool is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICNS_TYPES = {32: b"ic11", 64: b"ic12", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_icns(renderer: QSvgRenderer, target: Path) -> None:
    chunks = b""
    for size, kind in ICNS_TYPES.items():
        payload = png_bytes(render(renderer, size))
        chunks += kind + struct.pack(">I", len(payload) + 8) + payload
    target.write_bytes(b"icns" + struct.pack(">I", len(chunks) + 8) + chunks)


def write_ico(renderer: QSvgRenderer, target: Path) -> None:
    # ICO with PNG-compressed entries (supported since Windows Vista).
    sizes = (16, 24, 32, 48, 64, 128, 256)
    images = [png_bytes(render(renderer, size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    for size, payload in zip(sizes, images, strict=True):
        dimension = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(payload),
                               offset)
        offset += len(payload)
    target.write_bytes(header + entries + b"".join(images))


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage text/SVG rendering needs it)
    renderer = QSvgRenderer(str(ICONS / "desk-crm.svg"))
    if not renderer.isValid():
        raise SystemExit("desk-crm.svg could not be read")
    render(renderer, 256).save(str(ICONS / "desk-crm.png"))
    write_ico(renderer, ICONS / "desk-crm.ico")
    write_icns(renderer, ICONS / "desk-crm.icns")
    print("wrote", ", ".join(p.name for p in sorted(ICONS.glob("desk-crm.*"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
