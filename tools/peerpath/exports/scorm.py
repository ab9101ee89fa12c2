"""SCORM 1.2: one zip per module, its reading and quiz working offline inside the LMS."""

from __future__ import annotations

import json
from importlib import resources

import markdown
from markupsafe import Markup

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes
from peerpath.curriculum.load import Module
from peerpath.exports.metadata import metadata_json, package_metadata
from peerpath.exports.qti import zip_files
from peerpath.site.generate import learner_page, quiz_html
from peerpath.templating import render

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
STATIC = ("peerpath.css", "i18n.js", "quiz.js", "scorm.js")  # i18n.js: the quiz's words (English here)


def module_html(curriculum: Curriculum, module: Module) -> str:
    """The learner page (facilitator notes already removed) as standalone HTML."""
    quiz = curriculum.quizzes.get(module.meta.id)
    page = learner_page(curriculum, module, quiz_html(quiz, module.meta.title) if quiz else "")
    page = page.split("\n---\n", 1)[1] if page.startswith("---") else page  # drop the page's front matter
    page = page.replace('<div class="pp-completion"', '<div hidden class="pp-completion"')
    return markdown.markdown(page, extensions=EXTENSIONS)


def scorm_package(curriculum: Curriculum, module: Module) -> bytes:
    quiz = curriculum.quizzes.get(module.meta.id)
    minutes = contact_minutes(module.meta)
    config = json.dumps({"quiz": quiz.id if quiz else None, "passMark": quiz.pass_mark if quiz else None})
    files: dict[str, str | bytes] = {
        "index.html": render(
            "scorm_index.html.j2",
            meta=module.meta,
            body=Markup(module_html(curriculum, module)),
            config=Markup(config.replace("<", "\\u003c")),
        ),
        "peerpath.json": json.dumps(metadata_json(module, minutes), indent=2, ensure_ascii=False) + "\n",
    }
    static = resources.files("peerpath").joinpath("static")
    for name in STATIC:
        files[name] = static.joinpath(name).read_bytes()
    files["imsmanifest.xml"] = render(
        "scorm_manifest.xml.j2",
        version=curriculum.course.version,
        pass_mark=quiz.pass_mark if quiz else None,
        files=sorted(files),
        **package_metadata(module, minutes, "ADL SCORM", "1.2"),
    )
    return zip_files(files)
