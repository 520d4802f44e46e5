"""Bytes → text: UTF-8, Windows-1256, ISO-8859-6 detected and recorded; binary refused."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest.encoding import DecodeError, decode_bytes, encoding_name, html_declared_charset

from .conftest import ARTICLE_CLASHES, ARTICLE_FLOODS, ARTICLE_SHELLING, FRENCH

ARABIC = ["\n".join(ARTICLE_SHELLING), "\n".join(ARTICLE_FLOODS), ARTICLE_CLASHES[0]]


@pytest.mark.parametrize("text", ARABIC)
@pytest.mark.parametrize(("codec", "name"), [("utf-8", "utf-8"), ("cp1256", "windows-1256"), ("iso8859-6", "iso-8859-6")])
def test_encoding_arabic_detected(text: str, codec: str, name: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, name)


@pytest.mark.parametrize("text", ARABIC)
def test_encoding_arabic_legacy_beats_wrong_latin_declaration(text: str) -> None:
    # pages saved from cp1256 sites often declare windows-1252 / iso-8859-1
    assert decode_bytes(text.encode("cp1256"), declared="iso-8859-1") == (text, "windows-1256")


def test_encoding_declared_arabic_charset_wins_tie() -> None:
    # letters whose bytes are the same Arabic letters in both legacy code pages
    text = "حرب شرسة"
    data = text.encode("iso8859-6")
    assert data == text.encode("cp1256")
    assert decode_bytes(data, declared="ISO-8859-6") == (text, "iso-8859-6")
    assert decode_bytes(data, declared="windows-1256") == (text, "windows-1256")
    assert decode_bytes(data) == (text, "windows-1256")  # undeclared: the commoner code page


def test_encoding_utf8_bom_removed() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + ARTICLE_CLASHES[0].encode()) == (ARTICLE_CLASHES[0], "utf-8")


def test_encoding_latin_text_not_taken_for_arabic() -> None:
    text, name = decode_bytes(FRENCH.encode("cp1252"))
    assert text == FRENCH
    assert name != "windows-1256"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
])
def test_encoding_binary_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize(("page", "charset"), [
    (b'<html><head><meta charset="windows-1256"><title>', "windows-1256"),
    (b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'>", "ISO-8859-6"),
    (b"<html><head><title>none</title></head>", None),
])
def test_encoding_html_meta_charset_read(page: bytes, charset: str | None) -> None:
    assert html_declared_charset(page) == charset


@pytest.mark.parametrize(("given", "name"), [("CP1256", "windows-1256"), ("arabic", "iso-8859-6"), ("UTF8", "utf-8"), ("nonsense-9", None)])
def test_encoding_names_recorded_uniformly(given: str, name: str | None) -> None:
    assert encoding_name(given) == name


_ARABIC_WORDS = ["قصف", "مدينة", "الجيش", "قتلى", "جرحى", "هدنة", "غارات", "نازحون", "مستشفى", "الطريق",
                 "اشتباكات", "ظهر", "ضحايا", "في", "على", "من", "إلى", "أطفال", "عشرة", "مصادر"]


@given(words=st.lists(st.sampled_from(_ARABIC_WORDS), min_size=4, max_size=60),
       codec=st.sampled_from(["utf-8", "cp1256", "iso8859-6"]))
@settings(max_examples=150, deadline=None)
def test_encoding_roundtrip_property(words: list[str], codec: str) -> None:
    # The Arabic comma keeps every case decidable: without it, ISO-8859-6 bytes of words like
    # "اشتباكات" also read as Arabic letters in cp1256 ("اشتبامات"), and only a dictionary could tell.
    text = " ".join(words) + "،\n" + " ".join(reversed(words)) + "."
    decoded, name = decode_bytes(text.encode(codec))
    assert decoded == text
    assert name in ("utf-8", "windows-1256", "iso-8859-6")
