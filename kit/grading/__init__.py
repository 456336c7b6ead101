"""Release and grade the kit's assignments (the ``python -m kit`` commands).

- :mod:`kit.grading.notebooks`: reading and writing notebooks, nbgrader cell metadata, markers.
- :mod:`kit.grading.source`: ``check-source``, the checks of the instructor notebooks.
- :mod:`kit.grading.release`: ``release``, solutions/ -> exercises/.
- :mod:`kit.grading.prepare`: a student's notebook with the locked and test cells restored.
- :mod:`kit.grading.execute`: running one notebook in a fresh kernel, cell by cell.
- :mod:`kit.grading.kernelrun`: launching and talking to that kernel.
- :mod:`kit.grading.kernel`: the kernel's own command (limits, keeper process, tripwire).
- :mod:`kit.grading.sandbox`: the bubblewrap sandbox, and what a kernel sees without it.
- :mod:`kit.grading.tripwire`: the audit hook that reports what student code touches.
- :mod:`kit.grading.processes`: ending every process a kernel started.
- :mod:`kit.grading.job`: the settings, job and result record shared by the modules below.
- :mod:`kit.grading.single`: grading one notebook of one student.
- :mod:`kit.grading.workers`: worker processes, and recovery when one dies.
- :mod:`kit.grading.grade`: grading a class (gradebook, resume, summary).
- :mod:`kit.grading.feedback`: one HTML feedback page per student.

The assignment format follows nbgrader (cell metadata ``schema_version`` 3), so the same
notebooks also work with real nbgrader. Nothing here is imported by ``import kit``.
"""
