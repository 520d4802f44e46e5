"""Bytes to text: UTF-8, Windows-1256 and ISO-8859-6 first, then charset-normalizer.

`decode_bytes(data, declared=...)` returns `(text, encoding)` or raises `DecodeError` with a
reason. Order, and why:
1. a byte-order mark decides;
2. NUL bytes mean a binary file (no text encoding we accept has them outside UTF-16/32);
3. strict UTF-8 (it almost never decodes legacy bytes by accident);
4. the Arabic legacy code pages: cp1256 and ISO-8859-6 are each tried strictly and kept when the
   result is mostly Arabic letters. charset-normalizer often calls cp1256 bytes cp1252 or latin-1,
   which turns Arabic into mojibake, so this check comes before it. Between the two, in order:
   the larger share of Arabic letters (ISO-8859-6 read as cp1256 turns و ي ه ى into è ê ç é);
   more of the article "ال" (each code page's ال is the other's اف or ان); fewer "¬" (the
   ISO-8859-6 Arabic comma read as cp1256); the declared charset; cp1256, the commoner;
5. the declared charset (HTML meta or HTTP header) when it decodes strictly;
6. charset-normalizer's best guess, if the text it gives is not full of control characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

_NAMES = {  # codec name (as codecs.lookup gives it) → the name we record
    "utf-8": "utf-8", "cp1256": "windows-1256", "iso8859-6": "iso-8859-6", "cp1252": "windows-1252",
    "latin-1": "iso-8859-1", "iso8859-1": "iso-8859-1", "utf-16": "utf-16", "ascii": "utf-8",
}
_ARABIC_CODECS = ("cp1256", "iso8859-6")


class DecodeError(ValueError):
    """The bytes are binary or in no encoding we can identify; `str(err)` is the reason."""


def encoding_name(name: str) -> str | None:
    """The recorded name of codec `name` ("windows-1256", "iso-8859-6", …) or None if unknown."""
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, AttributeError):
        return None
    return _NAMES.get(codec, codec)


def html_declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag within its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode `data`; `declared` is a charset named by the page or the HTTP header (may be wrong).

    Returns the text (BOM removed) and the recorded encoding name. Raises DecodeError for
    binary or undecodable input.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
        if text is None:
            raise DecodeError("invalid UTF-8 after a UTF-8 byte-order mark")
        return text, "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        if text is None:
            raise DecodeError("invalid UTF-16 after a UTF-16 byte-order mark")
        return text, "utf-16"
    if b"\x00" in data[:65536]:
        raise DecodeError("binary content (NUL bytes), not a text file")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"

    declared_codec = None
    if declared:
        try:
            declared_codec = codecs.lookup(declared.strip().strip("\"'")).name
        except LookupError:
            declared_codec = None

    # Arabic legacy code pages: keep the most plausible strict decoding that is mostly Arabic.
    best: tuple[tuple[float, int, int, int], str, str] | None = None
    for codec in _ARABIC_CODECS:
        candidate = _strict(data, codec)
        if candidate is None or _CONTROL.search(candidate[:4096]):
            continue
        sample = candidate[:65536]
        share = _arabic_share(sample)
        if share >= 0.6:
            key = (round(share, 2), sample.count("ال"), -sample.count("¬"), int(codec == declared_codec))
            if best is None or key > best[0]:
                best = (key, codec, candidate)
    if best is not None:
        return best[2], _NAMES[best[1]]

    if declared_codec and declared_codec != "utf-8":
        candidate = _strict(data, declared_codec)
        if candidate is not None and not _too_many_controls(candidate):
            return candidate, _NAMES.get(declared_codec, declared_codec)

    match = from_bytes(data[:262144]).best()
    if match is not None and match.encoding:
        candidate = _strict(data, match.encoding)
        if candidate is not None and not _too_many_controls(candidate):
            return candidate, encoding_name(match.encoding) or match.encoding
    raise DecodeError("undecodable bytes: not UTF-8, Windows-1256, ISO-8859-6 or another detectable text encoding")


def _too_many_controls(text: str) -> bool:
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.01 * len(sample)
