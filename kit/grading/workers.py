"""Running grading jobs in worker processes, one fresh kernel per notebook, surviving deaths.

The grading process (the one writing the gradebook) never runs student code: it starts worker
processes and hands each one job at a time. A worker tells it when a notebook starts running
and gets its next job at once, so it can launch that kernel while the current notebook runs
(a kernel spends its first ~0.3 s importing and starting). Each record comes back as soon as
it is ready, so the gradebook is written after every notebook.

On Linux every worker is a child subreaper (:mod:`kit.grading.processes`): after each
notebook it ends whatever the kernel left running, detached processes included.

If a worker process dies anyway (student code found and killed it), its prefetched and
queued notebooks are graded again in a fresh worker; the notebook that was running gets one
more try, and only when it kills its worker again does it get the status ``grader-killed``.
"""

from __future__ import annotations

import multiprocessing
import shutil
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from kit.grading.job import Job, make_record
from kit.grading.processes import become_subreaper, end_tree
from kit.grading.single import complete_job, discard, kernel_pid, prepare_job, work_folder

#: A notebook whose run killed this many workers gets the status 'grader-killed'.
KILLS_ALLOWED = 2


def worker_main(connection) -> None:
    """A worker process: grade the jobs the grading process sends until it sends None."""
    become_subreaper()

    def prepare(job: Job):
        prepared = prepare_job(job)
        folder = work_folder(prepared)
        if folder:  # so the grading process can remove it if this worker is killed
            connection.send(("folder", folder))
        return prepared

    job = connection.recv()
    upcoming = prepare(job) if job is not None else None
    while upcoming is not None:
        current = upcoming
        connection.send(("running", None))
        following = connection.recv()
        upcoming = prepare(following) if following is not None else None
        pid = kernel_pid(upcoming) if upcoming is not None else None
        try:
            record = complete_job(current, keep={pid} if pid else set())
        except BaseException:
            if upcoming is not None:
                discard(upcoming)
            raise
        connection.send(("done", record))
    end_tree(None, keep=set())
    connection.close()


@dataclass
class _Worker:
    process: multiprocessing.Process
    connection: object
    assigned: list[Job] = field(default_factory=list)  # oldest first; [0] runs after 'running'
    running: bool = False
    folders: list[str] = field(default_factory=list)  # the notebooks' private folders


def _death(worker: _Worker) -> str:
    code = worker.process.exitcode
    if code is not None and code < 0:
        return f"killed by signal {-code}"
    return f"exited with code {code}"


def run_jobs(jobs: list[Job], workers: int) -> Iterator[dict]:
    """Yield one record per job, in the order they finish."""
    if not jobs:
        return
    context = multiprocessing.get_context("spawn")
    pending: deque[Job] = deque(jobs)
    kills: Counter[tuple[str, str]] = Counter()
    live: dict[object, _Worker] = {}
    reaping = become_subreaper()
    helpers: set[int] = set()
    counted = []

    def start() -> None:
        ours, theirs = context.Pipe()
        process = context.Process(target=worker_main, args=(theirs,), daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        job = pending.popleft()
        worker.assigned.append(job)
        ours.send(job)
        live[ours] = worker
        if not counted:  # e.g. multiprocessing's resource tracker, started with the first
            import psutil

            known = {w.process.pid for w in live.values()}
            helpers.update(p.pid for p in psutil.Process().children() if p.pid not in known)
            counted.append(True)

    def handle(worker: _Worker, message) -> Iterator[dict]:
        kind, payload = message
        if kind == "folder":
            worker.folders.append(payload)
        elif kind == "running":
            worker.running = True
            following = pending.popleft() if pending else None
            if following is not None:
                worker.assigned.append(following)
            worker.connection.send(following)
        else:
            worker.assigned.pop(0)
            worker.running = False
            yield payload

    def bury(worker: _Worker) -> Iterator[dict]:
        """A worker ended: collect its last messages, give its unfinished jobs to others."""
        del live[worker.connection]
        while True:
            try:
                if not worker.connection.poll():
                    break
                yield from handle(worker, worker.connection.recv())
            except (EOFError, OSError):
                break
        worker.process.join()
        for folder in worker.folders:  # those of notebooks it did not finish are left
            shutil.rmtree(folder, ignore_errors=True)
        for position, job in enumerate(worker.assigned):
            if position == 0 and worker.running:
                kills[job.key] += 1
                if kills[job.key] >= KILLS_ALLOWED:
                    why = (
                        f"the grading process running this notebook was {_death(worker)}, "
                        f"{kills[job.key]} times: its code attacks the grader"
                    )
                    yield make_record(job, "grader-killed", why)
                    continue
            pending.appendleft(job)
        if reaping:
            keep = helpers | {w.process.pid for w in live.values()}
            end_tree(None, keep=keep)

    try:
        while pending or live:
            while pending and len(live) < workers:
                start()
            sentinels = {w.process.sentinel: w for w in live.values()}
            for ready in wait([*live, *sentinels]):
                if ready in sentinels:
                    worker = sentinels[ready]
                    if worker.connection in live:
                        yield from bury(worker)
                    continue
                worker = live.get(ready)
                if worker is None:
                    continue
                try:
                    message = ready.recv()
                except (EOFError, OSError):
                    worker.process.join(timeout=5)
                    yield from bury(worker)
                    continue
                yield from handle(worker, message)
    finally:
        for worker in list(live.values()):
            worker.process.kill()
            worker.process.join()
        if reaping:
            end_tree(None, keep=helpers)
            become_subreaper(False)
