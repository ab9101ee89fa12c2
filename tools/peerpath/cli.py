"""Command-line wiring only: parse arguments, call the pipeline, print problems, set the exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peerpath.audit import audit
from peerpath.audit_report import FORMATS, render_audit, render_summary
from peerpath.generate import write_file
from peerpath.pipeline import build, check, generate, serve
from peerpath.problems import Problem, ProblemsFound
from peerpath.project import Project, find_root
from peerpath.schema import write_schemas
from peerpath.siteconfig import ENGINES


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = Project(Path(args.root).resolve() if args.root else find_root(Path.cwd()))
    try:
        return args.run(project, args)
    except ProblemsFound as found:
        return _report(found.problems)


def _check(project: Project, args: argparse.Namespace) -> int:
    curriculum, _, problems = check(project)
    if problems:
        return _report(problems)
    print(f"ok: {len(curriculum.modules)} modules, {len(curriculum.quizzes)} quizzes, no problems")
    return 0


def _generate(project: Project, args: argparse.Namespace) -> int:
    result = generate(project)
    print(f"generated {project.shown(project.docs)}: {len(result.changed)} file(s) changed")
    return 0


def _build(project: Project, args: argparse.Namespace) -> int:
    return build(project, args.engine)


def _serve(project: Project, args: argparse.Namespace) -> int:
    return serve(project, args.address)


def _schema(project: Project, args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.out) if args.out else project.root / "schemas"):
        print(f"wrote {project.shown(path)}")
    return 0


def _audit(project: Project, args: argparse.Namespace) -> int:
    curriculum, _, problems = check(project)
    if problems or curriculum is None:
        _report(problems)
        return 2
    if args.all:
        audits = [audit(curriculum, s) for s in curriculum.standards.values()]
        text = render_summary(audits, args.format)
        meets = all(a.meets for a in audits)
    else:
        standard = curriculum.standards.get(args.standard)
        if standard is None:
            known = ", ".join(sorted(curriculum.standards)) or "none"
            print(f"peerpath: no standard has the id '{args.standard}' (standards: {known})", file=sys.stderr)
            return 2
        result = audit(curriculum, standard)
        text = render_audit(result, args.format)
        meets = result.meets is True
    if args.out:
        write_file(Path(args.out), text)
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0 if meets else 1


def _report(problems: list[Problem]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found; nothing was generated", file=sys.stderr)
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
    sub.add_argument("--address", default="127.0.0.1:8000")
    sub.set_defaults(run=_serve)
    sub = commands.add_parser("audit", help="audit curriculum hours against a credential standard")
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("--standard", metavar="ID", help="standard id, e.g. icrc-pr (see standards/)")
    which.add_argument("--all", action="store_true", help="one summary table across every standard")
    sub.add_argument("--format", choices=FORMATS, default="text")
    sub.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    sub.set_defaults(run=_audit)
    sub = commands.add_parser("schema", help="write JSON Schema files for editors")
    sub.add_argument("--out", help="folder (default: schemas/)")
    sub.set_defaults(run=_schema)
    return parser
