"""Benchmark: `import kit` and `kit.load_story()` in a fresh interpreter.

Target: `import kit` well under half a second (median of 7 fresh interpreters below 0.25 s),
measured against a bare `python -c pass` in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 7
TARGET_SECONDS = 0.25


def fresh(code: str) -> float:
    """Seconds a fresh interpreter takes to run code."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    """Print the timings and return 0 when the target is met."""
    bare = statistics.median(fresh("pass") for _ in range(RUNS))
    imported = statistics.median(fresh("import kit") for _ in range(RUNS))
    loaded = statistics.median(fresh("import kit; kit.load_story()") for _ in range(RUNS))
    cost = imported - bare
    print(f"python -c pass           {bare:.3f} s")
    print(f"import kit               {imported:.3f} s  (kit's own cost {cost:.3f} s)")
    print(f"import kit; load_story() {loaded:.3f} s")
    ok = cost < TARGET_SECONDS
    print(f"target: import kit costs < {TARGET_SECONDS} s -> {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
