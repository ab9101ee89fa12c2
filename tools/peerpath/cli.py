"""Command-line wiring only: parse arguments, call the pipeline, print problems, set the exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from peerpath.audit.report import FORMATS
from peerpath.audit_cli import run_audit
from peerpath.cohorts.commands import add_commands, add_lang
from peerpath.cohorts.registry import registry_problems
from peerpath.cohorts.roster import read_roster
from peerpath.curriculum.advice import curriculum_warnings
from peerpath.evaluations_cli import add_commands as add_evaluation_commands
from peerpath.exports import KINDS
from peerpath.i18n import LANGUAGES
from peerpath.models.siteextra import Provider
from peerpath.options import address, os_message
from peerpath.pipeline import build, check, check_editions, generate, serve
from peerpath.problems import Problem, ProblemsFound
from peerpath.project import Project, find_root
from peerpath.schema import write_schemas
from peerpath.site.siteconfig import ENGINES

PROGRESS_FROM = 50  # learners; smaller batches finish too fast to need a progress bar


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(Path(args.root).resolve() if args.root else find_root(Path.cwd()))
    try:
        return args.run(project, args)
    except ProblemsFound as found:
        return _report(found.problems, found.outcome)
    except OSError as error:  # e.g. --out names a file where a folder is needed, or a disk is full
        print(f"peerpath: {os_message(error)}", file=sys.stderr)
        return 1


def _check(project: Project, args: argparse.Namespace) -> int:
    curriculum, _, problems, translated = check_editions(project)
    if problems:
        return _report(problems)
    warnings = curriculum_warnings(curriculum.modules, dt.date.today()) + translated.warnings
    for warning in warnings:
        print(warning, file=sys.stderr)
    noted = f", {len(warnings)} warning(s)" if warnings else ""
    editions = "".join(f", an edition in {LANGUAGES[lang]} ({lang})" for lang in translated.curricula)
    print(f"ok: {len(curriculum.modules)} modules, {len(curriculum.quizzes)} quizzes{editions}, no problems{noted}")
    return 0


def _translations(project: Project, args: argparse.Namespace) -> int:
    from peerpath.curriculum.translation_status import status_lines

    for line in status_lines(project, args.lang):
        print(line)
    return 0


def _generate(project: Project, args: argparse.Namespace) -> int:
    result = generate(project)
    print(f"generated {project.shown(project.docs)}: {len(result.changed)} file(s) changed")
    return 0


def _build(project: Project, args: argparse.Namespace) -> int:
    return build(project, args.engine)


def _serve(project: Project, args: argparse.Namespace) -> int:
    return serve(project, args.address, args.engine, args.lang)


def _schema(project: Project, args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.out) if args.out else project.root / "schemas"):
        print(f"wrote {project.shown(path)}")
    return 0


def _audit(project: Project, args: argparse.Namespace) -> int:
    curriculum, base, problems = check(project)
    if problems or curriculum is None:
        _report(problems)
        return 2
    return run_audit(curriculum, base, args)


def _issue(project: Project, args: argparse.Namespace) -> int:
    # PDF and font libraries load only for the commands that need them: every other command starts faster.
    from peerpath.cohorts.certificate_pdf import FontMissing
    from peerpath.cohorts.issue import SigningKeyError, issue, signing_key

    curriculum, base, problems, translated = check_editions(project)
    if problems or curriculum is None or base is None:
        return _report(problems)
    standard = _find_standard(curriculum, args.standard)
    if standard is None:
        return 1
    roster_path = Path(args.roster)
    roster, problems = read_roster(roster_path, args.roster, curriculum)
    if problems or roster is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in the roster; no certificate was issued", file=sys.stderr)
        return 1
    settings = base["extra"]["peerpath"]
    try:
        summary = issue(
            roster,
            curriculum,
            standard,
            organisation=settings["organisation"],
            verify_url=settings.get("verify_url"),
            key=signing_key(Path(args.key) if args.key else project.private / "certificate-key"),
            registry=project.registry,
            out=Path(args.out),
            paper=args.paper,
            progress=len(roster.learners) >= PROGRESS_FROM or sys.stderr.isatty(),
            provider=Provider.model_validate(settings["provider"]) if settings.get("provider") else None,
            editions=translated.curricula,
        )
    except (FontMissing, SigningKeyError) as error:
        print(f"peerpath: {error}", file=sys.stderr)
        return 1
    print(
        f"{summary.certificates} certificate(s) and {summary.transcripts} transcript(s) written to {args.out}; "
        f"{summary.newly_registered} new certificate(s) added to {project.shown(project.registry)}"
    )
    return 0


def _revoke(project: Project, args: argparse.Namespace) -> int:
    from peerpath.cohorts.issue import RevokeError, revoke

    damaged = registry_problems(project.registry, project.shown(project.registry))
    if damaged:
        for problem in damaged:
            print(problem, file=sys.stderr)
        print("the registry is damaged; nothing was added to it", file=sys.stderr)
        return 1
    try:
        event = revoke(project.registry, args.code, args.reason)
    except RevokeError as error:
        print(f"peerpath: {error}", file=sys.stderr)
        return 1
    print(f"revoked on {event['date']}: {event['reason']}")
    return 0


def _export(project: Project, args: argparse.Namespace) -> int:
    from peerpath.exports.run import export

    curriculum, _, problems = check(project)
    if problems or curriculum is None:
        return _report(problems)
    written, warnings = export(args.kind, curriculum, Path(args.out), args.version)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {len(written)} file(s) to {args.out}")
    return 0


def _find_standard(curriculum, standard_id: str):
    """The standard with this id, or None after telling the user which ids exist."""
    standard = curriculum.standards.get(standard_id)
    if standard is None:
        known = ", ".join(sorted(curriculum.standards)) or "none"
        print(f"peerpath: no standard has the id '{standard_id}' (standards: {known})", file=sys.stderr)
    return standard


def _report(problems: list[Problem], outcome: str = "nothing was generated") -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found; {outcome}", file=sys.stderr)
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerpath", description="Check, generate and build the PeerPath curriculum site."
    )
    parser.add_argument(
        "--root",
        help="project folder (default: the nearest folder with mkdocs.yml and curriculum/)",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    sub = commands.add_parser("check", help="validate modules, quizzes, topics and the course; list every problem")
    sub.set_defaults(run=_check)
    sub = commands.add_parser("generate", help="write the generated pages to build/ without building the site")
    sub.set_defaults(run=_generate)
    sub = commands.add_parser("build", help="check, generate, and build the site")
    sub.add_argument("--engine", choices=ENGINES, default="mkdocs", help="site builder (default: mkdocs)")
    sub.set_defaults(run=_build)
    sub = commands.add_parser("serve", help="check, generate, and serve with live reload")
    sub.add_argument("--address", type=address, default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)")
    sub.add_argument("--engine", choices=ENGINES, default="mkdocs", help="site builder (default: mkdocs)")
    sub.add_argument("--lang", choices=list(LANGUAGES), default="en", help="which language's site (default: en)")
    sub.set_defaults(run=_serve)
    sub = commands.add_parser(
        "translations", help="for translators: each file's translation, up to date, stale or missing"
    )
    sub.add_argument("--lang", choices=[code for code in LANGUAGES if code != "en"], default="es")
    sub.set_defaults(run=_translations)
    sub = commands.add_parser("audit", help="audit curriculum hours against a credential standard")
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("--standard", metavar="ID", help="standard id, e.g. icrc-pr (see standards/)")
    which.add_argument("--all", action="store_true", help="one summary table across every standard")
    sub.add_argument("--cohort", metavar="ROSTER", help="audit a cohort's delivery (sessions, modes) instead")
    sub.add_argument("--format", choices=FORMATS, default="text")
    sub.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    add_lang(sub)
    sub.set_defaults(run=_audit)
    certificates = commands.add_parser("certificates", help="issue and revoke certificates of completion")
    actions = certificates.add_subparsers(required=True, metavar="ACTION")
    sub = actions.add_parser("issue", help="a certificate (or a transcript if incomplete) per learner of a roster")
    sub.add_argument("roster", help="roster file, .yml or .csv (keep it in private/)")
    sub.add_argument("--standard", required=True, metavar="ID", help="standard whose domains the hours are shown in")
    sub.add_argument("--out", required=True, metavar="DIR", help="folder for the PDFs (e.g. private/certificates)")
    sub.add_argument("--paper", choices=("letter", "a4"), default="letter")
    sub.add_argument("--key", metavar="FILE", help="signing key (default: private/certificate-key, made if missing)")
    sub.set_defaults(run=_issue)
    sub = actions.add_parser("revoke", help="record that a certificate is revoked (the registry is append-only)")
    sub.add_argument("code", help="the certificate's verification code")
    sub.add_argument("--reason", required=True)
    sub.set_defaults(run=_revoke)
    sub = commands.add_parser(
        "export", help="packages for learning platforms: QTI, GIFT and Moodle XML (Moodle), SCORM 1.2"
    )
    sub.add_argument("kind", choices=KINDS)
    sub.add_argument("--version", choices=("1.2", "2.1"), default="2.1", help="QTI version (default 2.1)")
    sub.add_argument("--out", required=True, metavar="DIR")
    sub.set_defaults(run=_export)
    add_evaluation_commands(commands)
    add_commands(commands)
    sub = commands.add_parser("schema", help="write JSON Schema files for editors")
    sub.add_argument("--out", help="folder (default: schemas/)")
    sub.set_defaults(run=_schema)
    return parser
