"""Append-only inverted lists: term → (document rows, term frequencies).

New rows go to a small Python tail and are merged into the NumPy arrays the first
time a query reads that term, so adding one record costs microseconds and reading a
term costs a concatenate only after it changed. Rows are appended in increasing
order, so every list stays sorted (``np.searchsorted`` works on it).

Lists loaded from a file (``faelles.matching.store``) stay packed: one array of
rows and one of frequencies for all terms, sliced when a term is read.
"""

from __future__ import annotations

import numpy as np

_EMPTY_I = np.zeros(0, dtype=np.int32)
_EMPTY_F = np.zeros(0, dtype=np.float32)


class Postings:
    def __init__(self) -> None:
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._tails: dict[str, tuple[list[int], list[float]]] = {}
        self.df: dict[str, int] = {}
        """Live documents per term (removals decrement it; rows stay as tombstones)."""
        self._packed: dict[str, int] = {}
        self._offsets = np.zeros(1, dtype=np.int64)
        self._rows = _EMPTY_I
        self._tfs = _EMPTY_F

    @classmethod
    def packed(
        cls,
        terms: list[str],
        *,
        offsets: np.ndarray,
        rows: np.ndarray,
        tfs: np.ndarray,
        df: np.ndarray,
    ) -> Postings:
        """Lists stored term after term: term ``i`` has ``rows[offsets[i]:offsets[i+1]]``."""
        postings = cls()
        postings._packed = {term: i for i, term in enumerate(terms)}
        postings._offsets, postings._rows, postings._tfs = offsets, rows, tfs
        postings.df = {t: n for t, n in zip(terms, df.tolist(), strict=True) if n}
        return postings

    def all_terms(self) -> set[str]:
        """Every term with a list, live documents or not."""
        return set(self._arrays) | set(self._tails) | set(self._packed)

    def _stored(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        arrays = self._arrays.get(term)
        if arrays is not None:
            return arrays
        i = self._packed.get(term)
        if i is None:
            return None
        start, end = int(self._offsets[i]), int(self._offsets[i + 1])
        return self._rows[start:end], self._tfs[start:end]

    def add(self, row: int, terms: dict[str, float]) -> None:
        tails = self._tails
        df = self.df
        for term, tf in terms.items():
            tail = tails.get(term)
            if tail is None:
                tail = tails[term] = ([], [])
            tail[0].append(row)
            tail[1].append(tf)
            df[term] = df.get(term, 0) + 1

    def discount(self, terms: dict[str, float] | list[str]) -> None:
        """Forget one live document that had ``terms`` (its rows become dead)."""
        for term in terms:
            left = self.df.get(term, 0) - 1
            if left > 0:
                self.df[term] = left
            else:
                self.df.pop(term, None)

    def get(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        tail = self._tails.pop(term, None)
        arrays = self._stored(term)
        if tail is not None:
            rows = np.asarray(tail[0], dtype=np.int32)
            tfs = np.asarray(tail[1], dtype=np.float32)
            if arrays is not None:
                rows = np.concatenate([arrays[0], rows])
                tfs = np.concatenate([arrays[1], tfs])
            arrays = self._arrays[term] = (rows, tfs)
        return arrays if arrays is not None else (_EMPTY_I, _EMPTY_F)

    def rows(self, term: str) -> np.ndarray:
        return self.get(term)[0]

    def compile(self) -> None:
        """Merge every tail now (after a bulk build), so queries never pay for it."""
        for term in list(self._tails):
            self.get(term)

    def terms_with_prefix(self, prefix: str) -> list[str]:
        return [t for t in self.df if t.startswith(prefix)]

    def nbytes(self) -> int:
        self.compile()
        unpacked = set(self._arrays)
        packed = sum(
            int(self._offsets[i + 1] - self._offsets[i]) * 8
            for term, i in self._packed.items()
            if term not in unpacked
        )
        return packed + sum(a.nbytes + b.nbytes for a, b in self._arrays.values())
