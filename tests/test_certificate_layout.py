"""Small pieces of the certificate layout, checked without issuing anything."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from peerpath.cohorts.certificate_batch import render_batch
from peerpath.cohorts.certificate_pdf import CertificateData, DomainLine, dark_blocks, dark_runs, font_files, render_pdf


def test_qr_rows_are_drawn_as_one_rectangle_per_run_of_dark_modules():
    assert dark_runs([1, 1, 0, 1, 0, 0, 1, 1, 1]) == [(0, 2), (3, 1), (6, 3)]
    assert dark_runs([0, 0, 0]) == []


def test_the_same_run_on_rows_below_is_one_taller_rectangle():
    # (column, row, width, height): the run at column 0 spans rows 0-1; the lone module on row 1 stays alone.
    assert dark_blocks([[1, 1, 0, 0], [1, 1, 0, 1], [0, 0, 0, 0]]) == [(0, 0, 2, 2), (3, 1, 1, 1)]
    assert dark_blocks([[1], [1], [1]]) == [(0, 0, 1, 3)]
    assert dark_blocks([]) == []


def _learner(name: str, missing: int) -> CertificateData:
    return CertificateData(
        kind="transcript" if missing else "certificate",
        organisation="Fixture RCO",
        learner_name=name,
        course_title="Course",
        course_version="1",
        cohort_title="Cohort",
        cohort_dates="2027-01-04 to 2027-01-08",
        delivery="in person",
        total_hours=3,
        standard_name="Board",
        domains=[DomainLine("Ethics", 1, 1)],
        trainers=["Dana Okafor"],
        issued="2027-01-08",
        code=None if missing else "AAAA-BBBB-CCCC",
        verify_text=None if missing else "AAAA-BBBB-CCCC",
        missing=[f"Module {n}: 60 of 60 minutes not attended" for n in range(missing)],
    )


def test_a_batch_gives_each_learner_a_file_with_only_their_own_pages():
    batch = [_learner("Ana Ruiz", 0), _learner("Bo Chen", 70), _learner("Cy Diaz", 0)]
    pdfs = [PdfReader(BytesIO(data)) for data in render_batch(batch, "letter", font_files())]
    alone = [len(PdfReader(BytesIO(render_pdf(data, "letter", font_files()))).pages) for data in batch]
    assert [len(pdf.pages) for pdf in pdfs] == alone and alone[1] > 1  # 70 missing modules run onto more pages
    for pdf, data in zip(pdfs, batch, strict=True):
        text = " ".join(page.extract_text() for page in pdf.pages)
        assert data.learner_name in text
        assert not any(other.learner_name in text for other in batch if other is not data)
    assert pdfs[1].metadata.title == "Transcript: Course"
