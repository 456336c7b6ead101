"""``python -m kit.quiz``: tools for quiz authors.

``python -m kit.quiz encode FILE.toml`` reads practice questions (one ``[[question]]`` table
each, see ``kit/quiz/README.md``) and prints, for each, a line to paste into a lesson::

    practice("kitq1.eNq...")  # punct

``python -m kit.quiz decode TOKEN`` prints the spec inside a token (to check or edit one).

Exit codes: 0 done, 1 the file or a question is not valid, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kit.fileio import parse_toml
from kit.quiz.practice import decode_practice, encode_practice


def encode_file(path: Path) -> list[tuple[str, str]]:
    """Return (id, token) for every ``[[question]]`` in the TOML file at ``path``."""
    try:
        content = parse_toml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ValueError(f"{path}: no such file.") from error
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"{path}: not a readable TOML file ({error}).") from error
    questions = content.get("question")
    if not isinstance(questions, list) or not questions:
        raise ValueError(
            f"{path}: no questions found; write each one as a [[question]] table "
            "(see kit/quiz/README.md)."
        )
    seen: set[str] = set()
    tokens = []
    for number, spec in enumerate(questions, start=1):
        try:
            token = encode_practice(spec)
        except ValueError as error:
            raise ValueError(f"{path}, question {number}: {error}") from error
        if spec["id"] in seen:
            raise ValueError(f"{path}, question {number}: the id {spec['id']!r} is used twice.")
        seen.add(spec["id"])
        tokens.append((spec["id"], token))
    return tokens


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m kit.quiz",
        description="Tools for quiz authors. Exit codes: 0 done, 1 invalid input, 2 usage error.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    encode = commands.add_parser(
        "encode",
        help="print a practice(...) line for each [[question]] in a TOML file",
        description='Print a practice("<token>") line for each [[question]] in FILE.',
    )
    encode.add_argument("file", type=Path, metavar="FILE.toml")
    decode = commands.add_parser("decode", help="print the question spec inside a token, as JSON")
    decode.add_argument("token")
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "encode":
            for question_id, token in encode_file(arguments.file):
                print(f'practice("{token}")  # {question_id}')
        else:
            spec = decode_practice(arguments.token)
            print(json.dumps(spec, ensure_ascii=False, indent=2))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
