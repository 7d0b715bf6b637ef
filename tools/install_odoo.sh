#!/usr/bin/env bash
# Install the suite's baseline Odoo 18.0 (the 2025-08-21 tree) into python3,
# from a clone of the public snapshot github.com/dglezz1/odoo-18.0 (a bare
# mirror works too), as README.md "Supported Odoo builds" says. Run as root on
# Debian (apt-get); nothing of Odoo goes into this repository.
#   tools/install_odoo.sh <clone-or-git-dir> [target, default /opt/odoo18]
set -euo pipefail
SRC="${1:?usage: tools/install_odoo.sh <clone-or-git-dir> [target]}"
TARGET="${2:-/opt/odoo18}"
TREE=c93630ab          # odoo/ and addons/ of Odoo 18.0 on 2025-08-21
REQUIREMENTS=2268dca3  # later commits only swap psycopg2 for psycopg2-binary
PY="${PYTHON:-python3}"
cd "$(dirname "$0")/.."
mkdir -p "$TARGET"
git --git-dir="$(git -C "$SRC" rev-parse --absolute-git-dir)" archive "$TREE" \
    odoo addons odoo-bin setup.py setup.cfg setup MANIFEST.in LICENSE COPYRIGHT README.md \
    | tar -x -C "$TARGET"
git --git-dir="$(git -C "$SRC" rev-parse --absolute-git-dir)" show \
    "$REQUIREMENTS:requirements.txt" > "$TARGET/requirements.txt"
# cbor2 of that file does not build with the setuptools Odoo needs
sed -i 's/^cbor2.*/cbor2==5.6.5/' "$TARGET/requirements.txt"
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        libldap2-dev libsasl2-dev libpq-dev chromium gettext
fi
"$PY" -m pip install -q 'setuptools<70' wheel
"$PY" -m pip install -q --no-build-isolation -r "$TARGET/requirements.txt"
"$PY" -m pip install -q --no-deps --no-build-isolation -e "$TARGET"
"$PY" -m pip install -q -r requirements.txt -r requirements-dev.txt
"$PY" -c "import odoo.release as r; print('Odoo', r.version, 'in', r.__file__)"
