"""Opening ZIP-based documents (DOCX, ODT) safely: bomb checks and XML without entities."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from .errors import DocumentError

MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """What a document archive may unpack to before we refuse it as a zip bomb."""

    max_total: int = 200 * MB  # declared uncompressed size of all members together
    max_ratio: float = 100.0  # uncompressed / compressed, for members larger than…
    ratio_checked_above: int = 10 * MB


# No DTDs, entities or network: a document's XML never needs them.
XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


def open_zip(data: bytes, name: str, limits: ZipLimits = ZipLimits()) -> zipfile.ZipFile:
    """A ZipFile over ``data`` after checking the directory's declared sizes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise DocumentError(
            name,
            f"the file is a damaged or incomplete ZIP/DOCX archive ({exc})",
            "Open it in Word or LibreOffice and save it again, or send the complete file.",
            "document.corrupt",
        ) from exc
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.ratio_checked_above and ratio > limits.max_ratio:
            raise _bomb(name, f"part {member.filename} unpacks {ratio:.0f} times larger than stored")
    if total > limits.max_total:
        raise _bomb(name, f"it would unpack to {total // MB} MB")
    return archive


def _bomb(name: str, detail: str) -> DocumentError:
    return DocumentError(
        name,
        f"the archive looks like a zip bomb: {detail}",
        "A charter never needs this much; save the document again from Word or LibreOffice.",
        "document.zip-bomb",
    )


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
    """Bytes of one archive member, None when it is absent."""
    try:
        return archive.read(member)
    except KeyError:
        return None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise DocumentError(
            name,
            f"part {member} of the archive cannot be unpacked ({exc})",
            "Open the file in Word or LibreOffice and save it again.",
            "document.corrupt",
        ) from exc


def parse_xml(data: bytes, name: str, member: str) -> etree._Element:
    try:
        return etree.fromstring(data, XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(
            name,
            f"part {member} is not well-formed XML ({exc})",
            "Open the file in Word or LibreOffice and save it again.",
            "document.corrupt",
        ) from exc


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target as an archive member name."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))
