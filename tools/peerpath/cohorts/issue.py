"""Issue certificates for a roster, all or nothing, and revoke them. The I/O edge of certificates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from peerpath.cohorts.attendance import dates_text
from peerpath.cohorts.certificate_batch import render_batch
from peerpath.cohorts.certificate_pdf import CertificateData, DomainLine, Fonts, fonts_for_batch
from peerpath.cohorts.certificates import (
    LearnerResult,
    certificate_code,
    code_hash,
    initials,
    learner_result,
    quarter_hours_of,
)
from peerpath.cohorts.registry import append_events, issued_hashes, read_events
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.standard_translations import names_in
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import N_, date_text, list_text
from peerpath.models.roster import Roster
from peerpath.models.siteextra import Provider
from peerpath.models.standard import Standard

LEARNERS_PER_WORKER = 25  # below this, starting a worker process costs more than it saves
LEARNERS_PER_CHUNK = 50  # certificates drawn as one document, then split (see certificate_batch)
DELIVERY = {"in-person": N_("in person"), "virtual-live": N_("live online"), "self-paced": N_("self-paced")}


@dataclass
class IssueSummary:
    certificates: int
    transcripts: int
    newly_registered: int
    files: list[Path]


class SigningKeyError(Exception):
    """The signing key file exists but is not a key this command wrote."""


def signing_key(path: Path) -> bytes:
    """The issuer's secret for verification codes; made once, kept out of git in private/."""
    if not path.exists() and not path.is_symlink():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")
    if not path.is_file():
        raise SigningKeyError(f"{path}: the signing key must be a file (is it a folder or a broken link?)")
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError:
        raise SigningKeyError(
            f"{path}: is not a signing key (64 hexadecimal digits); restore it from your backup, "
            "or every certificate issued so far would get a new code"
        ) from None


def issue(
    roster: Roster,
    curriculum: Curriculum,
    standard: Standard,
    *,
    organisation: str,
    verify_url: str | None,
    key: bytes,
    registry: Path,
    out: Path,
    paper: str = "letter",
    today: dt.date | None = None,
    progress: bool = False,
    provider: Provider | None = None,
    editions: dict[str, Curriculum] | None = None,
) -> IssueSummary:
    """Write one PDF per learner into `out` and register new certificates. Files appear only when all succeed.

    `editions`: the translated curricula by language; a learner's PDF names the course and its modules as
    their language's edition does (hours are the same in every edition: they come from the English agenda).
    """
    events = read_events(registry)
    known = {e["code_sha256"]: e for e in events if e["event"] == "issued"}
    issued_on = (today or dt.date.today()).isoformat()
    strict = provider is not None and provider.require_passing_score

    def edition(learner) -> Curriculum:
        found = (editions or {}).get(learner.language_in(roster.cohort))
        return (
            curriculum
            if found is None
            else dataclasses.replace(found, standard_translations=curriculum.standard_translations)
        )

    chosen = [edition(learner) for learner in roster.learners]
    results = [
        learner_result(lrn, ed, standard, roster.cohort, strict)
        for lrn, ed in zip(roster.learners, chosen, strict=True)
    ]
    new_events = []
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".peerpath-issue-", dir=out))
    try:
        batch = []
        for result, learner_edition in zip(results, chosen, strict=True):
            code = certificate_code(key, roster.cohort, result.learner, curriculum.course.version, standard)
            digest = code_hash(code)
            previous = known.get(digest)
            when = previous["issued"] if previous else issued_on
            if result.complete and not previous:
                new_events.append(registry_event(result, roster, curriculum, standard, digest, when))
            data = certificate_data(result, roster, learner_edition, standard, organisation, verify_url, code, when)
            batch.append(dataclasses.replace(data, provider=provider_lines(provider, standard, data.lang)))
        fonts = fonts_for_batch(batch, staging)
        files = []
        pdfs = render_all(batch, paper, fonts)
        for n, (result, data, pdf) in enumerate(zip(results, batch, pdfs, strict=True), 1):
            name = f"{roster.cohort.id}--{result.learner.id}--{data.kind}.pdf"
            (staging / name).write_bytes(pdf)
            files.append(out / name)
            if progress:
                _progress(n, len(results))
        for path in sorted(staging.glob("*.pdf")):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    append_events(registry, new_events)
    complete = sum(r.complete for r in results)
    return IssueSummary(complete, len(results) - complete, len(new_events), files)


def render_all(batch: list[CertificateData], paper: str, fonts: Fonts) -> Iterator[bytes]:
    """PDFs in roster order, drawn in chunks; on several processes when the cohort is big enough to repay it."""
    chunks = [batch[i : i + LEARNERS_PER_CHUNK] for i in range(0, len(batch), LEARNERS_PER_CHUNK)]
    workers = min(os.cpu_count() or 1, len(batch) // LEARNERS_PER_WORKER, len(chunks))
    if workers < 2:
        for chunk in chunks:
            yield from render_batch(chunk, paper, fonts)
        return
    with ProcessPoolExecutor(workers) as pool:
        for pdfs in pool.map(render_batch, chunks, repeat(paper), repeat(fonts)):
            yield from pdfs


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    end = "\n" if done == total else ""
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end, file=sys.stderr, flush=True)


def registry_event(
    result: LearnerResult, roster: Roster, curriculum: Curriculum, standard: Standard, digest: str, when: str
) -> dict:
    """What the public registry keeps: no name, no learner id; initials only."""
    return {
        "event": "issued",
        "code_sha256": digest,
        "issued": when,
        "initials": initials(result.learner.name),
        "course": curriculum.course.title,
        "course_version": curriculum.course.version,
        "standard": standard.id,
        "cohort_end": roster.cohort.end.isoformat(),
        "total_hours": quarter_hours_of(result.total_minutes),
        "hours": {d.id: quarter_hours_of(result.domain_minutes[d.id]) for d in standard.domains},
    }


def certificate_data(
    result: LearnerResult,
    roster: Roster,
    curriculum: Curriculum,
    standard: Standard,
    organisation: str,
    verify_url: str | None,
    code: str,
    when: str,
) -> CertificateData:
    """What one learner's PDF prints, worded in the learner's language (the roster's, by default)."""
    cohort = roster.cohort
    complete = result.complete
    lang = result.learner.language_in(cohort)
    _ = gettext(lang)
    names = names_in(standard, curriculum.standard_translations, lang)
    return CertificateData(
        kind="certificate" if complete else "transcript",
        organisation=organisation,
        learner_name=result.learner.name,
        course_title=curriculum.course.title,
        course_version=curriculum.course.version,
        cohort_title=cohort.title,
        cohort_dates=_("{start} to {end}").format(start=date_text(cohort.start, lang), end=date_text(cohort.end, lang)),
        delivery=delivery_text(result.modes, lang),
        total_hours=quarter_hours_of(result.total_minutes),
        standard_name=names.name,
        domains=[
            DomainLine(names.domains[d.id], quarter_hours_of(result.domain_minutes[d.id]), d.required_hours)
            for d in standard.domains
        ],
        trainers=[t.name + (f", {t.credential}" if t.credential else "") for t in cohort.trainers],
        issued=when if lang == SOURCE_LANGUAGE else date_text(dt.date.fromisoformat(when), lang),
        code=code if complete else None,
        verify_text=(f"{verify_url}#code={code}" if verify_url else code) if complete else None,
        missing=result.missing,
        dates_attended=dates_text(result.dates, lang) if result.dates else "",
        verify_link=f"{verify_url}#code={code}" if verify_url and complete else None,
        lang=lang,
    )


def delivery_text(modes: list[str], lang: str = SOURCE_LANGUAGE) -> str:
    """'in person and live online' / 'de forma presencial y en línea en vivo'."""
    _ = gettext(lang)
    words = [_(DELIVERY[m]) for m in modes]
    return " and ".join(words) if lang == SOURCE_LANGUAGE else list_text(words, lang)


def provider_lines(provider: Provider | None, standard: Standard, lang: str = SOURCE_LANGUAGE) -> list[str]:
    """What the certificate says about the provider and its approval for this standard, if any."""
    if provider is None:
        return []
    _ = gettext(lang)
    lines = [_("Training provider: {organisation}").format(organisation=provider.organisation)]
    approval = provider.approval_for(standard.id)
    if approval is not None:
        if approval.number:
            line = _("Approved by {body}, provider number {number}").format(body=approval.body, number=approval.number)
        else:
            line = _("Approved by {body}").format(body=approval.body)
        lines.append(line)
        lines += [approval.statement] if approval.statement else []
    return lines


class RevokeError(Exception):
    pass


def revoke(registry: Path, code: str, reason: str, today: dt.date | None = None) -> dict:
    """Append a revocation for a code that was issued and is not yet revoked."""
    events = read_events(registry)
    digest = code_hash(code)
    if digest not in issued_hashes(events):
        raise RevokeError("no certificate with that code is in the registry")
    if any(e["event"] == "revoked" and e["code_sha256"] == digest for e in events):
        raise RevokeError("that certificate is already revoked")
    if not reason.strip():
        raise RevokeError("give a reason for the revocation")
    event = {
        "event": "revoked",
        "code_sha256": digest,
        "date": (today or dt.date.today()).isoformat(),
        "reason": reason.strip(),
    }
    append_events(registry, [event])
    return event
