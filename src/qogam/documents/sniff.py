"""What a file really is, from its first bytes and (for ZIP and OLE2 containers) its parts.

The name's extension is never trusted: a JPEG saved as «устав.docx» is an image,
an encrypted DOCX is an OLE2 container, a .doc may be RTF.
"""

from __future__ import annotations

import io
import zipfile

from .archive import read_member
from .errors import DocumentError

_UNSUPPORTED_REMEDY = "Send the charter as DOCX, PDF, ODT, DOC, RTF, plain text or a scan (JPEG, PNG, TIFF)."

# magic prefix -> (kind, what it is for the message)
_FOREIGN = [
    (b"\x7fELF", "an executable program (ELF)"),
    (b"MZ", "a Windows program (EXE/DLL)"),
    (b"\xca\xfe\xba\xbe", "a compiled program"),
    (b"\xcf\xfa\xed\xfe", "a compiled program (Mach-O)"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"GIF8", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"ID3", "an audio file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
]
_IMAGES = [b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*"]
_ODF_TEXT = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")


def unsupported(name: str, what: str) -> DocumentError:
    return DocumentError(name, f"the file is {what}, not a document qogam can read", _UNSUPPORTED_REMEDY, "document.unsupported")


def sniff(data: bytes, name: str) -> str:
    """One of "zip", "pdf", "ole2", "image", "rtf", "text"; raises for known non-documents."""
    head = data[:16]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole2"
    if any(head.startswith(magic) for magic in _IMAGES):
        return "image"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise unsupported(name, "a WebP image")
    for magic, what in _FOREIGN:
        if head.startswith(magic):
            if magic == b"MZ" and b"PE\x00\x00" not in data[:4096] and b"This program" not in data[:512]:
                continue  # plain text may start with "MZ"
            if magic == b"BM" and not _looks_bmp(data):
                continue
            raise unsupported(name, what)
    return "text"


def _looks_bmp(data: bytes) -> bool:
    return len(data) > 26 and int.from_bytes(data[2:6], "little") in (len(data), 0) and data[6:10] == b"\0\0\0\0"


def zip_kind(archive: zipfile.ZipFile, name: str) -> str:
    """"docx" or "odt" for a ZIP container, else DocumentError."""
    names = set(archive.namelist())
    if "word/document.xml" in names or _content_type_says_word(archive, names):
        return "docx"
    if "mimetype" in names:
        mimetype = (read_member(archive, "mimetype", name) or b"").strip()
        if mimetype in _ODF_TEXT:
            return "odt"
        if mimetype.startswith(b"application/vnd.oasis.opendocument"):
            kind = mimetype.rsplit(b".", 1)[-1].decode("ascii", "replace")
            raise unsupported(name, f"an OpenDocument {kind} file")
    if "content.xml" in names and b"<office:text" in (read_member(archive, "content.xml", name) or b""):
        return "odt"
    if "xl/workbook.xml" in names:
        raise unsupported(name, "an Excel workbook")
    if "ppt/presentation.xml" in names:
        raise unsupported(name, "a PowerPoint presentation")
    raise unsupported(name, "a ZIP archive that holds no Word or OpenDocument text (unpack it first)")


def _content_type_says_word(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if "[Content_Types].xml" not in names:
        return False
    types = read_member(archive, "[Content_Types].xml", "") or b""
    return b"wordprocessingml.document.main+xml" in types or b"ms-word.document.macroEnabled.main+xml" in types or (
        b"wordprocessingml.template.main+xml" in types
    )


def ole2_kind(data: bytes, name: str) -> str:
    """"doc" for a Word 97–2003 file; DocumentError for encrypted or non-Word OLE2 files."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, TypeError) as exc:  # olefile raises OSError for bad files
        raise DocumentError(
            name,
            f"the file looks like a Word 97–2003 document but is damaged ({exc})",
            "Open it in Word or LibreOffice, save it as DOCX and try again.",
            "document.corrupt",
        ) from exc
    try:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise _encrypted(name)
        if ole.exists("WordDocument"):
            fib = ole.openstream("WordDocument").read(12)
            flags = int.from_bytes(fib[10:12], "little") if len(fib) >= 12 else 0
            if flags & 0x0100:  # FIB fEncrypted
                raise _encrypted(name)
            return "doc"
        if ole.exists("Workbook") or ole.exists("Book"):
            raise unsupported(name, "an Excel 97–2003 workbook")
        if ole.exists("PowerPoint Document"):
            raise unsupported(name, "a PowerPoint 97–2003 presentation")
    finally:
        ole.close()
    raise unsupported(name, "an OLE2 container (Microsoft Office) that is not a Word document")


def _encrypted(name: str) -> DocumentError:
    return DocumentError(
        name,
        "the Word document is password-protected (encrypted)",
        "Open it in Word with the password, remove the protection (File → Info → Protect Document), save and try again.",
        "document.encrypted",
    )
