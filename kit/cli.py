"""The ``kit`` command (also ``python -m kit``): release, check and grade the assignments.

Exit codes: 0 all well; 1 a check failed, exercises/ is stale, a visible test fails, or some
submissions could not be graded normally; 2 a usage error (unknown option, missing folder).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from kit.errors import KitError, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

EXIT_CODES = """exit codes:
  0  all well
  1  {failed}
  2  usage error (unknown option, missing folder or file)"""


def parse_memory(text: str) -> int:
    """Bytes from a size like 1G, 512M, 800k or a plain number; 0 means no cap.

    >>> parse_memory("1G"), parse_memory("512M"), parse_memory("0")
    (1073741824, 536870912, 0)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; write e.g. 1G or 512M")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(number * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[unit])


def _folder(path: str, what: str) -> Path:
    folder = Path(path)
    if not folder.is_dir():
        raise UsageError(f"{what} folder {folder} does not exist (or is not a folder).")
    return folder


def cmd_release(args: argparse.Namespace) -> int:
    """Write exercises/ from solutions/ (or, with --check, only compare)."""
    from kit.grading.release import release, source_notebooks

    source = _folder(args.source, "The source")
    if not source_notebooks(source):
        print(f"No notebooks in {source}: nothing to release.", file=sys.stderr)
    result = release(source, args.dest, check=args.check)
    if args.check:
        for line in result.stale:
            print(f"stale: {line}")
        if result.stale:
            return EXIT_FAILED
        print(f"{args.dest} is up to date ({len(result.unchanged)} notebook(s)).")
        return EXIT_OK
    for path in result.written:
        print(f"wrote {path}")
    for path in result.removed:
        print(f"removed saved answers {path}")
    for path in result.extra:
        print(f"warning: {path} has no source in {source}; delete it if it is obsolete")
    print(f"{len(result.written)} written, {len(result.unchanged)} unchanged.")
    return EXIT_OK


def cmd_check_source(args: argparse.Namespace) -> int:
    """Check the nbgrader metadata and markers of the source notebooks."""
    from kit.grading.release import source_notebooks
    from kit.grading.source import check_source

    source = _folder(args.source, "The source")
    problems = check_source(source)
    for problem in problems:
        print(problem)
    count = len(source_notebooks(source))
    if problems:
        print(f"{len(problems)} problem(s) in {count} notebook(s) of {source}.")
        return EXIT_FAILED
    print(f"{count} notebook(s) in {source}: no problems.")
    return EXIT_OK


def cmd_grade(args: argparse.Namespace) -> int:
    """Grade a class."""
    from kit.grading.grade import Settings, grade_class, summary
    from kit.grading.release import source_notebooks
    from kit.grading.sandbox import bwrap_path, describe

    submissions = _folder(args.submissions, "The submissions")
    source = _folder(args.source, "The source")
    if not source_notebooks(source):
        raise UsageError(f"No notebooks in {source}; pass the solutions folder with --source.")
    jobs = args.jobs or os.cpu_count() or 1
    settings = Settings(args.timeout, args.memory, not args.no_sandbox)
    if args.no_sandbox or not bwrap_path():
        print(f"kit grade: warning: {describe(not args.no_sandbox)}", file=sys.stderr)
    try:
        result = grade_class(
            submissions,
            args.out,
            source,
            settings,
            jobs,
            force=args.force,
            progress=not args.quiet,
            only=tuple(args.notebook or ()),
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(summary(result, Path(args.out), jobs))
    return EXIT_FAILED if result.failed else EXIT_OK


def cmd_marks(args: argparse.Namespace) -> int:
    """Merge a filled-in marking sheet of written answers (kit.grading.manual)."""
    from kit.grading.manual import MarkingSheetError, merge_marks

    if not Path(args.sheet).is_file():
        raise UsageError(f"{args.sheet} does not exist; pass the filled-in marking-sheet.csv.")
    try:
        marked = merge_marks(args.sheet, _folder(args.out, "output"))
    except MarkingSheetError as error:
        print(f"kit marks: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Merged {marked} mark(s) into {Path(args.out) / 'gradebook.csv'} and the feedback.")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Run a notebook as the grader would and report its visible tests."""
    from kit.grading.validate import validate

    path = Path(args.notebook)
    if not path.is_file():
        raise UsageError(f"{path} does not exist; pass the .ipynb file you want to hand in.")
    report, passed = validate(path, timeout=args.timeout, memory_bytes=args.memory)
    print(report)
    return EXIT_OK if passed else EXIT_FAILED


def cmd_story_init(args: argparse.Namespace) -> int:
    """Write the manifest of a folder of .txt files."""
    from kit.errors import KitError
    from kit.storyinit import FILL_IN, init_story

    try:
        path = init_story(args.folder, title=args.title, force=args.force)
    except KitError as error:
        raise UsageError(str(error)) from None
    count = path.read_text(encoding="utf-8").count(FILL_IN)
    print(
        f"wrote {path}: replace the {count} '{FILL_IN}' values, then load it with "
        f"kit.load_story({str(path.parent)!r})."
    )
    return EXIT_OK


def _command(
    commands, name: str, run, summary: str, description: str, failed: str, more: str = ""
) -> argparse.ArgumentParser:
    """Add the sub-command ``name`` run by ``run``; its epilog says exit code 1 means ``failed``."""
    command = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=EXIT_CODES.format(failed=failed) + more,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(run=run)
    return command


def _add_source(command: argparse.ArgumentParser) -> None:
    command.add_argument("--source", default="solutions", help="default: solutions")


def _add_kernel_limits(command: argparse.ArgumentParser, memory_help: str) -> None:
    command.add_argument("--timeout", type=float, default=30.0, help="seconds per cell (30)")
    command.add_argument(
        "--memory", type=parse_memory, default=parse_memory("1G"), help=memory_help
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the kit command."""
    parser = argparse.ArgumentParser(
        prog="kit",
        description="Release, check and grade the kit's assignments (nbgrader format).",
        epilog=EXIT_CODES.format(failed="a check failed / exercises stale / submissions failed"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    release = _command(
        commands,
        "release",
        cmd_release,
        summary="write exercises/ (student versions) from solutions/",
        failed="with --check: exercises/ differs from a fresh release",
        description="Write the student versions: solutions replaced by '# YOUR ANSWER HERE', "
        "hidden tests and outputs removed, test and read-only cells locked. Deterministic: "
        "releasing twice gives identical files.",
    )
    _add_source(release)
    release.add_argument("--dest", default="exercises", help="default: exercises")
    release.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 naming each stale file"
    )
    check = _command(
        commands,
        "check-source",
        cmd_check_source,
        summary="check the nbgrader metadata and markers of solutions/",
        failed="problems were found (each is printed)",
        description="Check every source notebook: schema_version 3, grade_ids (present, "
        "unique), points on test cells only, locked test cells, balanced markers in the right "
        "cells, answer-book names matching the notebook.",
    )
    _add_source(check)
    grade = _command(
        commands,
        "grade",
        cmd_grade,
        summary="grade a class: gradebook.csv and one feedback page per student",
        failed="some notebooks could not be graded normally "
        "(missing, invalid, timeout, kernel died...)",
        description="Grade SUBMISSIONS/<student>/<notebook>.ipynb (or nbgrader's "
        "submitted/<student>/<assignment>/<notebook>.ipynb) against the source notebooks. "
        "Test and read-only cells are restored from the source; each test cell scores its "
        "points if it runs without error, 0 otherwise. Re-running resumes: rows already in "
        "OUT/gradebook.csv are skipped unless --force (grader-error rows are graded again). "
        "Without bubblewrap a tripwire flags what student code reads or starts outside its "
        "folder: it detects, it does not prevent.",
        more="\n\nstatuses: ok, cell-errors, timeout, memory-limit, kernel-died, "
        "invalid-notebook,\n  missing-notebook, renamed-notebook, answers-unreadable, flagged, "
        "grader-killed,\n  grader-error",
    )
    grade.add_argument("submissions", help="folder with one folder per student")
    grade.add_argument("--out", required=True, help="output folder (gradebook.csv, feedback/)")
    _add_source(grade)
    _add_kernel_limits(grade, "memory cap of each kernel, e.g. 1G (default), 0 for none")
    grade.add_argument("--jobs", type=int, default=None, help="notebooks run at once (cores)")
    grade.add_argument(
        "--notebook",
        action="append",
        metavar="NAME",
        help="grade only this assignment, e.g. ex1_readability (repeat for more; default: all)",
    )
    grade.add_argument("--force", action="store_true", help="re-grade rows already graded")
    grade.add_argument(
        "--no-sandbox", action="store_true", help="do not use bubblewrap even if available"
    )
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    validate = _command(
        commands,
        "validate",
        cmd_validate,
        summary="run your notebook as the grader would and check its visible tests",
        failed="a visible test fails or the notebook cannot run",
        description="Run NOTEBOOK from top to bottom in a fresh kernel (in a copy of its "
        "folder, so its answers file is used) and report which visible tests pass. Hidden "
        "tests are not in your copy: passing here does not promise full marks.",
    )
    validate.add_argument("notebook", help="the .ipynb file to check")
    _add_kernel_limits(validate, "memory cap of the kernel (1G)")
    story = _command(
        commands,
        "story",
        None,  # a sub-command must follow: without one, the kit command prints its help
        summary="work with a story folder (story init FOLDER)",
        failed="(not used)",
        description="Work with a story folder: 'story init FOLDER' writes its manifest.",
    )
    story_commands = story.add_subparsers(dest="story_command", metavar="STORY_COMMAND")
    story_init = _command(
        story_commands,
        "init",
        cmd_story_init,
        summary="write manifest.toml for a folder of .txt files",
        failed="(not used)",
        description="Write FOLDER/manifest.toml for the .txt files in FOLDER: ids from the file "
        "names, sha256 of each file, headline from its first line, language guessed; every "
        "field you must fill in says FILL IN. The folder then loads with kit.load_story.",
    )
    story_init.add_argument("folder", help="the folder that holds the .txt files")
    story_init.add_argument("--title", help="the story's title (default: FILL IN)")
    story_init.add_argument("--force", action="store_true", help="replace an existing manifest")
    marks = _command(
        commands,
        "marks",
        cmd_marks,
        summary="merge the marks of written answers (marking-sheet.csv) into the gradebook",
        failed="a mark in the sheet cannot be used (the message names the row)",
        description="ACTION merge: add each row's level (Beginning, Emerging, Mastery) or score "
        "from the filled-in SHEET to OUT/gradebook.csv and the feedback pages of kit grade. "
        "Merging again replaces the earlier marks.",
    )
    marks.add_argument("action", choices=["merge"], help="merge")
    marks.add_argument("sheet", help="the filled-in marking-sheet.csv")
    marks.add_argument("--out", required=True, help="the output folder of kit grade")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the kit command; return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except UsageError as error:
        print(f"kit {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; a new 'kit grade' resumes where this one stopped", file=sys.stderr)
        return 130
    except KitError as error:  # e.g. a notebook that cannot be read: the message says why
        print(f"kit {args.command}: {error}", file=sys.stderr)
        return EXIT_FAILED
