"""The learner workbook: the course on paper or offline, one page per part so a phone and a printer cope.

The whole course on one page was 1.3 MB of HTML and over 300 printed pages; a part is a day or two of
training, a size a learner can load on a cheap phone and print on the morning they need it.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerpath.curriculum.crosscheck import Curriculum, slugify
from peerpath.curriculum.hours import contact_minutes, total_minutes
from peerpath.curriculum.load import Module
from peerpath.curriculum.notes import strip_facilitator_notes
from peerpath.i18n import SOURCE_LANGUAGE
from peerpath.site.markdown_links import demote_headings, rebase_links
from peerpath.templating import render

FOLDER = "workbook"


@dataclass
class WorkbookPart:
    number: int
    title: str
    path: str  # inside the docs folder, e.g. workbook/ethical-responsibility.md
    modules: list[Module]
    minutes: int


def workbook_parts(curriculum: Curriculum) -> list[WorkbookPart]:
    """The course's parts, each with a page name that stays the same while its title does."""
    parts, used = [], set()
    for number, (title, modules) in enumerate(curriculum.parts(), start=1):
        name = slugify(title) or f"part-{number}"
        if name in used:
            name = f"{name}-{number}"
        used.add(name)
        minutes = total_minutes(m.meta for m in modules)
        parts.append(WorkbookPart(number, title, f"{FOLDER}/{name}.md", modules, minutes))
    return parts


def workbook_pages(
    curriculum: Curriculum, boxes: dict[str, str], quizzes: dict[str, str], lang: str = SOURCE_LANGUAGE
) -> dict[str, str]:
    """workbook.md (the parts, with hours) and one page per part with its modules and paper quizzes."""
    parts = workbook_parts(curriculum)
    pages = {
        "workbook.md": render(
            "workbook.md.j2",
            lang,
            course=curriculum.course,
            parts=parts,
            modules_count=len(curriculum.modules),
            total_minutes=total_minutes(m.meta for m in curriculum.modules),
        )
    }
    for part in parts:
        entries = [_entry(module, boxes, quizzes) for module in part.modules]
        pages[part.path] = render("workbook_part.md.j2", lang, course=curriculum.course, part=part, modules=entries)
    return pages


def _entry(module: Module, boxes: dict[str, str], quizzes: dict[str, str]) -> dict:
    body = demote_headings(strip_facilitator_notes(module.body)).strip()
    return {
        "id": module.meta.id,
        "title": module.meta.title,
        "anchor": f"module-{module.meta.id}",
        "minutes": contact_minutes(module.meta),
        "box": boxes[module.meta.id],
        "body": rebase_links(body, "../modules"),
        "quiz_html": quizzes.get(module.meta.id, ""),
    }
