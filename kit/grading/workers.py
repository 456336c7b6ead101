"""Running grading jobs in parallel worker processes, one fresh kernel per notebook.

Each worker process takes a short run of jobs and, while one notebook runs, already launches
the kernel of the next one (a kernel spends its first ~0.3 s importing and starting, time the
worker would otherwise wait). Each record is sent back as soon as it is ready, so the
gradebook is written after every notebook; if a worker process dies, the notebooks it had not
reported get a 'grader-error' row and the batch goes on.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from kit.grading.grade import Job, _record, complete_job, grade_one, prepare_job

_RESULTS = None  # the queue of a worker process, set by _start_worker


def _start_worker(results) -> None:
    global _RESULTS
    _RESULTS = results


def grade_run(jobs: list[Job]) -> int:
    """Grade jobs in order, launching each kernel while the previous notebook runs."""
    if not jobs:
        return 0
    upcoming = prepare_job(jobs[0])
    for position in range(len(jobs)):
        current = upcoming
        if position + 1 < len(jobs):
            upcoming = prepare_job(jobs[position + 1])
        _RESULTS.put(complete_job(current))
    return len(jobs)


def _chunks(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Runs of jobs small enough to keep every worker busy to the end."""
    size = max(1, min(8, len(jobs) // (workers * 3)))
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def run_jobs(jobs: list[Job], workers: int) -> Iterator[dict]:
    """Yield one record per job, in the order they finish."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield grade_one(job)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    reported: set[tuple[str, str]] = set()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(results,)
    ) as pool:
        futures = {pool.submit(grade_run, chunk): chunk for chunk in _chunks(jobs, workers)}
        quiet_since = None
        while True:
            try:
                record = results.get(timeout=0.2)
            except queue.Empty:
                if not all(future.done() for future in futures):
                    continue
                # records travel through a pipe: give the last ones a moment to arrive
                missing = [
                    job
                    for future, chunk in futures.items()
                    if future.exception() is None
                    for job in chunk
                    if (job.student, job.notebook) not in reported
                ]
                quiet_since = quiet_since or time.monotonic()
                if not missing or time.monotonic() - quiet_since > 10:
                    break
                continue
            quiet_since = None
            reported.add((record["student"], record["notebook"]))
            yield record
    for future, chunk in futures.items():
        error = future.exception()
        for job in chunk:
            if (job.student, job.notebook) not in reported:
                why = f"the worker process failed: {error}" if error else "no result came back"
                yield _record(job, "grader-error", why)
