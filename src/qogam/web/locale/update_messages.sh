#!/usr/bin/env bash
# Refresh the ru/kk/en catalogues from the web and registry code, then compile them.
# Needs GNU gettext (xgettext, msgfmt). The compiled .mo files are committed, so
# running the app never needs gettext.
set -euo pipefail
cd "$(dirname "$0")/../.."   # src/qogam
ignore=()
for dir in */; do
  dir=${dir%/}
  case $dir in registry|web) ;; *) ignore+=(-i "$dir/*") ;; esac
done
export DJANGO_SETTINGS_MODULE=qogam.web.settings QOGAM_VAR_DIR="${TMPDIR:-/tmp}/qogam-messages"
django_admin="$(dirname "$(command -v python3)")/django-admin"
[ -x ../../.venv/bin/django-admin ] && django_admin=../../.venv/bin/django-admin
"$django_admin" makemessages -l ru -l kk -l en --no-location "${ignore[@]}"
cd web && "../$django_admin" compilemessages 2>/dev/null || "$django_admin" compilemessages
