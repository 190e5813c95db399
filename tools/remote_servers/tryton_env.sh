#!/usr/bin/env bash
# A private virtual environment with Tryton 8.2 (trytond + the CRM-ish modules) for the sync
# tests and bench/sync_tryton.py. Kept apart from the app's venv: Tryton is a test server,
# never a dependency of Desk CRM. Idempotent and quick when already there.
# Prints the venv's path on stdout (last line).
set -euo pipefail
venv="${DESK_CRM_TRYTON_VENV:-$HOME/.cache/desk-crm/tryton-venv}"
python="${PYTHON:-python3}"
stamp="$venv/.desk-crm-tryton-8.2"
if [ ! -f "$stamp" ]; then
    "$python" -m venv "$venv" >&2
    "$venv/bin/pip" install -q --disable-pip-version-check \
        'trytond>=8.2,<8.3' 'trytond-party>=8.2,<8.3' 'trytond-sale>=8.2,<8.3' \
        'trytond-sale-opportunity>=8.2,<8.3' 'trytond-product>=8.2,<8.3' \
        'trytond-company>=8.2,<8.3' 'trytond-currency>=8.2,<8.3' >&2
    touch "$stamp"
fi
echo "$venv"
