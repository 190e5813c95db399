"""Which system libraries Qt needs and this machine lacks, named as Debian/Ubuntu packages.

    .venv/bin/python tools/system_check.py [--gui] [--install]

Run by ./dev after the virtual environment is ready. ``ldd`` on PySide6's Qt libraries
and platform plugins lists what the dynamic loader cannot find (offscreen for tests,
also xcb with --gui for a real window). With --install, as root with apt-get, the
packages are installed; otherwise the exact apt-get command is printed and the exit
status is 1. Exit 0 when nothing is missing (or on systems without ldd: macOS, Windows).
Only the standard library is used: PySide6 itself may be what cannot load.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Library file -> Debian package (bookworm names; Ubuntu 22.04+ uses the same).
PACKAGES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb-glx.so.0": "libxcb-glx0",
    "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
}
NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)


def qt_files(gui: bool) -> list[Path]:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    files = [qt / "lib" / "libQt6Gui.so.6", qt / "lib" / "libQt6Widgets.so.6",
             qt / "plugins" / "platforms" / "libqoffscreen.so"]
    if gui:
        files += [qt / "plugins" / "platforms" / "libqxcb.so",
                  qt / "lib" / "libQt6XcbQpa.so.6"]
    return [path for path in files if path.exists()]


def missing_libraries(gui: bool) -> list[str]:
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    missing: set[str] = set()
    for path in qt_files(gui):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                                check=False)
        missing.update(NOT_FOUND.findall(result.stdout))
    return sorted(missing)


def has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return True  # cannot tell; Qt will say if it finds no font
    result = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True,
                            text=True, check=False)
    return bool(result.stdout.strip())


def main(argv: list[str]) -> int:
    gui, install = "--gui" in argv, "--install" in argv
    libraries = missing_libraries(gui)
    packages = sorted({PACKAGES.get(name, "") for name in libraries} - {""})
    unknown = [name for name in libraries if name not in PACKAGES]
    if not has_cjk_font():
        print("dev: no Chinese font found; the zh_CN interface would show boxes "
              "(Debian/Ubuntu: fonts-wqy-microhei)")
    if not libraries:
        return 0
    print("dev: Qt cannot load; missing system libraries: " + ", ".join(libraries))
    if unknown:
        print("dev: no known package for: " + ", ".join(unknown))
    if not packages:
        return 1
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    can_install = (install and shutil.which("apt-get") is not None
                   and hasattr(os, "geteuid") and os.geteuid() == 0)
    if not can_install:
        print("dev: install them with:  sudo " + " ".join(command))
        return 1
    print("dev: installing " + " ".join(packages) + " with apt-get …", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    installed = subprocess.run(command, check=False).returncode == 0
    return 0 if installed and not missing_libraries(gui) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
