"""A translator's checklist: a translation out of step with its English source fails `peerpath check` at its line.

The fixture's Spanish edition translates one module (boundaries-basics) and its quiz; listening-skills has
no translation yet, so the Spanish site shows it in English with a notice.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from peerpath.curriculum.translations import source_hash
from peerpath.pipeline import check_editions, generate
from peerpath.project import Project
from peerpath.site.cache import input_key
from peerpath.site.quizview import answer_key_json

MODULE_ES = "curriculum/modules/boundaries-basics.es.md"
QUIZ_ES = "quizzes/boundaries-basics.es.yml"


def line_of(project: Project, rel: str, text: str) -> int:
    """The line a translator would look at: where `text` first appears in the file."""
    lines = (project.root / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Project) -> list[str]:
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()[:-1]


def test_the_fixture_translation_is_in_step_and_makes_a_spanish_edition(project_es: Project):
    result = run_cli("check", cwd=project_es.root)
    assert result.returncode == 0, result.stderr
    assert "an edition in Español (es)" in result.stdout
    english, _, found, translated = check_editions(project_es)
    assert found == []
    spanish = translated.curricula["es"]
    module, source = spanish.module("boundaries-basics"), english.module("boundaries-basics")
    assert module.meta.title == "Límites básicos"
    assert [s.title for s in module.meta.agenda] == ["Bienvenida", "Descanso", "Juego de roles", "Repaso de las etapas"]
    # What a board audits is the English, never retyped.
    assert [(s.minutes, s.kind, s.topic) for s in module.meta.agenda] == [
        (s.minutes, s.kind, s.topic) for s in source.meta.agenda
    ]
    assert module.meta.references == source.meta.references
    assert spanish.untranslated == {"listening-skills"}


def grading(quiz) -> dict:
    """What the browser grades with: each question's type, correct answers and scoring (not its texts)."""
    key = json.loads(answer_key_json(quiz))
    return {
        qid: {k: v for k, v in q.items() if k not in ("rationale", "feedback", "guidance")}
        for qid, q in key["questions"].items()
    }


def test_a_spanish_quiz_keeps_the_english_answers_pass_mark_and_order(project_es: Project):
    english, _, _, translated = check_editions(project_es)
    quiz, source = translated.curricula["es"].quizzes["boundaries-basics"], english.quizzes["boundaries-basics"]
    assert quiz.questions[0].prompt.startswith("Una persona a la que apoyas")
    assert grading(quiz) == grading(source)
    assert quiz.pass_mark == source.pass_mark and quiz.shuffle == source.shuffle
    assert [p.id for p in quiz.questions[3].pairs] == [p.id for p in source.questions[3].pairs]


def test_a_translation_that_marks_another_choice_correct_fails_at_that_line(project_es: Project):
    edit(
        project_es,
        QUIZ_ES,
        "text: Quedártela sin decir nada.",
        "text: Quedártela sin decir nada.\n        correct: true",
    )
    line = line_of(project_es, QUIZ_ES, "correct: true")
    assert problems(project_es) == [
        f"{QUIZ_ES}:{line}: questions[0].choices[0].correct: is taken from the English source; "
        "a translation may not set it (remove it here)"
    ]


def test_a_translation_missing_an_agenda_segment_fails(project_es: Project):
    edit(project_es, MODULE_ES, "  - title: Descanso\n", "")
    line = line_of(project_es, MODULE_ES, "agenda:")
    assert problems(project_es) == [
        f"{MODULE_ES}:{line}: agenda: the English has 4 segments, this translation 3: "
        "give one per English segment, in the same order"
    ]


def test_minutes_in_a_translation_are_refused_as_taken_from_the_english(project_es: Project):
    edit(project_es, MODULE_ES, "  - title: Descanso\n", "  - title: Descanso\n    minutes: 5\n")
    line = line_of(project_es, MODULE_ES, "minutes: 5")
    assert problems(project_es) == [
        f"{MODULE_ES}:{line}: agenda[1].minutes: is taken from the English source; "
        "a translation may not set it (remove it here)"
    ]


def test_an_extra_choice_fails_with_its_id(project_es: Project):
    edit(
        project_es,
        QUIZ_ES,
        "          - id: sponsor\n",
        "          - id: friend\n            text: Amistad\n          - id: sponsor\n",
    )
    line = line_of(project_es, QUIZ_ES, "id: friend")
    assert problems(project_es) == [
        f"{QUIZ_ES}:{line}: questions[2].questions[0].choices[2].id: the English has no choice 'friend'"
    ]


def test_a_question_out_of_order_or_missing_is_named(project_es: Project):
    edit(
        project_es,
        QUIZ_ES,
        "  - id: own-boundary\n    prompt: ¿Cuándo te ayudó un límite?\n",
        "  - id: own-boundary\n    prompt: ¿Cuándo?\n",
    )
    path = project_es.root / QUIZ_ES
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: own-boundary")], encoding="utf-8")
    found = problems(project_es)
    assert found == [f"{QUIZ_ES}:2: questions: missing the English question(s) 'own-boundary'"]


def test_a_heading_without_its_english_anchor_fails_at_its_line(project_es: Project):
    edit(project_es, MODULE_ES, "## Regalos {#gifts}", "## Regalos")
    line = line_of(project_es, MODULE_ES, "## Regalos")
    found = problems(project_es)
    assert (
        f"{MODULE_ES}:{line}: heading 'Regalos' has no anchor: "
        "end it with the English heading's anchor, here {#gifts}" in found
    )
    assert len(found) == 1, "one mistake, one problem"


def test_a_missing_heading_is_reported_where_it_belongs(project_es: Project):
    edit(project_es, MODULE_ES, "## Regalos {#gifts}\n", "")
    line = line_of(project_es, MODULE_ES, "## Puntos clave")
    assert problems(project_es) == [
        f"{MODULE_ES}:{line}: the English heading 'Gifts' {{#gifts}} has no translated heading"
    ]


def test_headings_out_of_order_and_admonitions_changed_are_found(project_es: Project):
    edit(project_es, MODULE_ES, "## Regalos {#gifts}", "## Puntos clave {#key-points}")
    edit(project_es, MODULE_ES, "## Puntos clave {#key-points}\n\n- Los", "## Regalos {#gifts}\n\n- Los")
    edit(project_es, MODULE_ES, '!!! facilitator "Cómo abrir la sesión"', '!!! note "Cómo abrir la sesión"')
    found = problems(project_es)
    first = line_of(project_es, MODULE_ES, "{#key-points}")
    note = line_of(project_es, MODULE_ES, "!!! note")
    assert found == sorted(
        [
            f"{MODULE_ES}:{first}: heading {{#key-points}} is out of order: the English has {{#gifts}} here",
            f"{MODULE_ES}:{note}: admonition 1 is '!!! note' here but '!!! facilitator' in the English: "
            "keep the English admonitions, in the same order",
        ]
    )


def test_a_translation_of_an_edited_english_file_is_stale(project_es: Project):
    edit(project_es, "curriculum/modules/boundaries-basics.md", "A boundary marks", "A boundary shows")
    current = source_hash(project_es.modules / "boundaries-basics.md")
    line = line_of(project_es, MODULE_ES, "source:")
    assert problems(project_es) == [
        f"{MODULE_ES}:{line}: source: the English was edited after this translation: "
        f"update it, then set source: {current}"
    ]
    status = run_cli("translations", cwd=project_es.root)
    assert f"stale       {MODULE_ES}" in status.stdout
    assert f"up to date  {QUIZ_ES}" in status.stdout
    assert "missing     curriculum/modules/listening-skills.es.md" in status.stdout


def test_a_translation_without_an_english_file_beside_it_is_reported(project_es: Project):
    (project_es.quizzes / "boundaries-basics.es.yml").rename(project_es.quizzes / "boundary-basics.es.yml")
    assert problems(project_es) == [
        "quizzes/boundary-basics.es.yml:1: there is no English file quizzes/boundary-basics.yml beside this "
        "translation; name a translation after its source with the language before the extension"
    ]


def test_an_unreviewed_translation_is_a_warning_not_a_failure(project_es: Project):
    path = project_es.root / MODULE_ES
    text = path.read_text(encoding="utf-8")
    start, end = text.index("reviewed:"), text.index("---\n", 4)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_cli("check", cwd=project_es.root)
    assert result.returncode == 0
    assert f"{MODULE_ES}:1: reviewed: warning: no review recorded" in result.stderr


def test_the_spanish_docs_show_an_untranslated_module_in_english_with_a_notice(project_es: Project):
    generate(project_es)
    docs = project_es.build / "docs-es"
    untranslated = (docs / "modules" / "listening-skills.md").read_text(encoding="utf-8")
    assert "Esta parte aún no está traducida" in untranslated
    assert '<div lang="en" markdown>' in untranslated
    translated = (docs / "modules" / "boundaries-basics.md").read_text(encoding="utf-8")
    assert "Límites básicos" in translated and 'lang="en"' not in translated
    assert "SECRET-FACILITATOR-NOTE" not in translated
    assert "SECRET-FACILITATOR-NOTE" in (docs / "trainer" / "boundaries-basics.md").read_text(encoding="utf-8")
    config = (project_es.build / "mkdocs-es.yml").read_text(encoding="utf-8")
    assert "language: es" in config and "site_dir: ../site/es" in config
    assert "Mi progreso: progress.md" in config


@pytest.mark.parametrize("rel", [MODULE_ES, QUIZ_ES])
def test_editing_a_translation_regenerates_the_spanish_pages(project_es: Project, rel: str):
    generate(project_es)
    before = input_key(project_es)
    edit(
        project_es,
        rel,
        "Límites" if rel == MODULE_ES else "¿Qué haces?",
        "Límites claros" if rel == MODULE_ES else "¿Qué harías?",
    )
    assert input_key(project_es) != before
    generate(project_es)
    page = (project_es.build / "docs-es" / "modules" / "boundaries-basics.md").read_text(encoding="utf-8")
    assert ("Límites claros" if rel == MODULE_ES else "¿Qué harías?") in page


def test_removing_every_translation_removes_the_spanish_site_inputs(project_es: Project):
    generate(project_es)
    assert (project_es.build / "mkdocs-es.yml").is_file()
    for rel in (MODULE_ES, QUIZ_ES):
        Path(project_es.root / rel).unlink()
    generate(project_es)
    assert not (project_es.build / "mkdocs-es.yml").exists()
    assert not (project_es.build / "docs-es").exists()


def test_editors_get_a_schema_for_each_kind_of_translation():
    from peerpath.schema import json_schemas

    schemas = json_schemas()
    module = schemas["module-translation.schema.json"]
    assert set(module["properties"]) == {
        "source", "title", "summary", "objectives", "agenda", "extra_references", "reviewed"
    }  # fmt: skip
    assert module["additionalProperties"] is False
    for kind in ("quiz", "page", "course", "topics", "evaluation"):
        assert schemas[f"{kind}-translation.schema.json"]["properties"]["source"]["pattern"] == "^[0-9a-f]{12}$"


def test_a_broken_link_in_a_translation_names_the_translators_line_and_no_site_is_built(project_es: Project):
    module = project_es.root / MODULE_ES
    lines = module.read_text(encoding="utf-8").splitlines()
    module.write_text("\n".join([*lines, "", "Lee [la página antigua](pagina-antigua.md).", ""]), encoding="utf-8")
    result = run_cli("build", cwd=project_es.root)
    assert result.returncode == 1
    assert f"{MODULE_ES}:{len(lines) + 2}: link 'pagina-antigua.md' points at no page or file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not project_es.site("mkdocs").exists()
