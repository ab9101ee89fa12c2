"""Around the site builder: links checked in the files trainers wrote, and the site swapped in only whole.

A build writes into a staging folder next to the site; the last good site is replaced only when the
builder succeeds, so a failed build never leaves a broken site behind.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.translations import Translations
from peerpath.problems import Problem
from peerpath.project import Project

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.I)


def authored_link_problems(project: Project, curriculum: Curriculum) -> list[Problem]:
    """Relative links in modules and authored pages whose target is not in the generated site, by authored line."""
    sources = {module.path: f"modules/{module.meta.id}.md" for module in curriculum.modules}
    for path in project.authored_files():  # published pages only: the review record is not in the site
        if path.suffix == ".md" and path.is_file():
            sources[project.shown(path)] = path.relative_to(project.curriculum).as_posix()
    return _links_in(project, sources, project.docs)


def translated_link_problems(project: Project, translations: Translations, docs: Path) -> list[Problem]:
    """The same for one language's translations (`name.es.md`), against that language's generated site."""
    sources = {t.path: f"modules/{module_id}.md" for module_id, t in translations.modules.items()}
    sources.update({t.path: rel for rel, t in translations.pages.items()})
    return _links_in(project, sources, docs)


def _links_in(project: Project, sources: dict[str, str], docs: Path) -> list[Problem]:
    """`sources`: each authored file as shown -> the page it becomes in `docs`."""
    problems = []
    for shown, generated in sources.items():
        text = (project.root / shown).read_text(encoding="utf-8")
        problems += broken_links(text, shown, generated, docs)
    return problems


def broken_links(text: str, shown: str, generated: str, docs: Path) -> list[Problem]:
    """Links in one authored file, resolved from where its page is generated, that point at nothing."""
    found, fenced = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        for target in _LINK.findall(_CODE_SPAN.sub("", line)):
            path = target.split("#", 1)[0].split("?", 1)[0]
            if not path or _EXTERNAL.match(target):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(generated), path))
            if resolved.startswith("..") or not (docs / resolved).exists():
                found.append(
                    Problem(shown, number, "", f"link '{target}' points at no page or file (was it renamed or moved?)")
                )
    return found


def run_builder(cmd: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Run the builder, passing its output through without the Python traceback some builders end with."""
    with subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        assert process.stdout is not None
        in_traceback = False
        for line in process.stdout:
            if line.startswith("Traceback (most recent call last):"):
                in_traceback = True
                continue
            if in_traceback and line[:1].isspace():
                continue
            in_traceback = False
            sys.stderr.write(line)
    return process.returncode


def staging_folder(site: Path) -> Path:
    """Where a build writes before it is swapped in: next to the site, so the swap is a rename."""
    return site.with_name(f".{site.name}.partial")


def swap_in(staging: Path, site: Path) -> None:
    """Replace the site with the freshly built one; the old one is removed only after the new one is in place."""
    old = site.with_name(f".{site.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
