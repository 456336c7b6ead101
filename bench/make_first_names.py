"""Derive data/lexicons/first_names.tsv: first names that US records give to one sex.

The source is the 1990 US Census list of first names with the share of men or of women who
bear each (public domain, US Census Bureau, "Frequently Occurring Names in the U.S.—1990";
the files dist.female.first and dist.male.first, also shipped in the ``names`` package on
PyPI). A name counts as a woman's name when its share among women is at least RATIO times
its share among men (a name missing from a list has share 0), and the other way round;
names given to both (Guadalupe, Jean) are left out, and so are all names the list lacks.
The table serves one heuristic: a pronoun that disagrees with a first name is a lead for a
translation slip, never a statement about a person.

    python bench/make_first_names.py PATH/TO/dist.female.first PATH/TO/dist.male.first

rewrites data/lexicons/first_names.tsv (one line per name, lower case: name, tab, female or
male).
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10.0
OUT = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "first_names.tsv"


def read_shares(path: Path) -> dict[str, float]:
    """Name (lower case) -> per cent of the sex that bears it."""
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, *_ = line.split()
        shares[name.lower()] = float(share)
    return shares


def one_sex_names(female: dict[str, float], male: dict[str, float]) -> dict[str, str]:
    """Name -> 'female' or 'male', for names RATIO times more common in one sex."""
    table = {}
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= RATIO * m:
            table[name] = "female"
        elif m >= RATIO * f:
            table[name] = "male"
    return table


def main() -> int:
    """Write the table; return 0."""
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    table = one_sex_names(read_shares(Path(sys.argv[1])), read_shares(Path(sys.argv[2])))
    lines = [
        "# First names borne mostly by one sex in the 1990 US Census (public domain; US Census",
        "# Bureau, dist.female.first and dist.male.first). Made by bench/make_first_names.py:",
        f"# a name is kept when its share in one sex is {RATIO:g} times its share in the other.",
    ]
    lines += [f"{name}\t{sex}" for name, sex in table.items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} names -> {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
