"""The validated curriculum: cross-file checks on what `load` read, then one object to generate from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from peerpath.curriculum.load import Loaded, Module, QuizSource, StandardSource
from peerpath.curriculum.readings import reading_problems
from peerpath.curriculum.standard_translations import Translations
from peerpath.models.course import Course, Topic
from peerpath.models.evaluation import EvaluationForm
from peerpath.models.quiz import Quiz, Scenario
from peerpath.models.standard import Standard
from peerpath.problems import Problem


@dataclass
class Curriculum:
    """Everything needed to generate the site, already known to be consistent."""

    course: Course
    topics: dict[str, Topic]
    modules: list[Module]  # in course order
    quizzes: dict[str, Quiz]  # by module id
    standards: dict[str, Standard]  # by standard id
    # A translated edition (curriculum/translated.py) says its language, which modules and quizzes it
    # shows in English because they have no translation yet, its authored pages and its evaluation form.
    lang: str = "en"
    untranslated: frozenset[str] = frozenset()  # module ids
    untranslated_quizzes: frozenset[str] = frozenset()  # module ids
    authored: dict[str, str | bytes] | None = None  # None: the project's own pages
    evaluation: EvaluationForm | None = None  # None: the project's own form
    standard_translations: Translations = field(default_factory=dict)  # standard id -> language -> names

    @cached_property
    def by_id(self) -> dict[str, Module]:
        return {m.meta.id: m for m in self.modules}

    def module(self, module_id: str) -> Module:
        return self.by_id[module_id]

    def parts(self) -> list[tuple[str, list[Module]]]:
        """(part title, its modules) in course order."""
        return [(p.title, [self.module(i) for i in p.modules]) for p in self.course.parts]


def cross_check(loaded: Loaded) -> tuple[Curriculum | None, list[Problem]]:
    """Check what no single file can: ids, topics, course listing, quiz targets."""
    problems = list(loaded.problems)
    problems += _duplicate_modules(loaded.modules)
    problems += _unknown_topics(loaded.modules, loaded.topics) if loaded.topics else []
    problems += _course_listing(loaded)
    problems += _quiz_targets(loaded)
    problems += _standard_topics(loaded)
    problems += [p for m in loaded.modules for p in reading_problems(m)]
    if problems or loaded.course is None:
        return None, sorted(set(problems))
    by_id = {m.meta.id: m for m in loaded.modules}
    ordered = [by_id[i] for part in loaded.course.parts for i in part.modules]
    quizzes = {q.quiz.module: q.quiz for q in loaded.quizzes}
    standards = {s.standard.id: s.standard for s in loaded.standards}
    translations = loaded.standard_translations
    return Curriculum(loaded.course, loaded.topics, ordered, quizzes, standards, standard_translations=translations), []


def _duplicate_modules(modules: list[Module]) -> list[Problem]:
    first: dict[str, Module] = {}
    found = []
    for module in modules:
        other = first.setdefault(module.meta.id, module)
        if other is not module:
            found.append(
                Problem(
                    module.path,
                    module.doc.line_of(("id",)),
                    "id",
                    f"'{module.meta.id}' is already the id of {other.path}",
                )
            )
    return found


def _unknown_topics(modules: list[Module], topics: dict[str, Topic]) -> list[Problem]:
    found = []
    for module in modules:
        for i, segment in enumerate(module.meta.agenda):
            if segment.topic is not None and segment.topic not in topics:
                found.append(
                    Problem(
                        module.path,
                        module.doc.line_of(("agenda", i, "topic")),
                        f"agenda[{i}].topic",
                        f"unknown topic '{segment.topic}'{_suggest(segment.topic, topics)}; "
                        "topics are listed in curriculum/topics.yml",
                    )
                )
    return found


def _course_listing(loaded: Loaded) -> list[Problem]:
    course, doc = loaded.course, loaded.course_doc
    if course is None or doc is None:
        return []
    known = {m.meta.id for m in loaded.modules}
    listed: set[str] = set()
    found = []
    for p, part in enumerate(course.parts):
        for i, module_id in enumerate(part.modules):
            where = ("parts", p, "modules", i)
            if module_id in listed:
                found.append(
                    Problem(
                        doc.path,
                        doc.line_of(where),
                        f"parts[{p}].modules[{i}]",
                        f"module '{module_id}' is listed twice",
                    )
                )
            elif module_id not in known and module_id not in loaded.unreadable_module_ids:
                found.append(
                    Problem(
                        doc.path,
                        doc.line_of(where),
                        f"parts[{p}].modules[{i}]",
                        f"no module has the id '{module_id}'",
                    )
                )
            listed.add(module_id)
    for module in loaded.modules:
        if module.meta.id not in listed:
            found.append(
                Problem(
                    module.path,
                    module.doc.line_of(("id",)),
                    "id",
                    f"module '{module.meta.id}' is not listed in curriculum/course.yml, so trainees would never see it",
                )
            )
    return found


def _quiz_targets(loaded: Loaded) -> list[Problem]:
    modules: dict[str, Module] = {}
    for m in loaded.modules:
        modules.setdefault(m.meta.id, m)
    quiz_for: dict[str, QuizSource] = {}
    found = []
    for source in loaded.quizzes:
        quiz, doc = source.quiz, source.doc
        module = modules.get(quiz.module)
        if module is None and quiz.module not in loaded.unreadable_module_ids:
            found.append(
                Problem(
                    source.path,
                    doc.line_of(("module",)),
                    "module",
                    f"no module has the id '{quiz.module}'{_suggest(quiz.module, modules)}",
                )
            )
        elif quiz.module in quiz_for:
            found.append(
                Problem(
                    source.path,
                    doc.line_of(("module",)),
                    "module",
                    f"module '{quiz.module}' already has a quiz: {quiz_for[quiz.module].path}",
                )
            )
        quiz_for.setdefault(quiz.module, source)
        seen: set[str] = set()
        for i, question in enumerate(quiz.questions):
            if question.id in seen:
                found.append(
                    Problem(
                        source.path,
                        doc.line_of(("questions", i, "id")),
                        f"questions[{i}].id",
                        f"question id '{question.id}' is used twice",
                    )
                )
            seen.add(question.id)
        if module is not None:
            found += _sections(source, heading_anchors(module.body))
    return found


def _standard_topics(loaded: Loaded) -> list[Problem]:
    """Every topic a standard names must exist, and count toward one domain only (no double counting)."""
    found = []
    seen_ids: dict[str, StandardSource] = {}
    for source in loaded.standards:
        standard, doc = source.standard, source.doc
        if standard.id in seen_ids:
            found.append(
                Problem(
                    source.path,
                    doc.line_of(("id",)),
                    "id",
                    f"'{standard.id}' is already the id of {seen_ids[standard.id].path}",
                )
            )
        seen_ids.setdefault(standard.id, source)
        first_domain: dict[str, str] = {}
        for d, domain in enumerate(standard.domains):
            for t, topic in enumerate(domain.topics):
                where = ("domains", d, "topics", t)
                field = f"domains[{d}].topics[{t}]"
                if loaded.topics and topic not in loaded.topics:
                    found.append(
                        Problem(
                            source.path,
                            doc.line_of(where),
                            field,
                            f"unknown topic '{topic}'{_suggest(topic, loaded.topics)}",
                        )
                    )
                elif topic in first_domain and first_domain[topic] != domain.id:
                    found.append(
                        Problem(
                            source.path,
                            doc.line_of(where),
                            field,
                            f"topic '{topic}' already counts toward domain '{first_domain[topic]}'; "
                            "counting it twice would double the hours",
                        )
                    )
                first_domain.setdefault(topic, domain.id)
        listed = [("required_content", c, content.topics) for c, content in enumerate(standard.required_content)]
        listed += [("floors", f, floor.topics) for f, floor in enumerate(standard.floors)]
        for key, c, topics in listed:
            for t, topic in enumerate(topics):
                if loaded.topics and topic not in loaded.topics:
                    found.append(
                        Problem(
                            source.path,
                            doc.line_of((key, c, "topics", t)),
                            f"{key}[{c}].topics[{t}]",
                            f"unknown topic '{topic}'{_suggest(topic, loaded.topics)}",
                        )
                    )
    return found


def _sections(source: QuizSource, anchors: set[str]) -> list[Problem]:
    found = []
    for i, question in enumerate(source.quiz.questions):
        inner = [((), question)] + (
            [((("questions", j), q)) for j, q in enumerate(question.questions)]
            if isinstance(question, Scenario)
            else []
        )
        for sub, q in inner:
            if q.section and q.section.lstrip("#") not in anchors:
                loc = ("questions", i, *sub, "section")
                found.append(
                    Problem(
                        source.path,
                        source.doc.line_of(loc),
                        _loc_text(loc),
                        f"the module has no heading with the anchor '{q.section}'",
                    )
                )
    return found


def _loc_text(loc: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def heading_anchors(markdown: str) -> set[str]:
    """Anchors the site builder gives the Markdown headings (Python-Markdown's toc slugs)."""
    return {slugify(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", markdown, re.M)}


def slugify(text: str) -> str:
    """Python-Markdown toc's default slug: ASCII, lowercase, words joined by hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _suggest(word: str, options) -> str:
    import difflib

    guess = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{guess[0]}'?)" if guess else ""
