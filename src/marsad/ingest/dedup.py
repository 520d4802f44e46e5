"""Near-duplicate detection: MinHash LSH (datasketch) over word shingles of the normalised text.

A blog's copy of an agency report with its own header and footer shares almost all 3-word
shingles with the original; another article on the same incident shares few. `find` checks the
LSH candidates' estimated Jaccard similarity against the threshold (LSH alone lets some
lower pairs through) and returns the most similar, ties to the smallest id, so the answer does
not depend on the order documents were added.

Signatures are plain bytes (num_perm little-endian uint32 values; datasketch's hash values
are below 2**32 in the pinned "affine32" scheme), so the store can persist them and rebuild the index with `add_signature`
or `NearDuplicateIndex.from_signatures`. They depend only on the text, the fixed seed and
num_perm: stable across runs and machines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

from marsad.text.normalize import normalize_text

SHINGLE_WORDS = 3
_SEED = 1
# datasketch 2 made the permutation scheme explicit; pinning it keeps stored signatures valid
# if the library's default changes again.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The set of 3-word shingles of the normalised `text` (one shingle of all words if shorter)."""
    words = _WORD.findall(normalize_text(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


class NearDuplicateIndex:
    """Ids of indexed documents, found by approximate Jaccard similarity of their shingles."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        # Imported here: datasketch's package imports scipy.integrate (about 1 s), which every
        # `marsad` command would pay if it came with `import marsad.ingest`.
        from datasketch import MinHash, MinHashLSH

        self._minhash_class = MinHash
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, np.ndarray] = {}
        self._template = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)  # permutations computed once

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._hashes

    def _minhash(self, text: str) -> MinHash | None:
        grams = shingles(text)
        if not grams:
            return None
        m = self._minhash_class(num_perm=self.num_perm, seed=_SEED, permutations=self._template.permutations,
                                scheme=_SCHEME)
        m.update_batch(list(grams))
        return m

    def signature(self, text: str) -> bytes:
        """The MinHash signature of `text` as bytes (empty for a text without words)."""
        m = self._minhash(text)
        return b"" if m is None else m.hashvalues.astype("<u4").tobytes()

    def _from_signature(self, signature: bytes) -> MinHash | None:
        if not signature:
            return None
        values = np.frombuffer(signature, dtype="<u4").astype(np.uint64)
        if len(values) != self.num_perm:
            raise ValueError(f"signature has {len(values)} values; this index uses num_perm={self.num_perm}")
        return self._minhash_class(num_perm=self.num_perm, seed=_SEED, hashvalues=values,
                       permutations=self._template.permutations, scheme=_SCHEME)

    def add(self, doc_id: str, text: str) -> None:
        """Index `text` under `doc_id` (adding an id twice keeps the first)."""
        self.add_signature(doc_id, self.signature(text))

    def add_signature(self, doc_id: str, signature: bytes) -> None:
        """Index a stored signature (from `signature`) under `doc_id`; empty signatures are ignored."""
        if doc_id in self._hashes:
            return
        m = self._from_signature(signature)
        if m is None:
            return
        self._lsh.insert(doc_id, m)
        self._hashes[doc_id] = m.hashvalues

    @classmethod
    def from_signatures(cls, pairs: Iterable[tuple[str, bytes]], threshold: float = 0.8,
                        num_perm: int = 128) -> NearDuplicateIndex:
        """An index rebuilt from stored (doc_id, signature) pairs."""
        index = cls(threshold=threshold, num_perm=num_perm)
        for doc_id, signature in pairs:
            index.add_signature(doc_id, signature)
        return index

    def find(self, text: str) -> str | None:
        """Id of an indexed near-duplicate of `text` (the most similar; ties → smallest id), else None."""
        return self.find_signature(self.signature(text))

    def find_signature(self, signature: bytes) -> str | None:
        """Like `find`, for a signature already computed."""
        m = self._from_signature(signature)
        if m is None:
            return None
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(m):
            similarity = float(np.mean(self._hashes[candidate] == m.hashvalues))
            if similarity >= self.threshold and (
                best is None or similarity > best[0] or (similarity == best[0] and candidate < best[1])
            ):
                best = (similarity, candidate)
        return None if best is None else best[1]
