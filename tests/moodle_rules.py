"""How Moodle 4.5 grades a question imported from GIFT, read from Moodle's own code:
question/format/gift/format.php (import), lib/questionlib.php and question/engine/bank.php (allowed
fractions), qtype_multichoice, qtype_truefalse and qtype_match question.php (grading), and
qtype_ordering's questiontype.php (import_from_gift) and question.php (grade_response)."""

from __future__ import annotations

import re

from answers import order_of
from peerpath.inline import render_inline
from peerpath.models.quiz import Matching, MultipleSelect, Ordering, SingleChoice, TrueFalse

# question_bank::fraction_options_full(): the only fractions an import accepts (to within 0.00001).
_FRACTIONS = [1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2]
_FRACTIONS += [0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0]
ALLOWED = sorted({sign * f for f in _FRACTIONS for sign in (1, -1)})


def imported_fraction(choice: dict) -> float:
    """'=' is 1, '%w%' is w/100 matched to Moodle's list (no match is an import error), else 0."""
    if choice["isCorrect"]:
        return 1.0
    if choice["weight"] is None:
        return 0.0
    weight = choice["weight"] / 100
    nearest = min(ALLOWED, key=lambda f: abs(f - weight))
    if abs(nearest - weight) >= 0.00001:
        raise AssertionError(f"Moodle refuses the weight {choice['weight']}%")
    return nearest


def moodle_grader(q, parsed: dict):
    """A function from an answer to the fraction Moodle gives it on the GIFT question `parsed`
    (as gift-pegjs reads it); answers are in the site's form, tests/answers.py."""
    if isinstance(q, TrueFalse):
        assert parsed["type"] == "TF"
        right = ["true" if parsed["isTrue"] else "false"]
        return lambda answer: 1.0 if answer == right else 0.0
    if isinstance(q, (SingleChoice, MultipleSelect)):
        assert parsed["type"] == "MC" and len(parsed["choices"]) == len(q.choices)
        fractions = {c.id: imported_fraction(gift) for c, gift in zip(q.choices, parsed["choices"], strict=True)}
        if any(gift["isCorrect"] for gift in parsed["choices"]):  # an '=' answer: radio buttons, one pick
            return lambda answer: fractions[answer[0]] if len(answer) == 1 else 0.0
        # qtype_multichoice_multi_question::grade_response: sum of the chosen fractions, within 0..1.
        return lambda answer: min(max(0.0, sum(fractions[a] for a in answer)), 1.0)
    if isinstance(q, Matching):
        assert parsed["type"] == "Matching"
        stems = [p for p in parsed["matchPairs"] if p["subquestion"]["text"]]
        choices = list(dict.fromkeys(p["subanswer"] for p in parsed["matchPairs"]))  # one per distinct text
        assert len(stems) == len(q.pairs) and len(choices) == len(q.options)
        expected = {pair.id: stem["subanswer"] for pair, stem in zip(q.pairs, stems, strict=True)}
        # qtype_match_question::grade_response: the share of sub-questions matched right.
        return lambda answer: (
            sum(value != "" and choices[int(value)] == expected[pair] for pair, value in answer.items()) / len(stems)
        )
    raise AssertionError(f"{q.type} has no GIFT form")


# qtype_ordering::import_from_gift's pattern, for the parts PeerPath writes.
_ORDERING = re.compile(
    r"^([^{]*)\{>\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*(HORIZONTAL|VERTICAL)?\s*"
    r"(ALL_OR_NOTHING|ABSOLUTE_POSITION)?\s*(SHOW|HIDE)?\s*(.*?)\s*\}\s*$",
    re.S,
)


def moodle_ordering_grader(q: Ordering, raw: str):
    """A function from an answer to Moodle's fraction for the raw GIFT ordering question `raw`:
    every item shown (ALL), the file's order is the right one, ALL_OR_NOTHING gives 1 only for
    the whole order and ABSOLUTE_POSITION the share of items in their right place."""
    found = _ORDERING.match(raw)
    assert found, f"Moodle would not read {q.id} as an ordering question"
    assert found.group(3) == "ALL", "every item must be shown"
    items = [line.strip() for line in found.group(7).split("\n") if line.strip()]
    text = {i.id: " ".join(i.text.split()) for i in q.items}
    assert sorted(items) == sorted(text.values())

    def grade(answer) -> float:
        right = sum(text[item] == expected for item, expected in zip(order_of(answer), items, strict=True))
        if found.group(5) == "ALL_OR_NOTHING":
            return 1.0 if right == len(items) else 0.0
        assert found.group(5) == "ABSOLUTE_POSITION"
        return right / len(items)

    return grade


def moodle_xml_grader(q, question):
    """A function from an answer to Moodle's fraction for a <question> of a Moodle XML file, as
    question/format/xml/format.php imports it (answer fractions in percent) and the question
    types grade it."""
    kind = question.get("type")
    if kind == "multichoice":
        answers = question.findall("answer")
        assert len(answers) == len(q.choices)
        choices = [{"isCorrect": False, "weight": float(a.get("fraction"))} for a in answers]
        fractions = {c.id: imported_fraction(x) for c, x in zip(q.choices, choices, strict=True)}
        if question.findtext("single") == "true":
            return lambda answer: fractions[answer[0]] if len(answer) == 1 else 0.0
        return lambda answer: min(max(0.0, sum(fractions[a] for a in answer)), 1.0)
    if kind == "truefalse":
        right = [a.findtext("text") for a in question.findall("answer") if a.get("fraction") == "100"]
        return lambda answer: 1.0 if answer == right else 0.0
    if kind == "matching":
        pairs = [
            {"subquestion": {"text": s.findtext("text")}, "subanswer": s.findtext("answer/text")}
            for s in question.findall("subquestion")
        ]
        return moodle_grader(q, {"type": "Matching", "matchPairs": pairs})
    if kind == "ordering":
        assert question.findtext("selecttype") == "ALL", "every item must be shown"
        items = [a.findtext("text") for a in question.findall("answer")]  # the file's order is the right one
        text = {i.id: str(render_inline(i.text)) for i in q.items}
        grading = question.findtext("gradingtype")
        assert grading in ("ALL_OR_NOTHING", "ABSOLUTE_POSITION")

        def grade(answer) -> float:
            right = sum(text[item] == expected for item, expected in zip(order_of(answer), items, strict=True))
            return (1.0 if right == len(items) else 0.0) if grading == "ALL_OR_NOTHING" else right / len(items)

        return grade
    raise AssertionError(f"{q.type} exported as {kind}")
