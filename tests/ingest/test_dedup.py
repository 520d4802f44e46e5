"""Near-duplicates: a republished copy is found, another article on the same topic is not."""

from __future__ import annotations

from marsad.ingest import NearDuplicateIndex

from .conftest import ARTICLE_CLASHES, ARTICLE_FLOODS, ARTICLE_SAME_TOPIC, ARTICLE_SHELLING

ORIGINAL = "\n".join(ARTICLE_SHELLING)
# A blog's copy: its own header and footer, the agency's footer gone, diacritics and a spelling changed.
COPY = "\n".join([
    "نقلا عن وكالة الأنباء - خاص بالمدونة",
    ARTICLE_SHELLING[0].replace("إدلب", "ادلب"),
    *ARTICLE_SHELLING[1:],
    "تابعوا صفحتنا لمزيد من الأخبار اليومية",
])


def _index() -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    index.add("shelling", ORIGINAL)
    index.add("floods", "\n".join(ARTICLE_FLOODS))
    index.add("clashes", "\n".join(ARTICLE_CLASHES))
    return index


def test_dedup_republished_copy_found() -> None:
    assert _index().find(COPY) == "shelling"


def test_dedup_same_topic_different_article_not_found() -> None:
    assert _index().find("\n".join(ARTICLE_SAME_TOPIC)) is None


def test_dedup_rebuilt_from_signatures_answers_the_same() -> None:
    index = _index()
    texts = {"shelling": ORIGINAL, "floods": "\n".join(ARTICLE_FLOODS), "clashes": "\n".join(ARTICLE_CLASHES)}
    rebuilt = NearDuplicateIndex.from_signatures((k, index.signature(v)) for k, v in texts.items())
    assert len(rebuilt) == 3
    assert rebuilt.find(COPY) == "shelling"
    assert rebuilt.find("\n".join(ARTICLE_SAME_TOPIC)) is None
    assert rebuilt.find_signature(index.signature(COPY)) == "shelling"


def test_dedup_signature_stable_bytes() -> None:
    a, b = NearDuplicateIndex(), NearDuplicateIndex()
    assert a.signature(ORIGINAL) == b.signature(ORIGINAL)
    assert len(a.signature(ORIGINAL)) == 128 * 4
    assert a.signature("") == b"" and a.find("") is None


def test_dedup_answer_independent_of_insertion_order() -> None:
    forward, backward = NearDuplicateIndex(), NearDuplicateIndex()
    docs = [("a-copy", COPY), ("b-original", ORIGINAL), ("c-floods", "\n".join(ARTICLE_FLOODS))]
    for doc_id, text in docs:
        forward.add(doc_id, text)
    for doc_id, text in reversed(docs):
        backward.add(doc_id, text)
    assert forward.find(ORIGINAL) == backward.find(ORIGINAL) == "b-original"


def test_dedup_adding_an_id_twice_keeps_the_first() -> None:
    index = NearDuplicateIndex()
    index.add("x", ORIGINAL)
    index.add("x", "\n".join(ARTICLE_FLOODS))
    assert index.find(ORIGINAL) == "x" and index.find("\n".join(ARTICLE_FLOODS)) is None
