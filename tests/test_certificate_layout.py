"""Small pieces of the certificate layout, checked without issuing anything."""

from __future__ import annotations

from peerpath.cohorts.certificate_pdf import dark_runs


def test_qr_rows_are_drawn_as_one_rectangle_per_run_of_dark_modules():
    assert dark_runs([1, 1, 0, 1, 0, 0, 1, 1, 1]) == [(0, 2), (3, 1), (6, 3)]
    assert dark_runs([0, 0, 0]) == []
