"""Exports read back by independent parsers, question by question: GIFT (gift-pegjs), QTI and SCORM (lxml)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from conftest import run_cli
from peerpath.project import Project

JS_TOOLS = Path(__file__).parent / "js" / "node_modules"
QTI21 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
QTI12 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def export(project: Project, *args: str) -> tuple[Path, str]:
    out = project.root / "exports"
    result = run_cli("export", *args, "--out", str(out), cwd=project.root)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def parse_gift(text: str) -> list[dict]:
    node = shutil.which("node")
    assert node and JS_TOOLS.is_dir(), "`make test` installs node and tests/js (gift-pegjs)"
    script = (
        "const p=require('gift-pegjs');let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
        "console.log(JSON.stringify(p.parse(s))))"
    )
    done = subprocess.run([node, "-e", script], input=text, capture_output=True, text=True, cwd=JS_TOOLS.parent)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def partial_credit(project: Project) -> None:
    """The fixture's multiple-answer and matching questions, switched to partial credit."""
    quiz = project.quizzes / "boundaries-basics.yml"
    text = quiz.read_text().replace("        type: multiple\n", "        type: multiple\n        scoring: partial\n")
    quiz.write_text(text.replace("    type: matching\n", "    type: matching\n    scoring: partial\n"))


def test_gift_reads_back_question_by_question(project: Project):
    partial_credit(project)
    out, warnings = export(project, "gift")
    parsed = parse_gift((out / "boundaries-basics.gift").read_text())
    questions = {q["title"]: q for q in parsed if q["type"] != "Category"}
    assert set(questions) == {"gift", "boundary-true", "which-roles", "steps", "match-roles", "own-boundary"}
    gift = questions["gift"]
    assert gift["type"] == "MC"
    assert [(c["text"]["text"], c["isCorrect"]) for c in gift["choices"]] == [
        ("Keep it quietly.", False),
        ("Thank them, decline, and tell your supervisor.", True),
    ]
    assert gift["choices"][0]["feedback"]["text"] == "Keeping it hides the gift from your supervisor."
    assert gift["globalFeedback"]["text"] == "Gifts are handled openly, with supervision."
    tf = questions["boundary-true"]
    assert tf["type"] == "TF" and tf["isTrue"] is False
    # Moodle's order: feedback for a wrong answer first, then for a right one.
    assert tf["trueFeedback"]["text"] == "They protect the person supported too."
    assert tf["falseFeedback"]["text"] == "Right, they protect both people."
    roles = questions["which-roles"]
    assert [c["weight"] for c in roles["choices"]] == [50, 50, -50]  # a wrong pick takes back one right one
    pairs = [(p["subquestion"]["text"], p["subanswer"]) for p in questions["match-roles"]["matchPairs"]]
    assert pairs == [
        ("Peer worker", "Shares lived experience"),
        ("Therapist", "Provides clinical treatment"),
        ("", "Sponsors in a 12-step group"),
    ]
    assert questions["own-boundary"]["type"] == "Essay"
    assert "not exported" not in warnings
    assert "boundaries-basics/own-boundary: the reflection becomes an essay question" in warnings


def test_gift_keeps_the_paragraphs_of_a_case(project: Project):
    partial_credit(project)
    out, _ = export(project, "gift")
    (roles,) = [q for q in parse_gift((out / "boundaries-basics.gift").read_text()) if q["title"] == "which-roles"]
    assert roles["stem"]["text"] == (
        "Case: Jordan lives in the recovery residence where you work nights.\n\n"
        "On Monday you meet Jordan again at the clinic, where you are on the team.\n\n"
        "Which roles do you hold with Jordan?"
    )


def test_gift_ordering_question_uses_moodle_ordering_form_in_the_right_order(project: Project):
    out, warnings = export(project, "gift")
    text = (out / "boundaries-basics.gift").read_text()
    assert (
        "On Monday you meet Jordan again at the clinic, where you are on the team.\\n\\nPut the steps in order. "
        "{>3 ALL VERTICAL ALL_OR_NOTHING SHOW\nNotice the dual role\nTell your supervisor\nAgree a plan with Jordan\n}"
    ) in text
    assert "boundaries-basics/steps: GIFT's ordering form has no place for the rationale" in warnings


def test_gift_leaves_out_all_or_nothing_questions_moodle_would_grade_per_part(project: Project):
    out, warnings = export(project, "gift")
    titles = {q["title"] for q in parse_gift((out / "boundaries-basics.gift").read_text())}
    assert "which-roles" not in titles and "match-roles" not in titles
    assert "not exported: boundaries-basics/which-roles: all-or-nothing multiple answer: Moodle gives" in warnings
    assert "not exported: boundaries-basics/match-roles: all-or-nothing matching: Moodle gives" in warnings
    assert "boundaries-basics/gift" not in warnings


def test_gift_escapes_special_characters(project: Project):
    quiz = project.quizzes / "listening-skills.yml"
    quiz.write_text(
        quiz.read_text().replace("prompt: Which is an open question?", "prompt: 'Which {open} question = best: ~ # ?'")
    )
    out, _ = export(project, "gift")
    (question,) = [q for q in parse_gift((out / "listening-skills.gift").read_text()) if q["title"] == "open-question"]
    assert question["stem"]["text"] == "Which {open} question = best: ~ # ?"


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def correct_values(item) -> list[str]:
    return [v.text for v in item.find(f".//{QTI21}correctResponse").iter(f"{QTI21}value")]


def test_qti21_package_holds_every_question_with_its_answer(project: Project):
    out, warnings = export(project, "qti", "--version", "2.1")
    files = read_zip(out / "boundaries-basics-qti21.zip")
    manifest = etree.fromstring(files["imsmanifest.xml"])
    hrefs = [r.get("href") for r in manifest.iter("{*}resource")]
    assert hrefs[0] == "tests/test.xml"
    assert sorted(hrefs[1:]) == sorted(
        f"items/{q}.xml" for q in ["gift", "boundary-true", "which-roles", "steps", "match-roles", "own-boundary"]
    )
    item = etree.fromstring(files["items/gift.xml"])
    assert correct_values(item) == ["C_thank"]
    assert item.find(f".//{QTI21}choiceInteraction").get("maxChoices") == "1"
    steps = etree.fromstring(files["items/steps.xml"])
    assert steps.find(f".//{QTI21}responseDeclaration").get("cardinality") == "ordered"
    assert correct_values(steps) == ["I_notice", "I_tell", "I_plan"]
    assert "Jordan lives in the recovery residence" in etree.tostring(steps, encoding="unicode")
    match = etree.fromstring(files["items/match-roles.xml"])
    assert correct_values(match) == ["L_peer R_0", "L_therapist R_1"]
    assert len(list(match.iter(f"{QTI21}simpleAssociableChoice"))) == 5  # 2 left, 3 right (one distractor)
    essay = etree.fromstring(files["items/own-boundary.xml"])
    assert essay.find(f".//{QTI21}extendedTextInteraction") is not None
    assert warnings == ""


def test_qti12_lists_ordering_questions_it_cannot_hold(project: Project):
    out, warnings = export(project, "qti", "--version", "1.2")
    files = read_zip(out / "boundaries-basics-qti12.zip")
    doc = etree.fromstring(files["assessment.xml"])
    items = {i.get("title"): i for i in doc.iter(f"{QTI12}item")}
    assert set(items) == {"gift", "boundary-true", "which-roles", "match-roles", "own-boundary"}
    assert "boundaries-basics/steps: QTI 1.2 has no ordering question" in warnings
    gift = items["gift"]
    assert gift.find(f".//{QTI12}varequal").text == "C_thank"
    assert len(items["match-roles"].findall(f".//{QTI12}response_lid")) == 2


def test_every_package_carries_contact_hours_and_objectives(project: Project):
    for kind in (["qti", "--version", "2.1"], ["qti", "--version", "1.2"], ["scorm"]):
        out, _ = export(project, *kind)
        for package in out.glob("boundaries-basics-*.zip"):
            manifest = etree.fromstring(read_zip(package)["imsmanifest.xml"])
            text = etree.tostring(manifest, encoding="unicode")
            assert "Explain what a professional boundary is." in text, package.name
            assert [d.text for d in manifest.iter("{*}datetime")] == ["PT1H20M"], package.name


def test_scorm_package_is_a_sco_with_mastery_score_and_offline_files(project: Project):
    out, _ = export(project, "scorm")
    files = read_zip(out / "boundaries-basics-scorm12.zip")
    manifest = etree.fromstring(files["imsmanifest.xml"])
    resource = next(manifest.iter("{*}resource"))
    assert resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    assert next(manifest.iter("{*}masteryscore")).text == "75"
    listed = {f.get("href") for f in resource.iter("{*}file")}
    assert listed == set(files) - {"imsmanifest.xml"}
    page = files["index.html"].decode()
    assert "SECRET-FACILITATOR-NOTE" not in page and "pp-quiz" in page
    assert "http://" not in page.replace('xmlns="http://', "") and "https://" not in page
    assert json.loads(files["peerpath.json"])["contact_minutes"] == 80


def test_gift_names_an_ordering_question_its_ordering_form_cannot_hold(project: Project):
    quiz = project.quizzes / "boundaries-basics.yml"
    quiz.write_text(quiz.read_text().replace("text: Tell your supervisor", "text: Tell your supervisor {today}"))
    out, warnings = export(project, "gift")
    assert "::steps::" not in (out / "boundaries-basics.gift").read_text()
    assert "not exported: boundaries-basics/steps: an item holds one of { } ~ = #" in warnings
    assert warnings.count("GIFT files carry no pass mark") == 1


def test_moodle_xml_holds_ordering_with_its_rationale_and_reflections_worth_0(project: Project):
    partial_credit(project)
    out, warnings = export(project, "moodle-xml")
    doc = etree.parse(str(out / "boundaries-basics-moodle.xml")).getroot()
    questions = {q.findtext("name/text"): q for q in doc.iter("question") if q.get("type") != "category"}
    assert {k: q.get("type") for k, q in questions.items()} == {
        "gift": "multichoice",
        "boundary-true": "truefalse",
        "which-roles": "multichoice",
        "steps": "ordering",
        "match-roles": "matching",
        "own-boundary": "essay",
    }
    steps = questions["steps"]
    assert [a.findtext("text") for a in steps.findall("answer")] == [
        "Notice the dual role",
        "Tell your supervisor",
        "Agree a plan with Jordan",
    ]
    assert (steps.findtext("selecttype"), steps.findtext("gradingtype")) == ("ALL", "ALL_OR_NOTHING")
    assert steps.findtext("generalfeedback/text") == "Notice, consult, then plan together."
    case = steps.findtext("questiontext/text")
    assert "<p>Jordan lives in the recovery residence where you work nights.</p><p>On Monday" in case
    assert [a.get("fraction") for a in questions["which-roles"].findall("answer")] == ["50", "50", "-50"]
    assert questions["own-boundary"].findtext("defaultgrade") == "0"
    assert warnings.splitlines() == [
        "warning: Moodle XML files carry no pass mark: in Moodle set each quiz's Grade to pass "
        "(see each quiz's pass_mark; README, Exports)"
    ]
