"""Start an IPython kernel with resource limits (the grader's kernel command).

``python -m kit.grading.kernel --memory BYTES -f CONNECTION_FILE`` caps the kernel's address
space (RLIMIT_AS) and the size of files it may write (RLIMIT_FSIZE), switches core dumps off,
then runs the ordinary ipykernel. A memory bomb then raises MemoryError (or kills only this
kernel) instead of taking the machine down; the grader's own process has no cap.
"""

from __future__ import annotations

import resource
import sys

#: Files a kernel writes may not grow beyond this (answers files are a few kB).
FILE_SIZE_LIMIT = 256 * 1024 * 1024


def apply_limits(memory_bytes: int) -> None:
    """Cap this process's address space and file sizes; never raise an existing lower cap."""
    for limit, value in (
        (resource.RLIMIT_AS, memory_bytes),
        (resource.RLIMIT_FSIZE, FILE_SIZE_LIMIT),
        (resource.RLIMIT_CORE, 0),
    ):
        soft, hard = resource.getrlimit(limit)
        if value > 0:
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(limit, (value, value))


def main(argv: list[str]) -> None:
    """Parse --memory, apply the limits, hand the remaining arguments to ipykernel."""
    memory = 0
    if len(argv) >= 2 and argv[0] == "--memory":
        memory, argv = int(argv[1]), argv[2:]
    apply_limits(memory)
    from ipykernel.kernelapp import launch_new_instance

    sys.argv = [sys.argv[0], *argv]
    launch_new_instance()


if __name__ == "__main__":
    main(sys.argv[1:])
