"""Benchmark: `kit grade` against `nbgrader autograde` on the same synthetic class.

Usage: python bench/bench_grading.py [--students 30] [--jobs N]

Every student hands in every assignment of solutions/ (the solution, the untouched exercise
or a partly wrong copy, in turn). Both graders run on the same machine in the same run; the
script prints seconds per notebook for each, the throughput ratio and whether every score
agrees. Target: kit at least 3x nbgrader's throughput with identical scores (exit 1 if missed).
`kit grade` runs with its default isolation (bubblewrap when it works here); --no-sandbox
measures the fallback instead (private copies, tripwire, keeper processes, no bwrap).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import nbgrader_course as course  # noqa: E402
from kit.grading import notebooks as nbs  # noqa: E402
from kit.grading.gradebook import read_gradebook  # noqa: E402
from kit.grading.release import release_notebook, source_notebooks  # noqa: E402

TARGET_RATIO = 3.0


def build_class(root: Path, sources: list[Path], students: int) -> None:
    """Submissions in nbgrader's layout: submitted/<student>/<assignment>/<notebook>."""
    for number in range(students):
        for position, path in enumerate(sources):
            kind = (number + position) % 3
            if kind == 0:
                data = path.read_bytes()
            elif kind == 1:
                data = nbs.notebook_bytes(release_notebook(nbs.read_notebook(path)))
            else:
                data = course.partly_wrong(path)
            course.submit(root, f"student{number:03d}", data, path.name, {})


def main() -> int:
    """Run both graders; print the comparison; 0 when the target is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-sandbox", action="store_true", help="grade without bubblewrap")
    args = parser.parse_args()
    sources = source_notebooks(REPO / "solutions")
    if not sources:
        print("solutions/ has no notebooks: nothing to benchmark")
        return 1
    work = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    try:
        root = course.make_course(work / "course", sources, timeout=60)
        course.generate(root, [p.stem for p in sources])
        build_class(root, sources, args.students)
        count = args.students * len(sources)

        start = time.perf_counter()
        course.autograde(root, [p.stem for p in sources])
        nbgrader_seconds = time.perf_counter() - start
        reference = course.scores(root)

        command = [
            sys.executable,
            "-m",
            "kit",
            "grade",
            str(root / "submitted"),
            "--out",
            str(work / "kit-out"),
            "--source",
            str(REPO / "solutions"),
            "--quiet",
        ]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        if args.no_sandbox:
            command.append("--no-sandbox")
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=3600)
        kit_seconds = time.perf_counter() - start
        rows = read_gradebook(work / "kit-out" / "gradebook.csv")
        ours = {(r["student"], r["notebook"]): float(r["score"]) for r in rows}
    finally:
        shutil.rmtree(work, ignore_errors=True)

    differ = sorted(k for k in reference if abs(reference[k] - ours.get(k, -1.0)) > 1e-9)
    ratio = nbgrader_seconds / kit_seconds if kit_seconds else 0.0
    print(f"{args.students} students x {len(sources)} notebooks = {count} notebooks")
    print(
        f"nbgrader autograde  {nbgrader_seconds:7.1f} s  {nbgrader_seconds / count:.2f} s/notebook"
    )
    mode = " (no sandbox)" if args.no_sandbox else ""
    label = "kit grade" + mode
    print(f"{label:19} {kit_seconds:7.1f} s  {kit_seconds / count:.2f} s/notebook")
    print(f"throughput ratio    {ratio:.1f}x (target >= {TARGET_RATIO:g}x)")
    agree = not differ and len(ours) == len(reference) == count
    print(
        f"scores agree        {'yes' if agree else 'NO'} ({len(reference)} nbgrader rows, "
        f"{len(ours)} kit rows)"
    )
    for key in differ[:10]:
        print(f"  differs: {key}: nbgrader {reference[key]} kit {ours.get(key)}")
    ok = agree and ratio >= TARGET_RATIO
    print(f"target: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
