"""Release and grade the kit's assignments (the ``python -m kit`` commands).

- :mod:`kit.grading.notebooks`: reading and writing notebooks, nbgrader cell metadata, markers.
- :mod:`kit.grading.source`: ``check-source``, the checks of the instructor notebooks.
- :mod:`kit.grading.release`: ``release``, solutions/ -> exercises/.
- :mod:`kit.grading.prepare`: a student's notebook with the locked and test cells restored.
- :mod:`kit.grading.execute`: running one notebook in a fresh kernel, cell by cell.
- :mod:`kit.grading.sandbox`: the bubblewrap sandbox and the memory cap of the kernel.
- :mod:`kit.grading.grade`: grading a class (gradebook, resume, parallel runs).
- :mod:`kit.grading.feedback`: one HTML feedback page per student.

The assignment format follows nbgrader (cell metadata ``schema_version`` 3), so the same
notebooks also work with real nbgrader. Nothing here is imported by ``import kit``.
"""
