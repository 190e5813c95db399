#!/usr/bin/env sh
# Install Desk CRM for the current user: ~/.local/opt/desk-crm, a launcher and a menu entry.
# The bundle needs the system's OpenGL/EGL libraries (Debian/Ubuntu: libgl1 libegl1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" \
    "$prefix/share/icons/hicolor/256x256/apps"
rm -rf "$prefix/opt/desk-crm"
cp -a "$here/desk-crm" "$prefix/opt/desk-crm"
ln -sf "$prefix/opt/desk-crm/desk-crm" "$prefix/bin/desk-crm"
cp "$here/desk-crm.png" "$prefix/share/icons/hicolor/256x256/apps/desk-crm.png"
sed "s|^Exec=desk-crm|Exec=$prefix/bin/desk-crm|" "$here/desk-crm.desktop" \
    > "$prefix/share/applications/desk-crm.desktop"
echo "Desk CRM installed in $prefix/opt/desk-crm; start it from the menu or with desk-crm."
echo "To uninstall: rm -rf $prefix/opt/desk-crm $prefix/bin/desk-crm $prefix/share/applications/desk-crm.desktop"
