"""A translated edition of the curriculum: texts from the translations, everything else from the English.

Minutes, kinds, topics, ids, correct answers, pass marks, pairs' matching, orders and references are
the English curriculum's own objects, so a translation can never change a figure a board audits or
an answer a quiz grades. A module, quiz or page without a translation yet is shown in English, with
a short notice in the edition's language and `lang="en"` on the English text.
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import ValidationError

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.load import Loaded, Module
from peerpath.curriculum.readings import headings
from peerpath.curriculum.translation_checks import (
    ALL_TEXT_FIELDS,
    anchored_headings,
    english_headings,
    listing_problems,
    module_problems,
    quiz_problems,
)
from peerpath.curriculum.translations import TranslationFile, Translations
from peerpath.curriculum.validation import field_path
from peerpath.i18n import N_, gettext
from peerpath.models.course import Course, Topic
from peerpath.models.evaluation import EvaluationForm
from peerpath.models.module import ModuleMeta
from peerpath.models.quiz import Quiz
from peerpath.problems import Problem

NOTICE = N_("This part is not translated yet, so it is shown in English.")


def translation_problems(loaded: Loaded, found: Translations, form: EvaluationForm | None) -> list[Problem]:
    """Every way the translations are out of step with their English sources."""
    problems = list(found.problems)
    modules = {m.meta.id: m for m in loaded.modules}
    quizzes = {q.quiz.module: q.quiz for q in loaded.quizzes}
    for module_id, translation in found.modules.items():
        problems += module_problems(modules[module_id], translation)
    for module_id, translation in found.quizzes.items():
        shape = quiz_problems(quizzes[module_id], translation)
        problems += shape or translated_quiz(quizzes[module_id], translation)[1]
    if found.course and loaded.course:
        problems += _parts(loaded.course, found.course)
    if found.topics and loaded.topics:
        doc = found.topics.doc
        problems += listing_problems(doc, "topics", list(loaded.topics), list(found.topics.texts.topics), "topic")
    if found.evaluation and form:
        problems += _evaluation(form, found.evaluation)
    return problems


def review_warnings(found: Translations) -> list[Problem]:
    """A module translation no second person has reviewed against the English and the glossary."""
    return [
        Problem(
            t.path,
            1,
            "reviewed",
            "warning: no review recorded; have someone who did not translate it check it against the English "
            "and the glossary, then add a reviewed: entry",
        )
        for t in found.modules.values()
        if not t.texts.reviewed
    ]


def _parts(course: Course, translation: TranslationFile) -> list[Problem]:
    expected, got = len(course.parts), len(translation.texts.parts)
    if expected == got:
        return []
    doc = translation.doc
    line = doc.line_of(("parts", expected)) if got > expected else doc.line_of(("parts",))
    return [Problem(doc.path, line, "parts", f"the English course has {expected} parts, this translation {got}")]


def _evaluation(form: EvaluationForm, translation: TranslationFile) -> list[Problem]:
    doc, texts = translation.doc, translation.texts
    groups = list(dict.fromkeys(q.group for q in form.questions if q.group))
    problems = listing_problems(doc, "questions", [q.id for q in form.questions], list(texts.questions), "question")
    return problems + listing_problems(doc, "groups", groups, list(texts.groups), "group")


def translated_curriculum(english: Curriculum, found: Translations, form: EvaluationForm | None) -> Curriculum:
    """The edition in `found.lang`; call it only when `translation_problems` found nothing."""
    notice = gettext(found.lang)(NOTICE)
    modules, quizzes = [], dict(english.quizzes)
    for module in english.modules:
        translation = found.modules.get(module.meta.id)
        modules.append(translated_module(module, translation) if translation else in_english(module, notice))
    for module_id, quiz in english.quizzes.items():
        if module_id in found.quizzes:
            quizzes[module_id] = translated_quiz(quiz, found.quizzes[module_id])[0] or quiz
    topics = dict(english.topics)
    if found.topics:
        topics.update(
            {k: Topic(label=v.label, description=v.description) for k, v in found.topics.texts.topics.items()}
        )
    return replace(
        english,
        course=_course(english.course, found.course),
        topics=topics,
        modules=modules,
        quizzes=quizzes,
        lang=found.lang,
        untranslated=frozenset(m.meta.id for m in english.modules if m.meta.id not in found.modules),
        untranslated_quizzes=frozenset(set(english.quizzes) - set(found.quizzes)),
        evaluation=_form(form, found.evaluation),
    )


def translated_module(english: Module, translation: TranslationFile) -> Module:
    texts = translation.texts
    by_anchor = {text_anchor(text): text for _, _, text in headings(translation.body)}
    english_anchors: dict[str, str] = {}
    for _, text, anchor in english_headings(english.body):  # a reading names the first of repeated headings
        english_anchors.setdefault(_key(text), anchor)

    def section(heading: str) -> str:
        """A reading names its sections by heading text: the translated heading with the same anchor."""
        return by_anchor.get(english_anchors.get(_key(heading), ""), heading)

    agenda = [
        segment.model_copy(update={"title": t.title, "sections": [section(h) for h in segment.sections]})
        for segment, t in zip(english.meta.agenda, texts.agenda, strict=True)
    ]
    meta: ModuleMeta = english.meta.model_copy(
        update={
            "title": texts.title,
            "summary": texts.summary,
            "objectives": list(texts.objectives),
            "agenda": agenda,
            "references": [*english.meta.references, *texts.extra_references],
        }
    )
    return Module(meta, translation.body, translation.path, translation.doc)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_anchor(heading: str) -> str | None:
    """The explicit anchor a heading as written ends with (`Regalos {#gifts}` -> gifts)."""
    found = [anchor for _, _, text, anchor in anchored_headings(f"## {heading}\n") if anchor]
    return found[0] if found else None


def in_english(module: Module, notice: str) -> Module:
    return Module(module.meta, english_body(module.body, notice), module.path, module.doc)


def english_body(markdown: str, notice: str) -> str:
    """English Markdown inside a translated page: the notice, then the text marked as English."""
    return f'<p class="pp-untranslated">{notice}</p>\n\n<div lang="en" markdown>\n\n{markdown.strip()}\n\n</div>\n'


def translated_quiz(english: Quiz, translation: TranslationFile) -> tuple[Quiz | None, list[Problem]]:
    """The English quiz with the translation's texts; the quiz rules (distinct choices...) apply to them too."""
    data = english.model_dump()
    data["questions"] = [_overlay(q, t) for q, t in zip(data["questions"], translation.texts.questions, strict=True)]
    try:
        return Quiz.model_validate(data), []
    except ValidationError as error:
        doc = translation.doc
        return None, [
            Problem(doc.path, doc.line_of(tuple(e["loc"])), field_path(tuple(e["loc"])), _message(e))
            for e in error.errors(include_url=False)
        ]


def _message(error: dict) -> str:
    return str(error["msg"]).removeprefix("Value error, ") + " (in this translation)"


def _overlay(question: dict, text) -> dict:
    question = dict(question)
    for name in ALL_TEXT_FIELDS:
        value = getattr(text, name)
        if value is None or name not in question:
            continue
        if name in ("choices", "items", "pairs"):
            by_id = {t.id: t.model_dump(exclude_none=True, exclude={"id"}) for t in value}
            question[name] = [{**item, **by_id.get(item["id"], {})} for item in question[name]]
        elif name == "questions":
            by_id = {t.id: t for t in value}
            question[name] = [_overlay(q, by_id[q["id"]]) for q in question[name]]
        else:
            question[name] = list(value) if isinstance(value, list) else value
    return question


def _course(course: Course, translation: TranslationFile | None) -> Course:
    if translation is None:
        return course
    texts = translation.texts
    parts = [p.model_copy(update={"title": t.title}) for p, t in zip(course.parts, texts.parts, strict=True)]
    return course.model_copy(update={"title": texts.title, "parts": parts})


def _form(form: EvaluationForm | None, translation: TranslationFile | None) -> EvaluationForm | None:
    if form is None or translation is None:
        return form
    texts = translation.texts
    questions = [
        q.model_copy(update={"text": texts.questions[q.id], "group": texts.groups.get(q.group) if q.group else None})
        for q in form.questions
    ]
    return form.model_copy(
        update={"title": texts.title, "intro": texts.intro, "scale": list(texts.scale), "questions": questions}
    )
