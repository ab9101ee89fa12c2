"""Files that are not what they seem, hostile YAML and impossible values: one located line each, never a traceback."""

from __future__ import annotations

import os

from conftest import run_cli
from peerpath.project import Project


def check(project: Project) -> list[str]:
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()[:-1]


def test_a_folder_named_like_a_module_is_reported_not_crashed_on(project: Project):
    (project.modules / "notes.md").mkdir()
    assert check(project) == [
        "curriculum/modules/notes.md:1: is a folder, but a file is expected here; rename or move the folder"
    ]


def test_a_broken_link_in_place_of_a_module_is_reported(project: Project):
    os.symlink(project.root / "gone.md", project.modules / "renamed.md")
    assert check(project) == [
        "curriculum/modules/renamed.md:1: is a link to a file that does not exist (a broken or looping link)"
    ]


def test_a_link_that_points_at_itself_is_reported(project: Project):
    os.symlink(project.modules / "loop.md", project.modules / "loop.md")
    assert check(project) == [
        "curriculum/modules/loop.md:1: is a link to a file that does not exist (a broken or looping link)"
    ]


def test_a_folder_where_the_course_file_belongs_is_reported(project: Project):
    course = project.curriculum / "course.yml"
    course.unlink()
    course.mkdir()
    lines = check(project)
    assert "curriculum/course.yml:1: is a folder, but a file is expected here; rename or move the folder" in lines


def test_a_ten_megabyte_quiz_is_refused_quickly_with_its_size(project: Project):
    big = project.quizzes / "huge.yml"
    big.write_text("id: huge\n" + "# padding padding padding padding padding padding\n" * 200_000)
    lines = check(project)
    assert lines == ["quizzes/huge.yml:1: file is 10,000,009 bytes; PeerPath reads files up to 1,000,000 bytes"]


def test_a_broken_image_link_among_the_guides_is_reported(project: Project):
    os.symlink(project.root / "missing.png", project.curriculum / "for-trainers" / "photo.png")
    assert check(project) == [
        "curriculum/for-trainers/photo.png:1: is a link to a file that does not exist (a broken or looping link)"
    ]


def test_a_guide_saved_as_windows_1252_names_the_line_and_how_to_resave(project: Project):
    guide = project.curriculum / "for-trainers" / "guide.md"
    guide.write_bytes(guide.read_bytes() + "\nThe trainer\u2019s note.\n".encode("cp1252"))
    lines = check(project)
    assert len(lines) == 1
    assert lines[0].startswith("curriculum/for-trainers/guide.md:")
    assert "is not UTF-8 text (byte 0x92 on this line); open it in your editor and save it as UTF-8" in lines[0]


def test_a_module_that_fails_to_parse_is_the_only_problem_reported(project: Project):
    """course.yml and the quiz name the module; they are not blamed for its absence."""
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text().replace("title:", "title: 'never closed", 1))
    lines = check(project)
    assert len(lines) == 1
    assert lines[0].startswith("curriculum/modules/listening-skills.md:3: invalid YAML: the quote that opens")


def test_a_module_that_cannot_be_read_is_the_only_problem_reported(project: Project):
    module = project.modules / "listening-skills.md"
    module.write_bytes(b"\xff\xfe" + module.read_text().encode("utf-16-le"))
    lines = check(project)
    assert len(lines) == 1
    assert lines[0].startswith("curriculum/modules/listening-skills.md:1: is not")


def test_an_impossible_date_in_a_standard_names_the_field(project: Project):
    standard = project.standards / "fixture-board.yml"
    standard.write_text(standard.read_text().replace("effective: 2024-07-01", "effective: 2026-02-30"))
    assert check(project) == [
        "standards/fixture-board.yml:5: effective: input should be a valid date or datetime, "
        "day value is outside expected range, got '2026-02-30'"
    ]


def test_an_unquoted_yes_as_an_answer_says_to_quote_it(project: Project):
    quiz = project.quizzes / "listening-skills.yml"
    quiz.write_text(quiz.read_text().replace("text: Did the week go well?", "text: Yes"))
    assert check(project) == [
        "quizzes/listening-skills.yml:13: questions[0].choices[1].text: must be text, but YAML reads Yes as true "
        'or false; put it in quotes: "Yes"'
    ]


def test_a_billion_laughs_quiz_is_refused_at_its_first_anchor(project: Project):
    rows = ["id: laughs", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(9)
    ]
    (project.quizzes / "laughs.yml").write_text("\n".join(rows) + "\n")
    assert check(project) == [
        "quizzes/laughs.yml:2: YAML anchors and aliases (&name, *name) are not allowed; write the value out"
    ]


def test_an_infinite_number_of_hours_in_a_standard_is_refused(project: Project):
    standard = project.standards / "fixture-board.yml"
    standard.write_text(standard.read_text().replace("required_hours: 2", "required_hours: 1e309"))
    lines = check(project)
    assert lines == [
        "standards/fixture-board.yml:18: domains[1].required_hours: input should be a finite number, got '1e309'"
    ]


def test_a_folder_named_mkdocs_yml_is_reported(project: Project):
    project.config.unlink()
    project.config.mkdir()
    assert "mkdocs.yml:1: is a folder, but a file is expected here; rename or move the folder" in check(project)


def test_a_project_folder_that_does_not_exist_is_reported(project: Project):
    result = run_cli("--root", str(project.root / "nowhere"), "check", cwd=project.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "mkdocs.yml:1: file is missing" in result.stderr
