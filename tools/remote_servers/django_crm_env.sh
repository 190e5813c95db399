#!/usr/bin/env bash
# Provision what the django-crm ("BottleCRM") 1.35 sync tests need on a Debian machine:
# PostgreSQL binaries, a Python >= 3.12 and a venv with the server in it. Idempotent and
# quick when everything is already there. Prints the venv's python on the last line.
#
# Exit codes: 0 ready; 3 a prerequisite cannot be had here (no Python >= 3.12, or no
# PostgreSQL and no way to install it) - the tests then skip with the reason printed;
# anything else is a real failure.
#
# Environment: DJCRM_VENV (default $HOME/.cache/desk-crm/djcrm-venv), DJCRM_PYTHON (a
# specific interpreter to use).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

venv=${DJCRM_VENV:-$HOME/.cache/desk-crm/djcrm-venv}
# Bump when the wanted packages change, so an existing venv is refreshed once.
requirements="django-crm==1.35.* packaging gunicorn"
stamp="$venv/.desk-crm-installed"

find_pg_bin() {
    # Debian keeps server binaries outside PATH; some images link them into /usr/local/bin.
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        # (follow links: psql and postgres live beside the real initdb)
        dirname "$(readlink -f "$(command -v initdb)")"; return 0
    fi
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! pg_bin=$(find_pg_bin); then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "djcrm-env: installing postgresql"
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null
        # Debian's package starts a cluster of its own; the tests run a private one.
        command -v pg_ctlcluster >/dev/null 2>&1 &&
            pg_ctlcluster --force "$(ls /usr/lib/postgresql | sort -V | tail -1)" main stop \
                2>/dev/null || true
    fi
    if ! pg_bin=$(find_pg_bin); then
        echo "djcrm-env: PostgreSQL's initdb/pg_ctl not found and cannot be installed here" >&2
        exit 3
    fi
fi
# initdb refuses to run as root: the tests run it as the postgres user, which must exist.
if ! id postgres >/dev/null 2>&1; then
    # (not root: the tests run PostgreSQL as the current user instead)
    [ "$(id -u)" = 0 ] &&
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

pick_python() {
    local candidate
    # 3.12 first: the version the server's behaviour was checked with.
    for candidate in "${DJCRM_PYTHON:-}" python3.12 \
            $(ls -d "$HOME"/.pyenv/versions/3.12*/bin/python3 2>/dev/null | sort -V -r) \
            python3.13 \
            $(ls -d "$HOME"/.pyenv/versions/3.1[3-9]*/bin/python3 2>/dev/null | sort -V -r) \
            python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
                "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 12))' \
                2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

# Debian splits venv/ensurepip out of python3: add it where python3 itself is new enough.
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ] &&
        python3 -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null &&
        ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    echo "djcrm-env: installing python3-venv"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi

if [ ! -x "$venv/bin/python" ] ||
        ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    if ! python=$(pick_python); then
        echo "djcrm-env: django-crm 1.35 needs Python >= 3.12 with venv; none found" \
             "(looked at python3.12/3.13, ~/.pyenv/versions/3.12+, python3)" >&2
        exit 3
    fi
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    "$python" -m venv "$venv"
fi

if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$requirements" ]; then
    echo "djcrm-env: installing $requirements into $venv"
    # (pip's configuration may name local mirrors that do not exist: drop those warnings)
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $requirements \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    echo "$requirements" > "$stamp"
fi
# A half-finished install must not pass for a ready one.
"$venv/bin/python" -c 'import crm, gunicorn, packaging' || {
    echo "djcrm-env: the venv at $venv lacks crm/gunicorn/packaging" >&2; exit 1; }
echo "djcrm-env: ready (PostgreSQL in $pg_bin)"
echo "$venv/bin/python"
