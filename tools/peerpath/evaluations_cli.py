"""`peerpath evaluations ...`: argparse wiring for course evaluations only (kept apart so cli.py stays small)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peerpath.cohorts.evaluations import FORMATS, render_summary, summary_rows
from peerpath.cohorts.evaluations_form import load_form
from peerpath.cohorts.evaluations_read import read_responses
from peerpath.i18n import LANGUAGES
from peerpath.problems import Problem, ProblemsFound
from peerpath.project import Project
from peerpath.site.generate import write_file


def add_commands(commands) -> None:
    """Register `evaluations summarize` and `evaluations form` on the top-level subparsers."""
    evaluations = commands.add_parser("evaluations", help="course evaluations: the printable form and a summary")
    actions = evaluations.add_subparsers(required=True, metavar="ACTION")
    sub = actions.add_parser("summarize", help="a summary table and chart per question from answer files")
    sub.add_argument("files", nargs="+", metavar="FILE", help="CSV from a spreadsheet or form tool, or .json files")
    sub.add_argument("--format", choices=FORMATS, default="text")
    sub.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    sub.add_argument("--lang", choices=tuple(LANGUAGES), default="en", help="language of the summary (default: en)")
    sub.set_defaults(run=summarize)
    sub = actions.add_parser("form", help="the printable evaluation form (PDF)")
    sub.add_argument("--out", required=True, metavar="FILE", help="e.g. private/evaluation-form.pdf")
    sub.add_argument("--paper", choices=("letter", "a4"), default="letter")
    sub.add_argument("--lang", choices=tuple(LANGUAGES), default="en", help="language of the form (default: en)")
    sub.set_defaults(run=form_pdf)


def _form(project: Project, lang: str = "en"):
    form, problems = load_form(project, lang)
    if problems or form is None:
        raise ProblemsFound(problems, "nothing was written")
    return form


def summarize(project: Project, args: argparse.Namespace) -> int:
    form = _form(project)
    responses, problems = read_responses([(Path(f), f) for f in args.files], form)
    if problems:
        raise ProblemsFound(problems, "nothing was written")
    text = render_summary(form, summary_rows(form, responses), len(responses), args.format, args.lang)
    if args.out:
        write_file(Path(args.out), text)
        print(f"wrote {args.out}: {len(responses)} response(s)")
    else:
        sys.stdout.write(text)
    return 0


def form_pdf(project: Project, args: argparse.Namespace) -> int:
    from peerpath.cohorts.certificate_pdf import FontMissing
    from peerpath.cohorts.evaluations_pdf import render_form_pdf
    from peerpath.pipeline import check

    form = _form(project, args.lang)
    curriculum, _, problems = check(project)
    if problems or curriculum is None:
        raise ProblemsFound(problems or [Problem("curriculum", 1, "", "could not be read")], "nothing was written")
    try:
        data = render_form_pdf(form, curriculum.course.title, args.paper, lang=args.lang)
    except FontMissing as error:
        print(f"peerpath: {error}", file=sys.stderr)
        return 1
    write_file(Path(args.out), data)
    print(f"wrote {args.out}")
    return 0
