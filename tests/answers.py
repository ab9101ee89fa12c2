"""Every answer a learner can give to a question (a broad sample for large matching and ordering)."""

from __future__ import annotations

import itertools
import random

from peerpath.models.quiz import Matching, MultipleSelect, Ordering, SingleChoice, TrueFalse

LIMIT = 1000  # above this many answers: everything one or two changes from the key, plus a random sample


def possible_answers(q, seed: str) -> list:
    """Answers in the site's form: chosen ids, or {pair or item id: option index or position}."""
    if isinstance(q, TrueFalse):
        return [[], ["true"], ["false"]]
    if isinstance(q, SingleChoice):
        return [[]] + [[c.id] for c in q.choices]
    if isinstance(q, MultipleSelect):
        ids = [c.id for c in q.choices]
        return [list(s) for n in range(len(ids) + 1) for s in itertools.combinations(ids, n)]
    if isinstance(q, Matching):
        return _matchings(q, random.Random(seed))
    if isinstance(q, Ordering):
        return _orderings(q, random.Random(seed))
    return []


def _matchings(q: Matching, rng: random.Random) -> list[dict[str, str]]:
    ids = [p.id for p in q.pairs]
    values = [""] + [str(i) for i in range(len(q.options))]  # "" is a pair left blank
    if len(values) ** len(ids) <= LIMIT:
        return [dict(zip(ids, combo, strict=True)) for combo in itertools.product(values, repeat=len(ids))]
    key = {p.id: str(q.options.index(p.right)) for p in q.pairs}
    found = {tuple(key.values())}
    for changed in itertools.combinations(range(len(ids)), 2):  # everything one or two changes away
        for a, b in itertools.product(values, repeat=2):
            combo = list(key.values())
            combo[changed[0]], combo[changed[1]] = a, b
            found.add(tuple(combo))
    for _ in range(LIMIT):
        found.add(tuple(rng.choice(values) for _ in ids))
    return [dict(zip(ids, combo, strict=True)) for combo in sorted(found)]


def _orderings(q: Ordering, rng: random.Random) -> list[dict[str, str]]:
    ids = [i.id for i in q.items]
    if len(ids) <= 6:
        orders = set(itertools.permutations(ids))
    else:
        orders = {tuple(ids)}
        for a, b in itertools.combinations(range(len(ids)), 2):  # every swap of two items
            order = list(ids)
            order[a], order[b] = order[b], order[a]
            orders.add(tuple(order))
        for _ in range(LIMIT):
            orders.add(tuple(rng.sample(ids, len(ids))))
    return [{item: str(order.index(item) + 1) for item in ids} for order in sorted(orders)]


def order_of(answer: dict[str, str]) -> list[str]:
    """An ordering answer (item -> position) as the list of items from first to last."""
    return sorted(answer, key=lambda item: int(answer[item]))
