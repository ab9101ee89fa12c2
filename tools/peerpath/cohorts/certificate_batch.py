"""Many certificates at once: drawn as pages of one PDF, then split into one file per learner.

Embedding the fonts is most of the cost of a one-page PDF (fpdf2 cuts them down and encodes them again
for every document). Drawn together, a batch embeds them once; each learner's file then gets its own
pages, the fonts they use, and its own title. Certificates come out about twice as fast.
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader, PdfWriter

from peerpath.cohorts.certificate_pdf import CertificateData, document_title, render_pdf
from peerpath.cohorts.pdf_layout import Fonts, document


def render_batch(batch: list[CertificateData], paper: str, fonts: Fonts) -> list[bytes]:
    """One PDF per certificate, in batch order; each holds only its own pages (a transcript may have two)."""
    if not batch:
        return []
    pdf = document(document_title(batch[0]), paper, fonts)
    pages: list[tuple[int, int]] = []  # first and last page (from 1) of each certificate
    for n, data in enumerate(batch):
        if n:
            pdf.add_page()
        first = pdf.page
        render_pdf(data, paper, fonts, into=pdf)
        pages.append((first, pdf.page))
    reader = PdfReader(BytesIO(bytes(pdf.output())))
    return [
        _pages_as_pdf(reader, first, last, document_title(data))
        for (first, last), data in zip(pages, batch, strict=True)
    ]


def _pages_as_pdf(reader: PdfReader, first: int, last: int, title: str) -> bytes:
    writer = PdfWriter()
    for number in range(first, last + 1):
        writer.add_page(reader.pages[number - 1])
    writer.add_metadata({"/Title": title, "/Creator": "PeerPath"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
