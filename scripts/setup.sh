#!/usr/bin/env bash
# Install what qogam needs on a fresh Debian machine with Python 3.11:
# system tools from Debian (Tesseract with Russian and Kazakh, poppler, antiword,
# LibreOffice Writer, Chromium for browser tests, PostgreSQL for its tests) and the
# Python package with its dependencies in .venv. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Debian's own python3 creates virtual environments only with python3-venv (ensurepip).
python3 -c "import ensurepip" 2>/dev/null || need_apt+=(python3-venv)
command -v tesseract >/dev/null || need_apt+=(tesseract-ocr)
[ -f /usr/share/tesseract-ocr/5/tessdata/rus.traineddata ] || need_apt+=(tesseract-ocr-rus)
[ -f /usr/share/tesseract-ocr/5/tessdata/kaz.traineddata ] || need_apt+=(tesseract-ocr-kaz)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
command -v antiword >/dev/null || need_apt+=(antiword)
command -v catdoc >/dev/null || need_apt+=(catdoc)
command -v soffice >/dev/null || need_apt+=(libreoffice-writer-nogui)
if [ "${QOGAM_SETUP_BROWSER:-1}" = 1 ]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
fi
if [ "${QOGAM_SETUP_POSTGRES:-0}" = 1 ]; then
  [ -x /usr/lib/postgresql/15/bin/postgres ] || need_apt+=(postgresql)
fi
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "qogam setup: please install with root rights: apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
  echo "qogam setup: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.qogam-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
