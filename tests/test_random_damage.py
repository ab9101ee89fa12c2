"""Property: whatever happens to a module, quiz, standard or roster, PeerPath answers 0 or 1, never a
traceback, and leaves no partial output.

Each example damages one valid file at random (lines lost, doubled or swapped, text overwritten with
YAML punctuation, stray bytes, a cut-off end) and runs the command a trainer would run on it.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE
from peerpath.cli import main

HANG_GUARD_SECONDS = 120  # far above any real run; only a hang reaches it
ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
TARGETS = {
    "module": "curriculum/modules/listening-skills.md",
    "quiz": "quizzes/boundaries-basics.yml",
    "standard": "standards/fixture-board.yml",
    "course": "curriculum/course.yml",
    "topics": "curriculum/topics.yml",
    "site settings": "mkdocs.yml",
    "guide": "curriculum/for-trainers/guide.md",
}
NASTY = st.sampled_from(
    [b":", b": ", b"- ", b"[", b"]", b"{", b"}", b"'", b'"', b"&a ", b"*a", b"!!python/object ", b"|", b">", b"#",
     b"\t", b"\n", b"\r\n", b"\x00", b"\xff", b"\x92", b"Yes", b"2026-02-30", b"-5", b"99999999", b"  ", b"---\n",
     b"%YAML 1.1\n", b"\xef\xbb\xbf", b"~", b"null", b"\xe2\x80\x99"]
)  # fmt: skip
VALUES = st.sampled_from(
    [b"2026-02-30", b"2027-03-01 10:00:00", b"Yes", b"off", b"-5", b"0", b"99999999", b"1e309", b".nan", b"0x1F",
     b"12:30:00", b"", b"[", b"'never closed", b"&a x", b"*a", b"{}", b"[]", b"null", b"!!binary aGk=", b"!!set {a}",
     b"!!python/object:os.system {}", b"[[[[[[[[[[]]]]]]]]]]", b"{a: {b: {c: 1}}}", b"<script>x</script>"]
)  # fmt: skip


@st.composite
def damaged(draw, original: bytes) -> bytes:
    """`original` with one to three random injuries: a value replaced, lines lost or moved, bytes changed."""
    data = original
    for _ in range(draw(st.integers(1, 3))):
        lines = data.split(b"\n")
        kind = draw(st.sampled_from(["value", "value", "drop", "double", "swap", "overwrite", "insert", "truncate"]))
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "drop" and len(lines) > 1:
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "value" and b": " in lines[i]:
            lines[i] = lines[i].split(b": ", 1)[0] + b": " + draw(VALUES)
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        data = b"\n".join(lines)
        at = draw(st.integers(0, len(data)))
        if kind == "overwrite":
            piece = b"".join(draw(st.lists(NASTY, min_size=1, max_size=4)))
            data = data[:at] + piece + data[at + len(piece) :]
        elif kind == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        elif kind == "truncate":
            data = data[:at]
    return data


@contextlib.contextmanager
def hang_guard() -> Iterator[None]:
    def stop(signum, frame):
        raise AssertionError(f"no answer within {HANG_GUARD_SECONDS} s: PeerPath hangs on this input")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(*argv: str) -> tuple[int, str]:
    """The CLI in this process (a subprocess per example would be too slow); an exception fails the test."""
    err = io.StringIO()
    with hang_guard(), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(list(argv))
    return code, err.getvalue()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("damage") / "project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("build", "site"))
    for name in ("cohort.yml", "cohort.csv"):
        shutil.copy(ROSTERS / name, root / name)
    return root


EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("target", sorted(TARGETS))
@EXAMPLES
@given(data=st.data())
def test_a_damaged_input_gets_exit_0_or_1_and_no_half_written_site(root: Path, target: str, data):
    path = root / TARGETS[target]
    original = path.read_bytes()
    path.write_bytes(data.draw(damaged(original)))
    shutil.rmtree(root / "build", ignore_errors=True)
    try:
        code, err = run("--root", str(root), "generate")
        assert code in (0, 1), err
        assert code == 0 or not (root / "build").exists(), "a failed run must leave no generated pages"
    finally:
        path.write_bytes(original)


@pytest.mark.parametrize("roster", ["cohort.yml", "cohort.csv"])
@EXAMPLES
@given(data=st.data())
def test_a_damaged_roster_gets_exit_0_or_1_and_no_schedule_file(root: Path, roster: str, data):
    path, out = root / roster, root / "schedule.md"
    original = path.read_bytes()
    path.write_bytes(data.draw(damaged(original)))
    out.unlink(missing_ok=True)
    try:
        code, err = run("--root", str(root), "schedule", "--cohort", str(path), "--out", str(out))
        assert code in (0, 1), err
        assert code == 0 or not out.exists(), "a failed run must not write the schedule"
    finally:
        path.write_bytes(original)
