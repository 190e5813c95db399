#!/usr/bin/env bash
# macOS: wrap dist/Desk CRM.app (built by `pyinstaller build.spec`) into a compressed .dmg
# with an /Applications link.   packaging/macos/build_dmg.sh 0.1.0
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?usage: build_dmg.sh VERSION}
app="dist/Desk CRM.app"
[ -d "$app" ] || { echo "build_dmg: $app not found; run pyinstaller build.spec first" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Desk CRM" -srcfolder "$stage" -ov -format UDZO \
    "dist/desk-crm-$version-macos.dmg"
echo "build_dmg: dist/desk-crm-$version-macos.dmg"
