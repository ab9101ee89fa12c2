"""Every page type of the shipped site, one example each: what the layout, accessibility and screenshot checks visit."""

from __future__ import annotations

MODULE = "boundaries-and-dual-relationships"

PAGE_TYPES = {
    "home": "index.html",
    "module": f"modules/{MODULE}.html",
    "progress": "progress.html",
    "study-record": "study-record.html",
    "evaluation": "evaluation.html",
    "verify": "verify.html",
    "privacy": "privacy.html",
    "boards": "boards/index.html",
    "board-standard": "boards/icrc-pr.html",
    "crosswalk": "boards/crosswalk.html",
    "trainer-index": "trainer/index.html",
    "trainer-edition": f"trainer/{MODULE}.html",
    "answer-key": f"trainer/answer-keys/{MODULE}.html",
    "authoring-guide": "for-trainers/authoring-guide.html",
    "workbook": "workbook.html",
    "404": "404.html",
}

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}

# Elements wider than the screen, found as a person would notice them: sticking out past the right edge.
# Material's own scroll wrappers (wide tables, code) scroll inside the page, so what is inside them is left out.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const hidden = el => !el.getClientRects().length;
  const inScroller = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (/(auto|scroll)/.test(style.overflowX) && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const chrome = '.md-sidebar, .md-search, .md-header, .md-tabs, .md-skip, .md-tooltip, .md-top, .md-dialog';
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (hidden(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      if (inScroller(el)) continue;
      if (el.closest(chrome)) continue;
      const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/) : [];
      const name = [el.tagName.toLowerCase(), ...classes].join('.');
      wide.push(`${name} ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return wide.slice(0, 10);
}"""
