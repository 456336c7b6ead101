"""Align N lists of words into columns (the engine of :mod:`kit.collation`).

Each list is aligned in turn to the columns built from those before it. Words found exactly
once in both stretches anchor the match (the "patience diff" idea), :mod:`difflib` matches
the short stretches between anchors, and inside each stretch that still differs a small
dynamic programme matches a word to a column when it equals *any* version's word there.

Unmatched words between two matches share columns, in order, as the readings of a variant
graph do: here "b" and "c" share one column, and the third version's "b" matches it.

>>> align_keys([["a", "b", "x"], ["a", "c", "x"], ["a", "b", "y"]])
[[0, 0, 0], [1, 1, 1], [2, 2, 2]]
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from difflib import SequenceMatcher

DP_CELLS = 40_000  # largest changed stretch matched cell by cell (beyond it: left unmatched)
SMALL_STRETCH = 10_000  # stretches smaller than this (words x words) go to difflib directly


def _match_block(keysets, keys, c0, c1, t0, t1):
    """Monotone best matching of columns c0:c1 to tokens t0:t1 (a token matches a column
    when its key is any version's reading there), as (column or None, token or None)."""
    n, m = c1 - c0, t1 - t0
    if n == 0 or m == 0 or n * m > DP_CELLS:
        return [(c, None) for c in range(c0, c1)] + [(None, t) for t in range(t0, t1)]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, column_keys = best[i], best[i + 1], keysets[c0 + i]
        for j in range(m - 1, -1, -1):
            take = below[j + 1] + 1 if keys[t0 + j] in column_keys else 0
            row[j] = max(take, below[j], row[j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if keys[t0 + j] in keysets[c0 + i] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((c0 + i, t0 + j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((c0 + i, None))
            i += 1
        else:
            pairs.append((None, t0 + j))
            j += 1
    pairs += [(c0 + k, None) for k in range(i, n)] + [(None, t0 + k) for k in range(j, m)]
    return pairs


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs whose second items increase (pairs sorted by first item)."""
    tails, links, tail_index = [], [None] * len(pairs), []
    for index, (_, second) in enumerate(pairs):
        position = bisect_left(tails, second)
        if position == len(tails):
            tails.append(second)
            tail_index.append(index)
        else:
            tails[position], tail_index[position] = second, index
        links[index] = tail_index[position - 1] if position else None
    result, index = [], tail_index[-1] if tail_index else None
    while index is not None:
        result.append(pairs[index])
        index = links[index]
    return result[::-1]


def _matches(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Monotone matching positions of two key lists: words found once in each stretch anchor
    the match (patience diff), difflib matches the short stretches between anchors."""
    found: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a0, a1, b0, b1 = stack.pop()
        if a0 >= a1 or b0 >= b1:
            continue
        anchors = []
        if (a1 - a0) * (b1 - b0) > SMALL_STRETCH:
            count_a, count_b = Counter(a[a0:a1]), Counter(b[b0:b1])
            where_b = {b[j]: j for j in range(b0, b1) if count_b[b[j]] == 1}
            anchors = _longest_increasing(
                [
                    (i, where_b[a[i]])
                    for i in range(a0, a1)
                    if count_a[a[i]] == 1 and a[i] in where_b
                ]
            )
        if not anchors:
            matcher = SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
            for block in matcher.get_matching_blocks():
                found += [(a0 + block.a + k, b0 + block.b + k) for k in range(block.size)]
            continue
        previous = (a0 - 1, b0 - 1)
        for i, j in [*anchors, (a1, b1)]:
            stack.append((previous[0] + 1, i, previous[1] + 1, j))
            if i < a1:
                found.append((i, j))
            previous = (i, j)
    return sorted(found)


def align_keys(key_lists: list[list[str]]) -> list[list[int]]:
    """Columns of the alignment: for each column, one word index per version (-1: none).

    >>> align_keys([["the", "cat", "sat"], ["a", "cat", "sat", "down"]])
    [[0, 0], [1, 1], [2, 2], [-1, 3]]
    """
    count = len(key_lists)
    columns = [[index] + [-1] * (count - 1) for index in range(len(key_lists[0]))]
    keysets = [{key} for key in key_lists[0]]
    for witness in range(1, count):
        keys = key_lists[witness]
        representative = [_representative(column, key_lists) for column in columns]
        pairs, c_next, t_next = [], 0, 0
        for c, t in [*_matches(representative, keys), (len(columns), len(keys))]:
            pairs += _match_block(keysets, keys, c_next, c, t_next, t)
            if c < len(columns):
                pairs.append((c, t))
            c_next, t_next = c + 1, t + 1
        new_columns, new_keysets = [], []
        for column, token in _share_columns(pairs):
            if column is None:
                new_columns.append([-1] * count)
                new_keysets.append(set())
            else:
                new_columns.append(columns[column])
                new_keysets.append(keysets[column])
            if token is not None:
                new_columns[-1][witness] = token
                new_keysets[-1].add(keys[token])
        columns, keysets = new_columns, new_keysets
    return columns


def _share_columns(pairs):
    """Put the unmatched words of a stretch into the unmatched columns beside them, in order
    (as a variant graph ranks readings): "guard" and "soldier" share a column, so a later
    version that has either matches it."""
    result, columns, tokens = [], [], []

    def flush():
        shared = min(len(columns), len(tokens))
        result.extend(zip(columns[:shared], tokens[:shared], strict=True))
        result.extend((column, None) for column in columns[shared:])
        result.extend((None, token) for token in tokens[shared:])
        columns.clear()
        tokens.clear()

    for column, token in pairs:
        if column is not None and token is not None:
            flush()
            result.append((column, token))
        elif column is not None:
            columns.append(column)
        else:
            tokens.append(token)
    flush()
    return result


def _representative(column: list[int], key_lists) -> str:
    for witness, index in enumerate(column):
        if index >= 0:
            return key_lists[witness][index]
    return ""
