#!/usr/bin/env bash
# Build the Linux bundle and its .tar.gz, then smoke-test the bundled executable headless.
#   packaging/linux/build.sh            -> dist/desk-crm-<version>-linux-<arch>.tar.gz
# Needs the project's .venv (./dev creates it); installs PyInstaller into it when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=.venv/bin/python
[ -x "$python" ] || { echo "build: run ./dev test (or ./dev run) once to create .venv" >&2; exit 1; }
"$python" -c 'import PyInstaller' 2>/dev/null || "$python" -m pip install --quiet -e '.[build]'

version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
arch=$(uname -m)
started=$(date +%s)
"$python" -m PyInstaller build.spec --noconfirm --clean --log-level WARN
echo "build: bundle built in $(( $(date +%s) - started )) s, $(du -sh dist/desk-crm | cut -f1)"

# Smoke test: a fresh data dir, migrations, main window offscreen, self-checks, exit 0.
smoke_dir=$(mktemp -d)
trap 'rm -rf "$smoke_dir"' EXIT
QT_QPA_PLATFORM=offscreen dist/desk-crm/desk-crm --self-test --data-dir "$smoke_dir/data"
[ -f "$smoke_dir/data/crm.sqlite3" ] || { echo "build: the bundle created no database" >&2; exit 1; }

# The archive: the bundle, a .desktop entry and icon, and an install script for ~/.local.
stage="$smoke_dir/desk-crm-$version"
mkdir -p "$stage"
cp -a dist/desk-crm "$stage/desk-crm"
cp packaging/linux/desk-crm.desktop resources/icons/desk-crm.png "$stage/"
cp packaging/linux/install.sh "$stage/"
tarball="dist/desk-crm-$version-linux-$arch.tar.gz"
tar -C "$smoke_dir" -czf "$tarball" "desk-crm-$version"
echo "build: $tarball ($(du -h "$tarball" | cut -f1))"
