"""`make screenshots`: every page type on a phone and a desktop, light and dark, plus print PDFs as PNGs.

Writes to build/screenshots/ (not committed) from the site `make build` wrote to site/, so a reviewer
can look at every page the way a trainee, a trainer and a board see it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from conftest import REPO, chromium_path, serve_folder  # noqa: E402
from pages import PAGE_TYPES, SCREENS  # noqa: E402

OUT = REPO / "build" / "screenshots"
# Printed pages: what trainers and learners put on paper (the workbook is left out: it is hundreds of pages).
PIECE = 2400  # tall pages are cut into pieces this many CSS pixels high, so each can be viewed whole
MAX_PIECES = 16  # the workbook is hundreds of screens long: its first pieces show every part of it
PRINTED = ("module", "trainer-edition", "answer-key", "study-record", "progress", "board-standard")


def shoot(browser, url: str) -> None:
    for screen, viewport in SCREENS.items():
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
            page = context.new_page()
            for name, path in PAGE_TYPES.items():
                page.goto(f"{url}/{path}")
                page.wait_for_load_state("networkidle")
                save_pieces(page, f"{screen}-{scheme}-{name}")
            context.close()


def save_pieces(page, stem: str) -> None:
    """The whole page from top to bottom, as numbered pieces (one piece for a short page)."""
    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.viewport_size["width"]
    pieces = min(MAX_PIECES, -(-height // PIECE))
    for i in range(pieces):
        clip = {"x": 0, "y": i * PIECE, "width": width, "height": min(PIECE, height - i * PIECE)}
        suffix = f"-{i + 1:02d}" if pieces > 1 else ""
        page.screenshot(path=OUT / f"{stem}{suffix}.png", full_page=True, clip=clip)


def print_pages(browser, url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for name in PRINTED:
        page.goto(f"{url}/{PAGE_TYPES[name]}")
        page.wait_for_load_state("networkidle")
        pdf = OUT / f"print-{name}.pdf"
        page.pdf(path=pdf, format="Letter", print_background=True)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(OUT / f"print-{name}")], check=True)
    context.close()
    if not shutil.which("pdftoppm"):
        print("pdftoppm (Debian: poppler-utils) not found: print PDFs written, but not turned into PNGs.")


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = REPO / "site"
    if not (site / "index.html").is_file():
        print("No built site in site/: run `make build` first.")
        return 1
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    url, server = serve_folder(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
            shoot(browser, url)
            print_pages(browser, url)
            browser.close()
    finally:
        server.shutdown()
    print(f"{len(list(OUT.glob('*.png')))} screenshots in {OUT.relative_to(REPO)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
