"""IMS QTI packages: 2.1 (every question type) and 1.2 (no ordering: most platforms cannot import it)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from peerpath.curriculum.load import Module
from peerpath.exports.limits import hint_note, pair_feedback_note
from peerpath.exports.metadata import package_metadata
from peerpath.inline import render_inline, render_paragraphs
from peerpath.models.quiz import Matching, MultipleSelect, Ordering, Quiz, Reflection, Scenario, TrueFalse
from peerpath.templating import render


@dataclass
class QtiPackage:
    name: str
    data: bytes
    skipped: list[str] = field(default_factory=list)


def _flat(quiz: Quiz) -> list[tuple[Scenario | None, Any]]:
    """Questions in order, scenario sub-questions carrying their case."""
    out = []
    for q in quiz.questions:
        out += [(q, sub) for sub in q.questions] if isinstance(q, Scenario) else [(None, q)]
    return out


def _choices(q) -> list[dict[str, Any]]:
    if isinstance(q, TrueFalse):
        return [
            {"ident": "true", "text": "True", "feedback": _html(q.feedback_true), "correct": q.answer},
            {"ident": "false", "text": "False", "feedback": _html(q.feedback_false), "correct": not q.answer},
        ]
    if isinstance(q, Ordering):
        return [{"ident": f"I_{i.id}", "text": _html(i.text), "feedback": None, "correct": True} for i in q.items]
    return [
        {"ident": f"C_{c.id}", "text": _html(c.text), "feedback": _html(c.feedback), "correct": c.correct}
        for c in getattr(q, "choices", [])
    ]


def _html(text: str | None) -> Markup | None:
    return Markup(render_inline(text)) if text else None


def _matching(q: Matching) -> tuple[list[dict], list[dict]]:
    options = q.options
    lefts = [{"ident": f"L_{p.id}", "text": _html(p.left), "answer": f"R_{options.index(p.right)}"} for p in q.pairs]
    rights = [{"ident": f"R_{i}", "text": _html(text)} for i, text in enumerate(options)]
    return lefts, rights


def qti21_item(quiz: Quiz, scenario: Scenario | None, q) -> str:
    choices = _choices(q)
    lefts, rights = _matching(q) if isinstance(q, Matching) else ([], [])
    correct = [c["ident"] for c in choices if c["correct"]]
    if isinstance(q, Matching):
        correct = [f"{left['ident']} {left['answer']}" for left in lefts]
    mapping, positions = [], []
    if getattr(q, "scoring", "") == "partial":
        share = 1 / len(correct)  # full precision: n shares add up to the site's 1
        if isinstance(q, (MultipleSelect, Matching)):
            mapping = [(key, share) for key in correct]
        if isinstance(q, MultipleSelect):
            mapping += [(c["ident"], -share) for c in choices if not c["correct"]]
        if isinstance(q, Ordering):
            positions = [(n, ident, share) for n, ident in enumerate(correct, 1)]
    return render(
        "qti21_item.xml.j2",
        ident=f"Q_{q.id}",
        q=q,
        prompt=_html(q.prompt),
        vignette=Markup(render_paragraphs(scenario.vignette)) if scenario else None,
        choices=choices,
        lefts=lefts,
        rights=rights,
        correct=correct,
        mapping=mapping,
        positions=positions,
        shuffle=quiz.shuffle.choices,
        rationale=_html(getattr(q, "rationale", None) or getattr(q, "guidance", None)),
    )


def qti21_package(module: Module, quiz: Quiz, minutes: int) -> QtiPackage:
    """An IMS content package: one item file per question, an assessment test, a manifest."""
    files: dict[str, str] = {}
    items, resources = [], []
    skipped = []
    for scenario, q in _flat(quiz):
        href = f"items/{q.id}.xml"
        files[href] = qti21_item(quiz, scenario, q)
        items.append({"ident": f"Q_{q.id}", "href": f"../{href}"})
        resources.append({"ident": f"R_{q.id}", "type": "imsqti_item_xmlv2p1", "href": href, "depends": []})
        skipped += [f"{quiz.id}/{q.id}: {n}" for n in (pair_feedback_note(q, "QTI 2.1"), hint_note(q, "QTI 2.1")) if n]
    files["tests/test.xml"] = render(
        "qti21_test.xml.j2",
        ident=f"T_{quiz.id}",
        title=module.meta.title,
        items=items,
        pass_mark=quiz.pass_mark,
        graded=len(quiz.graded()),
    )
    resources.insert(
        0,
        {
            "ident": f"T_{quiz.id}",
            "type": "imsqti_test_xmlv2p1",
            "href": "tests/test.xml",
            "depends": [r["ident"] for r in resources],
        },
    )
    files["imsmanifest.xml"] = render(
        "qti_manifest.xml.j2",
        ident=f"P_{quiz.id}",
        resources=resources,
        **package_metadata(module, minutes, "IMS Content", "1.1.4"),
    )
    return QtiPackage(f"{quiz.id}-qti21.zip", zip_files(files), skipped)


def qti12_package(module: Module, quiz: Quiz, minutes: int) -> QtiPackage:
    """QTI 1.2 as Canvas and Blackboard import it; ordering questions are listed, not dropped silently."""
    items, skipped = [], []
    for scenario, q in _flat(quiz):
        if isinstance(q, Ordering):
            skipped.append(f"not exported: {quiz.id}/{q.id}: QTI 1.2 has no ordering question that platforms import")
            continue
        skipped += [f"{quiz.id}/{q.id}: {n}" for n in (pair_feedback_note(q, "QTI 1.2"), hint_note(q, "QTI 1.2")) if n]
        prompt = render_inline(q.prompt)
        if scenario:
            prompt = f"{render_paragraphs(scenario.vignette)}<p>{prompt}</p>"
        choices = _choices(q)
        lefts, rights = _matching(q) if isinstance(q, Matching) else ([], [])
        items.append(
            {
                "ident": f"Q_{q.id}",
                "q": q,
                "canvas_type": CANVAS_TYPES[q.type],
                "prompt": prompt,
                "choices": [] if isinstance(q, (Matching, Reflection)) else choices,
                "correct": [c["ident"] for c in choices if c["correct"]],
                "lefts": lefts,
                "rights": rights,
                "share": repr(100 / (len(lefts) if lefts else max(1, sum(c["correct"] for c in choices)))),
                "rationale": render_inline(getattr(q, "rationale", None) or getattr(q, "guidance", None) or ""),
            }
        )
    files = {
        "assessment.xml": render(
            "qti12.xml.j2",
            ident=f"A_{quiz.id}",
            title=module.meta.title,
            items=items,
            pass_mark=quiz.pass_mark,
            shuffle=quiz.shuffle.choices,
        ),
    }
    files["imsmanifest.xml"] = render(
        "qti_manifest.xml.j2",
        ident=f"P_{quiz.id}",
        resources=[{"ident": f"A_{quiz.id}", "type": "imsqti_xmlv1p2", "href": "assessment.xml", "depends": []}],
        **package_metadata(module, minutes, "IMS Content", "1.1.3"),
    )
    return QtiPackage(f"{quiz.id}-qti12.zip", zip_files(files), skipped)


CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "true-false": "true_false_question",
    "matching": "matching_question",
    "reflection": "essay_question",
}


def zip_files(files: dict[str, str | bytes]) -> bytes:
    """A zip with fixed timestamps, so the same input always gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            content = files[name]
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()
