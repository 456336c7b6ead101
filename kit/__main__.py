"""``python -m kit``: the kit command (release, check-source, grade, validate); see kit.cli."""

import sys

from kit.cli import main

if __name__ == "__main__":
    sys.exit(main())
