"""Every answer a learner can give scores the same on the site and in every export, read by each
format's documented rule (tests/moodle_rules.py, tests/qti_rules.py); the site's score comes from
quiz.js itself, run in node. A question an export leaves out is named in a warning."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from fractions import Fraction
from pathlib import Path

import pytest
from lxml import etree

from answers import possible_answers
from conftest import REPO
from moodle_rules import moodle_grader, moodle_ordering_grader, moodle_xml_grader
from peerpath.exports.run import export
from peerpath.models.quiz import Ordering
from peerpath.pipeline import check
from peerpath.project import Project
from peerpath.site.generate import answer_key_page
from peerpath.site.quizview import answer_key, answer_key_json
from qti_rules import qti12_item_score, qti21_item_grader, qti21_test_outcomes
from test_exports import parse_gift

SITE_SCORING = Path(__file__).parent / "js" / "site_scoring.js"
TOLERANCE = 1e-6  # Moodle stores fractions to 7 decimal places


def site(cases: dict) -> dict:
    """Run quiz.js's own score() and summarize() on a batch of cases."""
    node = shutil.which("node")
    assert node, "`make test` needs node"
    done = subprocess.run([node, str(SITE_SCORING)], input=json.dumps(cases), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def curriculum():
    found, _, problems = check(Project(REPO))
    assert found is not None and not problems
    return found


@pytest.fixture(scope="module")
def exported(curriculum, tmp_path_factory) -> dict[str, tuple[Path, list[str]]]:
    out = {}
    for kind, version in (("gift", ""), ("moodle-xml", ""), ("qti", "2.1"), ("qti", "1.2"), ("scorm", "")):
        folder = tmp_path_factory.mktemp(f"{kind}{version}")
        _, warnings = export(kind, curriculum, folder, version or "2.1")
        out[kind + version] = (folder, warnings)
    return out


@pytest.fixture(scope="module")
def graded(curriculum) -> list[tuple]:
    """(quiz, question, answers, the site's score for each answer) for every graded question shipped."""
    rows, keys, batch = [], [], []
    for quiz in curriculum.quizzes.values():
        for q in quiz.graded():
            answers = possible_answers(q, f"{quiz.id}/{q.id}")
            rows.append((quiz, q, answers))
            keys.append(answer_key(quiz)["questions"][q.id])
            batch += [[len(keys) - 1, a] for a in answers]
    scores = iter(site({"keys": keys, "score": batch})["score"])
    return [(quiz, q, answers, [next(scores) for _ in answers]) for quiz, q, answers in rows]


def named_in(warnings: list[str], quiz, q) -> bool:
    return any(f"{quiz.id}/{q.id}:" in w for w in warnings)


def differences(graded, grade_of) -> list[str]:
    """Every question whose export grades some answer differently, with the first such answer."""
    found = []
    for quiz, q, answers, scores in graded:
        grader = grade_of(quiz, q)
        if grader is None:
            continue
        for answer, expected in zip(answers, scores, strict=True):
            got = grader(answer)
            if abs(got - expected) > TOLERANCE:
                found.append(f"{quiz.id}/{q.id} answer {answer}: site {expected:.4g}, export {got:.4g}")
                break
    return found


def test_every_answer_scores_the_same_in_moodle_from_gift(graded, exported):
    folder, warnings = exported["gift"]
    files: dict[str, dict] = {}
    raw: dict[str, dict[str, str]] = {}  # question blocks as Moodle splits a file: at blank lines
    for path in sorted(folder.glob("*.gift")):
        blocks = re.split(r"\n\s*\n", path.read_text())
        raw[path.stem] = {b.split("::")[1]: b.strip() for b in blocks if b.startswith("::")}
    # One gift-pegjs run for every file; each file opens with its category, $course$/PeerPath/<quiz>.
    # gift-pegjs does not know the ordering form ({>...}), which Moodle hands to qtype_ordering first.
    plain = [b for blocks in raw.values() for b in blocks.values() if "{>" not in b]
    text = "\n\n".join(path.read_text() for path in sorted(folder.glob("*.gift")))
    text = "\n\n".join(b for b in re.split(r"\n\s*\n", text) if "{>" not in b)
    assert len([b for b in re.split(r"\n\s*\n", text) if b.startswith("::")]) == len(plain)
    for parsed in parse_gift(text):
        if parsed["type"] == "Category":
            current = files.setdefault(parsed["title"].rsplit("/", 1)[-1], {})
        else:
            current[parsed["title"]] = parsed

    def grade_of(quiz, q):
        parsed = files[quiz.id].get(q.id) or raw[quiz.id].get(q.id)
        if parsed is None:
            assert named_in(warnings, quiz, q), f"{quiz.id}/{q.id} is missing from GIFT without a warning"
            return None
        assert not any(w.startswith(f"not exported: {quiz.id}/{q.id}:") for w in warnings), q.id
        if isinstance(q, Ordering):
            return moodle_ordering_grader(q, raw[quiz.id][q.id])
        return moodle_grader(q, parsed)

    assert differences(graded, grade_of) == []


def test_every_answer_scores_the_same_in_moodle_from_moodle_xml(graded, exported):
    folder, warnings = exported["moodle-xml"]
    files = {}
    for path in folder.glob("*-moodle.xml"):
        doc = etree.parse(str(path)).getroot()
        questions = [q for q in doc.iter("question") if q.get("type") != "category"]
        files[path.name.removesuffix("-moodle.xml")] = {q.findtext("name/text"): q for q in questions}

    def grade_of(quiz, q):
        question = files[quiz.id].get(q.id)
        if question is None:
            assert named_in(warnings, quiz, q), f"{quiz.id}/{q.id} is missing from Moodle XML without a warning"
            return None
        assert question.findtext("defaultgrade") == "1"
        return moodle_xml_grader(q, question)

    assert differences(graded, grade_of) == []
    reflections = [q for f in files.values() for q in f.values() if q.get("type") == "essay"]
    assert reflections and all(q.findtext("defaultgrade") == "0" for q in reflections)  # never counted


def qti21_items(folder: Path) -> dict[str, dict[str, bytes]]:
    out = {}
    for package in folder.glob("*-qti21.zip"):
        with zipfile.ZipFile(package) as archive:
            out[package.name.removesuffix("-qti21.zip")] = {n: archive.read(n) for n in archive.namelist()}
    return out


def test_every_answer_scores_the_same_in_qti21(graded, exported):
    folder, warnings = exported["qti2.1"]
    packages = qti21_items(folder)

    def grade_of(quiz, q):
        return qti21_item_grader(packages[quiz.id][f"items/{q.id}.xml"], q)

    assert differences(graded, grade_of) == []
    assert all(w.split(": ", 1)[1].startswith(("the feedback on each match", "the hint")) for w in warnings), warnings


def test_every_answer_scores_the_same_in_qti12(graded, exported):
    folder, warnings = exported["qti1.2"]
    items = {}
    for package in folder.glob("*-qti12.zip"):
        with zipfile.ZipFile(package) as archive:
            doc = etree.fromstring(archive.read("assessment.xml"))
        items[package.name.removesuffix("-qti12.zip")] = {i.get("title"): i for i in doc.iter("{*}item")}

    def grade_of(quiz, q):
        item = items[quiz.id].get(q.id)
        if item is None:
            assert named_in(warnings, quiz, q), f"{quiz.id}/{q.id} is missing from QTI 1.2 without a warning"
            return None
        return lambda answer: qti12_item_score(item, q, answer)

    assert differences(graded, grade_of) == []


def test_scorm_packages_grade_with_the_site_own_script_and_key(curriculum, exported):
    folder, _ = exported["scorm"]
    quiz_js = (REPO / "tools" / "peerpath" / "static" / "quiz.js").read_bytes()
    for quiz in curriculum.quizzes.values():
        with zipfile.ZipFile(folder / f"{quiz.module}-scorm12.zip") as archive:
            assert archive.read("quiz.js") == quiz_js
            page = archive.read("index.html").decode()
        assert answer_key_json(quiz) in page, quiz.id


def every_reachable_total(graded) -> list[tuple[str, list[float]]]:
    """For every quiz, one list of question scores for each total a learner can reach."""
    witnesses: dict[str, dict[Fraction, list[float]]] = {}
    for quiz, _, _, scores in graded:
        reached = witnesses.setdefault(quiz.id, {Fraction(0): []})
        options = {Fraction(s).limit_denominator(1000): s for s in scores}
        witnesses[quiz.id] = {t + f: way + [s] for t, way in reached.items() for f, s in options.items()}
    return [(quiz_id, way) for quiz_id, totals in witnesses.items() for way in totals.values()]


def test_pass_or_fail_is_the_site_one_for_every_reachable_total(curriculum, graded, exported):
    """QTI 2.1's PASS outcome, and Moodle's gradebook (maximum grade 100, grade to pass = the pass
    mark, the unrounded grade compared), agree with the site for every total any quiz can reach."""
    packages = qti21_items(exported["qti2.1"][0])
    quizzes = {q.id: q for q in curriculum.quizzes.values()}
    attempts = every_reachable_total(graded)
    summaries = site({"summarize": [[way, quizzes[i].pass_mark] for i, way in attempts]})["summarize"]
    for (quiz_id, way), expected in zip(attempts, summaries, strict=True):
        quiz = quizzes[quiz_id]
        reflections = [0.0] * sum(q.type == "reflection" for q in _all_questions(quiz))
        outcomes = qti21_test_outcomes(packages[quiz_id]["tests/test.xml"], way + reflections)
        assert (outcomes["PERCENT"], outcomes["PASS"]) == (expected["percent"], expected["passed"]), (quiz_id, way)
        moodle_grade = round(100 * sum(way) / len(way), 5)  # the gradebook keeps 5 decimals
        assert (moodle_grade >= quiz.pass_mark) == expected["passed"], (quiz_id, way)


def _all_questions(quiz) -> list:
    return [sub for q in quiz.questions for sub in (q.questions if q.type == "scenario" else [q])]


def test_partly_right_answers_named_in_the_issue_score_as_the_rule_says(graded):
    """Two examples from issue 21, when they still ship: all-or-nothing matching, partial multiple answer."""
    found = {f"{quiz.id}/{q.id}": (q, answers, scores) for quiz, q, answers, scores in graded}
    match = found.get("stages-of-change/match-statements-to-stages")
    if match and match[0].scoring == "all-or-nothing":
        q, answers, scores = match
        fully_answered = [s for a, s in zip(answers, scores, strict=True) if "" not in a.values()]
        assert sorted(set(fully_answered)) == [0, 1]  # one wrong match or five: 0
    release = found.get("confidentiality-and-privacy/release-parts")
    if release and release[0].scoring == "partial":
        q, answers, scores = release
        right = {c.id for c in q.choices if c.correct}
        every_right_and_one_wrong = next(
            s for a, s in zip(answers, scores, strict=True) if right < set(a) and len(a) == len(right) + 1
        )
        assert every_right_and_one_wrong == pytest.approx((len(right) - 1) / len(right))


def test_exporting_the_shipped_curriculum_warns_once_per_difference(curriculum, exported):
    """Each warning names a shipped question (or is the one line on pass marks) and comes once."""
    questions = {f"{quiz.id}/{q.id}" for quiz in curriculum.quizzes.values() for q in _all_questions(quiz)}
    for kind, (_, warnings) in exported.items():
        assert len(warnings) == len(set(warnings)), kind
        for warning in warnings:
            named = re.match(r"^(?:not exported: )?([\w-]+/[\w-]+): \S", warning)
            assert (named and named.group(1) in questions) or "files carry no pass mark" in warning, warning
        assert sum("files carry no pass mark" in w for w in warnings) == (kind in ("gift", "moodle-xml")), kind


def test_answer_key_states_each_question_rule_as_the_site_scores_it(curriculum, graded):
    """The printed key's '+1/n ... -1/n', '1/n for each right match' agree with quiz.js's scores."""
    quizzes = curriculum.quizzes
    pages = {m.meta.id: answer_key_page(m, quizzes[m.meta.id]) for m in curriculum.modules if m.meta.id in quizzes}
    for quiz, q, _, scores in graded:
        if getattr(q, "scoring", None) is None:
            continue
        page = pages[quiz.module]
        if q.scoring == "all-or-nothing":
            assert set(scores) == {0, 1}, q.id
            continue
        parts = sum(c.correct for c in q.choices) if q.type == "multiple" else len(getattr(q, "pairs", []) or q.items)
        stated = {"multiple": f"+1/{parts} for each right choice, −1/{parts} for each wrong one, never below 0"}
        stated |= {
            "matching": f"1/{parts} for each right match",
            "ordering": f"1/{parts} for each item in its right place",
        }
        assert f"({q.type}, partial credit: {stated[q.type]})" in page, q.id
        steps = {round(s * parts, 6) for s in scores}
        assert steps <= set(range(parts + 1)), q.id  # every score is a whole number of 1/n shares
