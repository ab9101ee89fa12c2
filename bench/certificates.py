"""Certificates: how fast a trainer's batch of PDFs is issued for a large cohort."""

from __future__ import annotations

import time
from pathlib import Path

from peerpath.cohorts.issue import issue
from peerpath.curriculum.crosscheck import cross_check
from peerpath.curriculum.load import load_project
from peerpath.models.roster import Roster
from peerpath.project import Project


def certificates_per_second(project: Project, work: Path, learners: int = 1000) -> float:
    curriculum, problems = cross_check(load_project(project))
    assert curriculum and not problems, problems
    standard = curriculum.standards.get("icrc-pr") or next(iter(curriculum.standards.values()))
    roster = Roster.model_validate(
        {
            "cohort": {
                "id": "bench",
                "title": "Benchmark cohort",
                "start": "2027-01-04",
                "end": "2027-01-08",
                "delivery": "in-person",
                "trainers": [{"name": "Bench Trainer"}],
            },
            "learners": [
                {
                    "id": f"l{n:04d}",
                    "name": f"Learner Number{n}",
                    "attendance": {m.meta.id: "complete" for m in curriculum.modules},
                }
                for n in range(learners)
            ],
        }
    )
    start = time.perf_counter()
    issue(
        roster,
        curriculum,
        standard,
        organisation="Bench",
        verify_url="https://example.org/verify.html",
        key=b"k" * 32,
        registry=work / "registry.jsonl",
        out=work / "certificates",
    )
    return learners / (time.perf_counter() - start)
