"""QTI response and outcome processing, read from the IMS QTI 2.1 and QTI 1.2 ASI specifications,
for the operators PeerPath's packages use. An operator outside that set fails loudly."""

from __future__ import annotations

import math

from lxml import etree

from answers import order_of
from peerpath.models.quiz import Matching, MultipleSelect, Ordering, SingleChoice, TrueFalse


def _tag(el) -> str:
    return etree.QName(el).localname


def _kids(el) -> list:
    return [k for k in el if isinstance(k.tag, str)]


def qti21_response(q, answer):
    """The learner's answer as the item's RESPONSE variable (None is QTI's NULL)."""
    if isinstance(q, TrueFalse):
        return answer[0] if answer else None
    if isinstance(q, SingleChoice):
        return f"C_{answer[0]}" if answer else None
    if isinstance(q, MultipleSelect):
        return frozenset(f"C_{a}" for a in answer) or None
    if isinstance(q, Matching):
        return frozenset((f"L_{pair}", f"R_{value}") for pair, value in answer.items() if value != "") or None
    if isinstance(q, Ordering):
        return [f"I_{item}" for item in order_of(answer)]
    raise AssertionError(q.type)


class Qti21:
    """Runs an assessmentItem's responseProcessing or an assessmentTest's outcomeProcessing."""

    def __init__(self, doc):
        self.decl = {d.get("identifier"): d for d in doc.iter("{*}responseDeclaration", "{*}outcomeDeclaration")}
        self.defaults = {name: self._default(d) for name, d in self.decl.items()}
        self.values: dict = {}

    def _default(self, decl):
        found = decl.find("{*}defaultValue")
        if found is not None:
            return self._typed(decl.get("baseType"), found.find("{*}value").text)
        return 0.0 if decl.get("baseType") in ("float", "integer") else None

    @staticmethod
    def _typed(base: str, text: str):
        if base == "float":
            return float(text)
        if base == "integer":
            return int(text)
        if base == "boolean":
            return text.strip() == "true"
        if base == "directedPair":
            return tuple(text.split())
        return text.strip()

    def run(self, processing, values: dict) -> dict:
        self.values = self.defaults | values
        for statement in _kids(processing):
            self.execute(statement)
        return self.values

    def execute(self, el) -> None:
        tag = _tag(el)
        if tag in ("setOutcomeValue",):
            self.values[el.get("identifier")] = self.value(_kids(el)[0])
        elif tag in ("responseCondition", "outcomeCondition"):
            for branch in _kids(el):
                body = _kids(branch)
                if _tag(branch).endswith("Else") or self.value(body[0]) is True:
                    for statement in body if _tag(branch).endswith("Else") else body[1:]:
                        self.execute(statement)
                    return
        else:
            raise AssertionError(f"statement {tag} is not modelled")

    def value(self, el):  # noqa: C901, PLR0911, PLR0912 - one branch per QTI operator
        tag, args = _tag(el), _kids(el)
        if tag == "baseValue":
            return self._typed(el.get("baseType"), el.text)
        if tag == "variable":
            return self.values[el.get("identifier")]
        if tag == "testVariables":
            return list(self.values["__items"])
        if tag == "correct":
            decl = self.decl[el.get("identifier")]
            found = [self._typed(decl.get("baseType"), v.text) for v in decl.iter("{*}value")]
            return {"single": found[0], "multiple": frozenset(found), "ordered": found}[decl.get("cardinality")]
        if tag == "mapResponse":
            return self._map(self.decl[el.get("identifier")], self.values[el.get("identifier")])
        vals = [self.value(a) for a in args]
        if tag in ("and", "or", "not", "isNull"):
            return {
                "and": lambda: all(vals),
                "or": lambda: any(vals),
                "not": lambda: not vals[0],
                "isNull": lambda: vals[0] is None,
            }[tag]()
        if tag == "sum":
            flat = [x for v in vals for x in (v if isinstance(v, list) else [v])]
            return None if None in flat else float(sum(flat))
        if any(v is None for v in vals):
            return None
        if tag == "match":
            return vals[0] == vals[1]
        if tag == "product":
            return float(math.prod(vals))
        if tag == "divide":
            return None if vals[1] == 0 else vals[0] / vals[1]
        if tag == "round":  # QTI 2.1: n for every input in [n - 0.5, n + 0.5)
            return math.floor(vals[0] + 0.5)
        if tag == "gte":
            return vals[0] >= vals[1]
        if tag == "index":
            n = int(el.get("n"))
            return vals[0][n - 1] if 0 < n <= len(vals[0]) else None
        raise AssertionError(f"operator {tag} is not modelled")

    def _map(self, decl, response) -> float:
        mapping = decl.find("{*}mapping")
        entries = {self._typed(decl.get("baseType"), e.get("mapKey")): float(e.get("mappedValue")) for e in mapping}
        default = float(mapping.get("defaultValue", "0"))
        chosen = [] if response is None else ([response] if isinstance(response, str) else set(response))
        total = sum(entries.get(v, default) for v in chosen)
        if mapping.get("lowerBound") is not None:
            total = max(total, float(mapping.get("lowerBound")))
        if mapping.get("upperBound") is not None:
            total = min(total, float(mapping.get("upperBound")))
        return total


def qti21_item_grader(item: bytes, q):
    """A function from an answer to SCORE after the item's response processing."""
    doc = etree.fromstring(item)
    engine, processing = Qti21(doc), doc.find("{*}responseProcessing")
    return lambda answer: engine.run(processing, {"RESPONSE": qti21_response(q, answer)})["SCORE"]


def qti21_test_outcomes(test: bytes, item_scores: list[float]) -> dict:
    """The assessmentTest's outcomes after outcome processing, given every item's SCORE."""
    doc = etree.fromstring(test)
    return Qti21(doc).run(doc.find("{*}outcomeProcessing"), {"__items": item_scores})


def qti12_responses(q, answer) -> dict[str, set[str]]:
    """The learner's answer as QTI 1.2 response values, by response ident."""
    if isinstance(q, TrueFalse):
        return {"response1": set(answer)}
    if isinstance(q, (SingleChoice, MultipleSelect)):
        return {"response1": {f"C_{a}" for a in answer}}
    if isinstance(q, Matching):
        return {f"L_{pair}": {f"R_{value}"} if value != "" else set() for pair, value in answer.items()}
    raise AssertionError(q.type)


def _condition(el, responses: dict[str, set[str]]) -> bool:
    tag = _tag(el)
    if tag == "conditionvar":
        return all(_condition(k, responses) for k in _kids(el))
    if tag == "varequal":
        return el.text.strip() in responses.get(el.get("respident"), set())
    if tag == "and":
        return all(_condition(k, responses) for k in _kids(el))
    if tag == "or":
        return any(_condition(k, responses) for k in _kids(el))
    if tag == "not":
        return not _condition(_kids(el)[0], responses)
    if tag == "other":
        return True
    raise AssertionError(f"condition {tag} is not modelled")


def qti12_item_score(item, q, answer) -> float:
    """SCORE / its maxvalue after the item's resprocessing: conditions in order, a condition that
    holds applies its setvar and stops processing unless continue="Yes"; the result stays within
    the decvar's minvalue..maxvalue."""
    responses = qti12_responses(q, answer)
    decvar = item.find(".//{*}decvar")
    low, high = float(decvar.get("minvalue")), float(decvar.get("maxvalue"))
    score = float(decvar.get("defaultval", "0"))
    for condition in item.iter("{*}respcondition"):
        if not _condition(condition.find("{*}conditionvar"), responses):
            continue
        for setvar in condition.iter("{*}setvar"):
            amount = float(setvar.text)
            action = setvar.get("action", "Set")
            score = {"Set": amount, "Add": score + amount, "Subtract": score - amount}[action]
        if condition.get("continue", "No") != "Yes":
            break
    return min(max(score, low), high) / high
