"""Demo documents written in code: a one-page PDF with real (selectable) text, nothing downloaded."""

import hashlib
import io

from django.core.files import File

from wagtail.documents import get_document_model


def _pdf_text(text: str) -> str:
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page A4 PDF 1.4 with the lines in Helvetica, and a title and language."""
    commands = ["BT", "/F1 12 Tf", "16 TL", "56 780 Td"]
    commands += [f"({_pdf_text(line)}) Tj T*" for line in lines]
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (" + _pdf_text(title).encode("latin-1") + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(out)


def get_or_create_document(title: str, filename: str, lines: list[str]):
    """The document with this title, written the first time it is asked for."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing, False
    data = simple_pdf(title, lines)
    document = Document(
        title=title,
        file_size=len(data),
        # The same hash Wagtail stores for uploads, used to spot duplicate files.
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    document.file = File(io.BytesIO(data), name=filename)
    document.save()
    return document, True
