"""A translation out of step with its English source: each difference located at the translation's line.

Only what a translator can act on is reported: a segment, objective, question, choice, item or pair
missing or extra; an id that is not the English one; a heading anchor missing, extra or out of order;
admonitions not matching. Keys a translation may not set are reported when it is read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from peerpath.curriculum.crosscheck import slugify
from peerpath.curriculum.load import Module
from peerpath.curriculum.readings import headings
from peerpath.curriculum.translations import TranslationFile
from peerpath.curriculum.yamlsource import YamlDoc
from peerpath.models.quiz import Quiz
from peerpath.problems import Problem

ANCHOR = re.compile(r"\s*\{:?\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s+([\w-]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
TEXT_FIELDS = {
    "single": ("prompt", "hint", "rationale", "choices"),
    "multiple": ("prompt", "hint", "rationale", "choices"),
    "true-false": ("prompt", "hint", "rationale", "feedback_true", "feedback_false"),
    "ordering": ("prompt", "hint", "rationale", "items"),
    "matching": ("prompt", "hint", "rationale", "pairs", "distractors"),
    "reflection": ("prompt", "hint", "guidance"),
    "scenario": ("vignette", "questions"),
}
LISTS = {"choices": ("choice", "choices"), "items": ("item", "items"), "pairs": ("pair", "pairs")}
ALL_TEXT_FIELDS = sorted({f for fields in TEXT_FIELDS.values() for f in fields})


def anchored_headings(markdown: str) -> list[tuple[int, int, str, str | None]]:
    """(line index, level, text, explicit anchor or None) of every `##` and `###` heading."""
    found = []
    for index, level, text in headings(markdown):
        if level in (2, 3):
            match = ANCHOR.search(text)
            found.append((index, level, ANCHOR.sub("", text), match.group(1) if match else None))
    return found


def english_headings(markdown: str) -> list[tuple[int, str, str]]:
    """(level, text, anchor) of the `##`/`###` headings, anchored as the site builder does it: a repeated
    heading gets `_1`, `_2`... (Python-Markdown's toc), so `### HIV` twice is {#hiv} then {#hiv_1}."""
    used: set[str] = set()
    found = []
    for _, level, text in headings(markdown):
        match = ANCHOR.search(text)
        anchor = match.group(1) if match else _unique(slugify(ANCHOR.sub("", text)), used)
        used.add(anchor)
        if level in (2, 3):
            found.append((level, ANCHOR.sub("", text), anchor))
    return found


def _unique(anchor: str, used: set[str]) -> str:
    while anchor in used or not anchor:
        match = re.match(r"^(.*)_([0-9]+)$", anchor)
        anchor = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{anchor}_1"
    return anchor


def module_problems(english: Module, translation: TranslationFile) -> list[Problem]:
    texts, doc = translation.texts, translation.doc
    problems = _count(doc, "objectives", "objective", len(english.meta.objectives), len(texts.objectives))
    problems += _count(doc, "agenda", "segment", len(english.meta.agenda), len(texts.agenda))
    problems += heading_problems(english.body, translation)
    problems += admonition_problems(english.body, translation)
    return problems


def _count(doc: YamlDoc, key: str, what: str, expected: int, got: int) -> list[Problem]:
    if got > expected:
        return [
            Problem(
                doc.path,
                doc.line_of((key, expected)),
                f"{key}[{expected}]",
                f"extra {what}: the English has {expected}; give one per English {what}, in the same order",
            )
        ]
    if got < expected:
        return [
            Problem(
                doc.path,
                doc.line_of((key,)),
                key,
                f"the English has {expected} {what}s, this translation {got}: "
                f"give one per English {what}, in the same order",
            )
        ]
    return []


def heading_problems(english_body: str, translation: TranslationFile) -> list[Problem]:
    """Every `##`/`###` heading of the English, translated, in the same order, ending with its English anchor."""
    path, first = translation.path, translation.body_first_line
    english = [(anchor, level, text) for level, text, anchor in english_headings(english_body)]
    levels = {anchor: level for anchor, level, _ in english}
    found, problems, suggested = [], [], set()
    for position, (index, level, text, anchor) in enumerate(anchored_headings(translation.body)):
        line = first + index
        if anchor is None:
            guess = english[position][0] if position < len(english) else None
            suggested.add(guess)  # said here, so not again as a missing heading
            hint = f", here {{#{guess}}}" if guess else ""
            problems.append(
                Problem(
                    path, line, "", f"heading '{text}' has no anchor: end it with the English heading's anchor{hint}"
                )
            )
            continue
        found.append((anchor, line))
        if anchor not in levels:
            problems.append(
                Problem(path, line, "", f"no English heading has the anchor {{#{anchor}}}{_guess(anchor, levels)}")
            )
        elif levels[anchor] != level:
            problems.append(
                Problem(
                    path,
                    line,
                    "",
                    f"{{#{anchor}}} is a level-{levels[anchor]} heading in the English, here level {level}",
                )
            )
    written = {anchor for anchor, _ in found}
    end = first + max(len(translation.body.splitlines()) - 1, 0)
    order = {anchor: i for i, (anchor, _, _) in enumerate(english)}
    for i, (anchor, _, text) in enumerate(english):
        if anchor not in written and anchor not in suggested:
            # Where it belongs: before the first translated heading that comes after it in the English.
            line = next((n for a, n in found if order.get(a, -1) > i), end)
            problems.append(
                Problem(path, line, "", f"the English heading '{text}' {{#{anchor}}} has no translated heading")
            )
    problems += _order(
        path, [a for a, _, _ in english if a in written], [(a, n) for a, n in found if a in levels], "heading"
    )
    return problems


def _order(path: str, expected: list[str], got: list[tuple[str, int]], what: str) -> list[Problem]:
    """The first place where the shared entries come in another order than the English: one problem."""
    for position, (anchor, line) in enumerate(got):
        if position < len(expected) and expected[position] != anchor:
            return [
                Problem(
                    path,
                    line,
                    "",
                    f"{what} {{#{anchor}}} is out of order: the English has {{#{expected[position]}}} here",
                )
            ]
    return []


def admonitions(markdown: str) -> list[tuple[int, str]]:
    """(line index, type) of every admonition, `!!! note` or `??? facilitator`, outside code fences."""
    found, fenced = [], False
    for index, line in enumerate(markdown.splitlines()):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := ADMONITION.match(line)):
            found.append((index, match.group(2)))
    return found


def admonition_problems(english_body: str, translation: TranslationFile) -> list[Problem]:
    """The same admonitions in the same order: facilitator notes must stay facilitator notes."""
    english = [kind for _, kind in admonitions(english_body)]
    found = admonitions(translation.body)
    path, first = translation.path, translation.body_first_line
    for position, (index, kind) in enumerate(found):
        if position >= len(english):
            return [Problem(path, first + index, "", f"extra admonition '!!! {kind}': the English has {len(english)}")]
        if kind != english[position]:
            return [
                Problem(
                    path,
                    first + index,
                    "",
                    f"admonition {position + 1} is '!!! {kind}' here but '!!! {english[position]}' in the English: "
                    "keep the English admonitions, in the same order",
                )
            ]
    if len(found) < len(english):
        line = first + (found[-1][0] if found else 0)
        missing = ", ".join(f"'!!! {k}'" for k in english[len(found) :])
        return [
            Problem(
                path,
                line,
                "",
                f"the English has {len(english)} admonitions, this translation {len(found)} (missing {missing})",
            )
        ]
    return []


def quiz_problems(english: Quiz, translation: TranslationFile) -> list[Problem]:
    doc = translation.doc
    return _questions(doc, ("questions",), english.questions, translation.texts.questions)


def _questions(doc: YamlDoc, loc: tuple, english: Sequence, translated: Sequence) -> list[Problem]:
    problems = _ids(doc, loc, [q.id for q in english], [t.id for t in translated], "question")
    by_id = {q.id: q for q in english}
    for i, text in enumerate(translated):
        if text.id in by_id:
            problems += _question(doc, (*loc, i), by_id[text.id], text)
    return problems


def _question(doc: YamlDoc, loc: tuple, english, text) -> list[Problem]:
    allowed = TEXT_FIELDS[english.type]
    problems = []
    for name in ALL_TEXT_FIELDS:
        given, source = getattr(text, name), getattr(english, name, None)
        given = None if given == [] else given
        where = _field(loc + (name,))
        if given is not None and name not in allowed:
            problems.append(
                Problem(doc.path, doc.line_of(loc + (name,)), where, f"a {english.type} question has no {name}")
            )
        elif given is None and source:
            problems.append(Problem(doc.path, doc.line_of(loc + ("id",)), where, "is in the English: translate it"))
        elif given is not None and not source and name in allowed:
            problems.append(Problem(doc.path, doc.line_of(loc + (name,)), where, "the English question has none"))
    for name, (what, _) in LISTS.items():
        if getattr(text, name) and getattr(english, name, None) and name in allowed:
            problems += _options(doc, loc + (name,), getattr(english, name), getattr(text, name), what)
    if english.type == "matching" and text.distractors is not None:
        problems += _distractors(doc, loc + ("distractors",), len(english.distractors), len(text.distractors))
    if english.type == "scenario" and text.questions:
        problems += _questions(doc, loc + ("questions",), english.questions, text.questions)
    return problems


def _distractors(doc: YamlDoc, loc: tuple, expected: int, got: int) -> list[Problem]:
    if expected == got:
        return []
    message = f"the English has {expected} distractor(s), this translation {got}"
    return [Problem(doc.path, doc.line_of(loc), _field(loc), message)]


def _options(doc: YamlDoc, loc: tuple, english: Sequence, translated: Sequence, what: str) -> list[Problem]:
    problems = _ids(doc, loc, [o.id for o in english], [t.id for t in translated], what)
    by_id = {o.id: o for o in english}
    for i, text in enumerate(translated):
        source = by_id.get(text.id)
        if source is None or not hasattr(source, "feedback"):
            continue
        where = loc + (i, "feedback")
        if source.feedback and text.feedback is None:
            problems.append(
                Problem(doc.path, doc.line_of(loc + (i, "id")), _field(where), "is in the English: translate it")
            )
        elif text.feedback is not None and not source.feedback:
            problems.append(Problem(doc.path, doc.line_of(where), _field(where), f"the English {what} has no feedback"))
    return problems


def _ids(doc: YamlDoc, loc: tuple, english: list[str], translated: list[str], what: str) -> list[Problem]:
    """Ids missing, not the English ones, or out of order: each said once, where the translator can fix it."""
    problems = []
    known, given = set(english), set(translated)
    missing = [item for item in english if item not in given]
    for i, item in enumerate(translated):
        if item not in known:
            where = loc + (i, "id")
            guess = difflib.get_close_matches(item, missing, n=1)
            given.update(guess)  # a misspelt id is said once, here, not again as missing
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            message = f"the English has no {what} '{item}'{hint}"
            problems.append(Problem(doc.path, doc.line_of(where), _field(where), message))
    missing = [item for item in english if item not in given]
    if missing:
        listed = ", ".join(f"'{m}'" for m in missing)
        problems.append(Problem(doc.path, doc.line_of(loc), _field(loc), f"missing the English {what}(s) {listed}"))
    shared = [item for item in english if item in set(translated)]
    order = [(item, i) for i, item in enumerate(translated) if item in known]
    for position, (item, i) in enumerate(order):
        if shared[position] != item:
            where = loc + (i, "id")
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(where),
                    _field(where),
                    f"{what} '{item}' is out of order: the English has '{shared[position]}' here",
                )  # fmt: skip
            )
            break
    return problems


def _field(loc: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _guess(word: str, options) -> str:
    guess = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


def listing_problems(doc: YamlDoc, key: str, english: list[str], translated: list[str], what: str) -> list[Problem]:
    """Keys of a mapping (topic ids, question ids, group names) that must be exactly the English ones."""
    problems = [
        Problem(
            doc.path,
            doc.line_of((key, item)),
            f"{key}.{item}",
            f"the English has no {what} '{item}'{_guess(item, english)}",
        )
        for item in translated
        if item not in english
    ]
    missing = [item for item in english if item not in translated]
    if missing:
        listed = ", ".join(f"'{m}'" for m in missing)
        problems.append(
            Problem(doc.path, doc.line_of((key,)), key, f"missing the English {what}(s) {listed}: translate each")
        )
    return problems
