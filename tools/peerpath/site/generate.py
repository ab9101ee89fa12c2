"""Curriculum -> the generated docs folder (Markdown, HTML fragments, JSON, assets) for any site builder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from peerpath.cohorts.evaluations_page import evaluation_pages
from peerpath.cohorts.registry import read_events, status_by_hash
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes, minutes_by_topic, total_minutes
from peerpath.curriculum.load import Module
from peerpath.curriculum.notes import count_facilitator_notes, strip_facilitator_notes
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.jscatalog import messages_js
from peerpath.models.quiz import Quiz, Reflection
from peerpath.project import Project
from peerpath.site.boards import board_pages
from peerpath.site.labels import QUESTION_TYPE, SEGMENT_KIND, competency_names, words
from peerpath.site.quizview import (
    answer_key_json,
    case_numbers,
    correct_answer_text,
    numbered_questions,
    reflection_prompts,
    vignette_html,
)
from peerpath.site.workbook import workbook_pages
from peerpath.templating import render

ASSETS = "assets/peerpath"
SEARCH_SHIM = "assets/vendor/iframe-worker/shim.js"
PROGRESS_STORAGE_KEY = "peerpath.progress"  # the same name as KEY in static/progress-core.js


def render_pages(
    curriculum: Curriculum,
    project: Project,
    directory_urls: bool = False,
    base: dict | None = None,
    lang: str = SOURCE_LANGUAGE,
) -> dict[str, str | bytes]:
    """Every generated file, by its path inside the docs folder, in `lang`. Pure apart from reading authored pages."""
    pages: dict[str, str | bytes] = {}
    pages.update(authored_pages(project) if curriculum.authored is None else curriculum.authored)
    _ = gettext(lang)
    home = "# " + _("Home") + "\n"
    pages["index.md"] = str(pages.get("index.md", home)) + home_module_table(curriculum, lang)
    blocks = quiz_blocks(curriculum, lang)
    for module in curriculum.modules:
        quiz = curriculum.quizzes.get(module.meta.id)
        pages[f"modules/{module.meta.id}.md"] = learner_page(curriculum, module, blocks.get(module.meta.id, ""), lang)
        pages[f"trainer/{module.meta.id}.md"] = trainer_page(curriculum, module, quiz, lang)
        if quiz:
            pages[f"trainer/answer-keys/{module.meta.id}.md"] = answer_key_page(module, quiz, lang)
    pages["trainer/index.md"] = trainer_index(curriculum, lang)
    pages.update(board_pages(curriculum, base, lang))
    pages.update(progress_pages(curriculum, directory_urls, lang))
    events = read_events(project.registry, project.shown(project.registry))
    pages.update(verify_pages(events, directory_urls, lang))
    pages.update(evaluation_pages(project, curriculum.course, directory_urls, lang, curriculum.evaluation))
    boxes = {m.meta.id: _box(curriculum, m, lang) for m in curriculum.modules}
    pages.update(workbook_pages(curriculum, boxes, blocks, lang))
    for asset in resources.files("peerpath").joinpath("static").iterdir():
        pages[f"{ASSETS}/{asset.name}"] = asset.read_bytes()
    pages[f"{ASSETS}/messages.js"] = messages_js(lang)
    if project.search_shim.is_file():
        pages[SEARCH_SHIM] = project.search_shim.read_bytes()
        pages[SEARCH_SHIM.replace("shim.js", "LICENSE")] = (project.vendor / "iframe-worker" / "LICENSE").read_bytes()
    return pages


def authored_pages(project: Project) -> dict[str, str | bytes]:
    """Pages trainers write directly (home, guides, privacy): copied as they are."""
    pages: dict[str, str | bytes] = {}
    for path in project.authored_files():
        rel = path.relative_to(project.curriculum)
        pages[rel.as_posix()] = path.read_text(encoding="utf-8") if path.suffix == ".md" else path.read_bytes()
    return pages


def _box(curriculum: Curriculum, module: Module, lang: str) -> str:
    return render("module_box.html.j2", lang, meta=module.meta, **_box_context(curriculum, module, lang))


def quiz_html(quiz: Quiz, title: str, lang: str = SOURCE_LANGUAGE) -> str:
    """The interactive (and printable) knowledge check for one quiz."""
    graded = quiz.graded()
    groups = numbered_questions(quiz)
    reflections = sum(isinstance(item.question, Reflection) for _, batch in groups for item in batch)
    html = render(
        "quiz.html.j2",
        lang,
        quiz=quiz,
        title=title,
        groups=groups,
        graded_count=len(graded),
        reflection_count=reflections,
        key_json=Markup(answer_key_json(quiz)),
        cases=case_numbers(quiz),
        vignette=lambda s: Markup(vignette_html(s)),
    )
    # Markdown treats a blank line as the end of a raw HTML block: keep the form in one block.
    return "\n".join(line for line in html.splitlines() if line.strip())


def quiz_blocks(curriculum: Curriculum, lang: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """Module id -> its rendered knowledge check; rendered once, shown on the module page and in the workbook."""
    blocks = {
        module_id: quiz_html(quiz, curriculum.module(module_id).meta.title, lang)
        for module_id, quiz in curriculum.quizzes.items()
    }
    for module_id in curriculum.untranslated_quizzes:  # a quiz with no translation yet, in a translated site
        blocks[module_id] = f'<div lang="en">\n{blocks[module_id]}\n</div>'
    return blocks


def learner_page(curriculum: Curriculum, module: Module, quiz_block: str, lang: str = SOURCE_LANGUAGE) -> str:
    return render(
        "module.md.j2",
        lang,
        meta=module.meta,
        body=strip_facilitator_notes(module.body).strip(),
        quiz_html=quiz_block,
        **_box_context(curriculum, module, lang),
    )


def _box_context(curriculum: Curriculum, module: Module, lang: str) -> dict:
    return {
        "minutes": contact_minutes(module.meta),
        "by_topic": minutes_by_topic(module.meta),
        "topics": curriculum.topics,
        "competency_names": competency_names(lang),
        # a module not translated yet keeps its English title, summary and objectives: mark them as English
        "text_lang": "en" if module.meta.id in curriculum.untranslated else None,
    }


@dataclass
class AgendaRow:
    start: str
    segment: object


def agenda_rows(module: Module) -> list[AgendaRow]:
    """Each segment with its start time from the beginning of the module (0:00)."""
    rows, elapsed = [], 0
    for segment in module.meta.agenda:
        rows.append(AgendaRow(f"{elapsed // 60}:{elapsed % 60:02d}", segment))
        elapsed += segment.minutes
    return rows


def trainer_page(curriculum: Curriculum, module: Module, quiz: Quiz | None, lang: str = SOURCE_LANGUAGE) -> str:
    return render(
        "trainer_module.md.j2",
        lang,
        meta=module.meta,
        kinds=words(SEGMENT_KIND, lang),
        body=module.body.strip(),
        quiz=quiz,
        agenda=agenda_rows(module),
        break_minutes=sum(s.minutes for s in module.meta.agenda if not s.is_contact),
        **_box_context(curriculum, module, lang),
    )


def answer_key_page(module: Module, quiz: Quiz, lang: str = SOURCE_LANGUAGE) -> str:
    return render(
        "answer_key.md.j2",
        lang,
        meta=module.meta,
        quiz=quiz,
        groups=numbered_questions(quiz),
        graded_count=len(quiz.graded()),
        question_types=words(QUESTION_TYPE, lang),
        answer=lambda q: correct_answer_text(q, lang),
        cases=case_numbers(quiz),
        vignette=lambda s: Markup(vignette_html(s)),
    )


def trainer_index(curriculum: Curriculum, lang: str = SOURCE_LANGUAGE) -> str:
    return render(
        "trainer_index.md.j2",
        lang,
        modules=curriculum.modules,
        minutes={m.meta.id: contact_minutes(m.meta) for m in curriculum.modules},
        notes={m.meta.id: count_facilitator_notes(m.body) for m in curriculum.modules},
        quizzes=curriculum.quizzes,
        total_minutes=total_minutes(m.meta for m in curriculum.modules),
    )


def home_module_table(curriculum: Curriculum, lang: str = SOURCE_LANGUAGE) -> str:
    return render(
        "home_modules.md.j2",
        lang,
        course=curriculum.course,
        parts=curriculum.parts(),
        modules_count=len(curriculum.modules),
        minutes={m.meta.id: contact_minutes(m.meta) for m in curriculum.modules},
        total_minutes=total_minutes(m.meta for m in curriculum.modules),
    )


def write_tree(files: dict[str, str | bytes], out: Path) -> list[str]:
    """Make `out` hold exactly `files`; touch only what changed so watchers see no false edits."""
    changed = [rel for rel, content in files.items() if write_file(out / rel, content)]
    if out.is_dir():
        for path in sorted(out.rglob("*"), reverse=True):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def write_file(target: Path, content: str | bytes) -> bool:
    """Write atomically, and only if the content differs; True when the file changed."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)  # only left when the replace failed, e.g. the target is a folder
    return True


def progress_pages(curriculum: Curriculum, directory_urls: bool, lang: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """My progress, the self-study record, and the curriculum data the progress script reads."""
    modules = [
        {
            "id": m.meta.id,
            "title": m.meta.title,
            "path": f"modules/{m.meta.id}/" if directory_urls else f"modules/{m.meta.id}.html",
            "minutes": contact_minutes(m.meta),
            "topics": minutes_by_topic(m.meta),
            "quiz": curriculum.quizzes[m.meta.id].id if m.meta.id in curriculum.quizzes else None,
            "reflections": reflection_prompts(curriculum.quizzes[m.meta.id]) if m.meta.id in curriculum.quizzes else [],
        }
        for m in curriculum.modules
    ]
    total = total_minutes(m.meta for m in curriculum.modules)
    data = {
        "course": curriculum.course.title,
        "version": curriculum.course.version,
        "modules": modules,
        "topics": {k: v.label for k, v in curriculum.topics.items()},
        "totalMinutes": total,
        "progressPath": "progress/" if directory_urls else "progress.html",
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return {
        f"{ASSETS}/curriculum.js": render("curriculum.js.j2", data=Markup(text)),
        "progress.md": render(
            "progress.md.j2",
            lang,
            modules=modules,
            topics=topic_totals(modules, data["topics"]),
            total_minutes=total,
            prefix="../" if directory_urls else "",  # the page is progress/ or progress.html
        ),
        "study-record.md": render("study_record.md.j2", lang, course=curriculum.course),
        "privacy.md": render("privacy.md.j2", lang, storage_key=PROGRESS_STORAGE_KEY),
    }


def topic_totals(modules: list[dict], labels: dict[str, str]) -> list[dict]:
    """Curriculum minutes per topic, in the order topics first appear in the course."""
    minutes: dict[str, int] = {}
    for module in modules:
        for topic, n in module["topics"].items():
            minutes[topic] = minutes.get(topic, 0) + n
    return [{"id": t, "label": labels.get(t, t), "minutes": n} for t, n in minutes.items()]


def verify_pages(events: list[dict], directory_urls: bool, lang: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """The verify page and the registry it checks codes against (hashes only; no names)."""
    registry = status_by_hash(events)
    text = json.dumps(registry, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c")
    return {
        f"{ASSETS}/registry.js": render("registry.js.j2", data=Markup(text)),
        "verify.md": render(
            "verify.md.j2",
            lang,
            assets=f"../{ASSETS}" if directory_urls else ASSETS,  # the page is verify/ or verify.html
            issued=len(registry),
            revoked=sum("revoked" in r for r in registry.values()),
        ),
    }
