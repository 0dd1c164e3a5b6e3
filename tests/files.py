"""Files as a browser would send them: real PDFs and images, and hostile look-alikes."""

import io

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject


def pdf_bytes(pages: int = 1) -> bytes:
    """A real PDF of blank A4 pages, as a scanner or a word processor would write one."""
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_running_javascript() -> bytes:
    """A valid PDF that runs a script as soon as it is opened (/OpenAction)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('owned')"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_disguising(payload: bytes) -> bytes:
    """Anything, wrapped in the first and last bytes of a PDF (what a naive check accepts)."""
    return b"%PDF-1.4\n" + payload + b"\n%%EOF\n"
