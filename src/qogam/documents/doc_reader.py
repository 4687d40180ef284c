"""Legacy Word 97–2003 (.doc) and RTF → Document through external converters.

Measured on a .doc made by LibreOffice from a DOCX with automatic numbering:
antiword and catdoc both drop automatically numbered clause numbers ("1.1.") and
keep only the text; LibreOffice's conversion to DOCX keeps them, and the DOCX
reader then rebuilds them. So the order is: ``soffice --convert-to docx`` (about
1 s), then ``antiword -w 0`` (tens of ms, no numbers), then ``catdoc``. Every
converter runs with a time limit, in its own process group (killed whole on
time-out), and LibreOffice with a throw-away profile so parallel runs do not
collide.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from .archive import open_zip
from .docx_reader import read_docx
from .errors import DocumentError
from .model import Document
from .pipe_tables import blocks_from_antiword
from .structure import paragraphs_from_blocks
from .txt_reader import read_plain_text

DEFAULT_TIMEOUT = 120.0


class ConverterFailed(Exception):
    """One converter could not produce text; the next one is tried."""


def read_legacy(path: Path, name: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT) -> Document:
    """Read a .doc (``fmt`` "doc") or RTF (``fmt`` "rtf") file at ``path``."""
    attempts = [("LibreOffice", _via_libreoffice)]
    if fmt == "doc":
        attempts += [("antiword", _via_antiword), ("catdoc", _via_catdoc)]
    failures = []
    for label, convert in attempts:
        try:
            document = convert(path, name, timeout)
        except ConverterFailed as exc:
            failures.append(f"{label}: {exc}")
            continue
        if label == "LibreOffice" and fmt == "doc" and not any(p.column is not None for p in document.paragraphs):
            alternative = _antiword_table_reading(path, name, timeout)
            if alternative is not None:
                alternative.format = fmt
                alternative.warnings.append(
                    "LibreOffice lost the table of this file (its cells' text ran together), so antiword "
                    "read it instead: automatic clause numbers, if any, are lost"
                )
                return alternative
        document.format = fmt
        if label != "LibreOffice":
            document.warnings.append(
                f"read with {label}: automatic clause numbers, if any, are lost (install LibreOffice to keep them)"
            )
        return document
    what = "Word 97–2003 (.doc)" if fmt == "doc" else "RTF"
    raise DocumentError(
        name,
        f"the {what} file could not be converted ({'; '.join(failures) or 'no converter installed'})",
        "Save it as DOCX in Word or LibreOffice and try again (or install libreoffice-writer-nogui and antiword).",
        "document.unreadable",
    )


def _antiword_table_reading(path: Path, name: str, timeout: float) -> Document | None:
    """antiword's reading of a .doc in which antiword sees a table, else None.

    LibreOffice 7.4 has been seen to import a .doc table (one antiword draws fine)
    as a single paragraph of all its cells' text run together. antiword costs tens
    of milliseconds next to LibreOffice's second, so a .doc that came back from
    LibreOffice without any table is checked with it.
    """
    try:
        alternative = _via_antiword(path, name, timeout)
    except ConverterFailed:
        return None
    if not any(p.column is not None for p in alternative.paragraphs):
        return None
    return alternative


def run_tool(command: list[str], timeout: float, cwd: str | None = None) -> subprocess.CompletedProcess:
    """Run a converter with a hard time limit; the whole process group dies on time-out."""
    if shutil.which(command[0]) is None:
        raise ConverterFailed("not installed")
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            cwd=cwd, start_new_session=True,
        )
    except OSError as exc:
        raise ConverterFailed(str(exc)) from exc
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(process)
        raise ConverterFailed(f"no answer within {timeout:.0f} s") from exc
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _kill_group(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


_PROFILE_LOCK = threading.Lock()
_profile_dir: str | None = None


def _profile() -> str:
    """A LibreOffice user profile private to this process, made once (creating one costs ~1.5 s)."""
    global _profile_dir
    if _profile_dir is None or not Path(_profile_dir).exists():
        _profile_dir = tempfile.mkdtemp(prefix=f"qogam-lo-profile-{os.getpid()}-")
        atexit.register(shutil.rmtree, _profile_dir, True)
    return _profile_dir


def _via_libreoffice(path: Path, name: str, timeout: float) -> Document:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ConverterFailed("not installed")
    suffix = path.suffix.lower() if path.suffix.lower() in (".doc", ".rtf") else ".doc"
    with tempfile.TemporaryDirectory(prefix="qogam-lo-") as work, _PROFILE_LOCK:
        # One conversion at a time per profile: LibreOffice refuses a profile in use.
        source = Path(work) / f"input{suffix}"
        shutil.copyfile(path, source)
        result = run_tool(
            [office, f"-env:UserInstallation=file://{_profile()}", "--headless", "--norestore",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", f"{work}/out", str(source)],
            timeout,
        )
        produced = Path(work) / "out" / "input.docx"
        if not produced.exists():
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[:200]
            raise ConverterFailed(detail or f"exit status {result.returncode}, no output")
        data = produced.read_bytes()
    return read_docx(open_zip(data, name), name)


def _via_antiword(path: Path, name: str, timeout: float) -> Document:
    result = run_tool(["antiword", "-w", "0", "-m", "UTF-8.txt", str(path)], timeout)
    text = result.stdout.decode("utf-8", "replace")
    if result.returncode != 0 or not text.strip():
        detail = result.stderr.decode("utf-8", "replace").strip()[:200]
        raise ConverterFailed(detail or f"exit status {result.returncode}")
    # antiword -w 0 writes each paragraph on one line, paragraphs apart by blank lines,
    # and tables as |cell|cell| lines wrapped inside each cell.
    return Document(name=name, format="doc", paragraphs=paragraphs_from_blocks(blocks_from_antiword(text)))


def _via_catdoc(path: Path, name: str, timeout: float) -> Document:
    result = run_tool(["catdoc", "-d", "utf-8", "-w", str(path)], timeout)
    text = result.stdout.decode("utf-8", "replace")
    if result.returncode != 0 or not text.strip():
        detail = result.stderr.decode("utf-8", "replace").strip()[:200]
        raise ConverterFailed(detail or f"exit status {result.returncode}")
    return read_plain_text(text, name, fmt="doc")
