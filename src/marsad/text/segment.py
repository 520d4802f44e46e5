"""Sentences, clauses and tokens of Arabic news text, as raw offsets.

- `sentences(text)` -> [(start, end)]: spans of the raw text, end exclusive, trimmed.
- `clauses(text, start, end)` -> [(start, end)]: clauses of one sentence.
- `tokens(text, start, end)` -> [Token]: word and number tokens with a normalised form and a stem.
- `stem(word)` -> str: the clitic-stripped matching key of one raw word.

Nothing here changes the text: every offset indexes the string the caller passed in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from marsad.text._wordlists import extend_over_marks
from marsad.text.normalize import Normalized, normalize, normalize_text

# ---------------------------------------------------------------------------------------------
# Sentences

_CAND = re.compile(r'[.!?؟…\r\n\u2028\u2029"“”«»]')
_NEWLINES = "\r\n\u2028\u2029"
_TERMINAL = ".!?؟"
_CLOSERS = ")]»”"  # taken into the sentence that ends just before them; ASCII '"' is ambiguous
_OPEN_Q = "«“"
_CLOSE_Q = "»”"
# Trimmed off both ends of a span: whitespace plus the invisible marks news sites leave around text.
_TRIM = " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2009\u200a\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c" \
    "\u202d\u202e\u202f\u2028\u2029\u2066\u2067\u2068\u2069\ufeff\u061c"
# Multi-letter abbreviations that take a dot (normalised). Single letters are always abbreviations.
_ABBREV = frozenset({"mr", "mrs", "dr", "st", "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "gen", "col",
                     "lt", "sgt", "prof", "كلم", "ق.م"})
_LONG_WORD = max(map(len, _ABBREV)) + 1  # a word at least this long is neither one letter nor in _ABBREV
_WORD_CHAR = re.compile(r"[\w\u0640]")
_WORD_EXTRA = frozenset("_\u0640")  # the word characters of _WORD_CHAR that are not alphanumeric
_ALNUM = re.compile(r"[^\W_]")  # re's \w is isalnum() or "_"
_LONG_RUN = 400
_MIN_PIECE = 150
# Paragraph-opening connectives (normalised) before which an unpunctuated run may be cut.
_CONNECTIVE = re.compile(
    r"(?<!\w)(?:و?في سياق (?:متصل|اخر)|و?في غضون ذلك|و?من جهه اخري|و?من جهت(?:ه|ها|هم)|و?الي ذلك"
    r"|و?علي صعيد (?:اخر|متصل)|و?في (?:هذه )?الاثناء|وفي)(?!\w)"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _word_before(text: str, i: int) -> str:
    """The letters (with marks and tatweel) immediately before index i, normalised."""
    j = i
    # [\\w\\u0640] of re is exactly isalnum(), "_" or tatweel (checked over all of Unicode by a test)
    while j > 0 and ((c := text[j - 1]).isalnum() or c in _WORD_EXTRA or unicodedata.category(c) == "Mn"):
        j -= 1
    return normalize_text(text[j:i])


def _dot_ends_sentence(text: str, i: int) -> bool:
    """Whether the single '.' at i ends a sentence (not a decimal, date, abbreviation or initial)."""
    n = len(text)
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < n else ""
    if prev.isdigit() and nxt.isdigit():
        return False  # 3.5, 2024.12.02, 1.200
    tail = text[i - _LONG_WORD:i] if i >= _LONG_WORD else ""
    # most dots follow a word longer than any abbreviation: then skip the walk back over its letters
    long_word = tail.isalpha() and len(normalize_text(tail)) == _LONG_WORD
    word = tail if long_word else _word_before(text, i)
    if len(word) == 1 and not word.isdigit():
        return False  # initials and one-letter abbreviations: د. م. أ.ف.ب U.S.
    if word in _ABBREV:
        return False
    if nxt and not nxt.isspace() and nxt not in _CLOSERS and nxt != '"':
        # A dot glued to the next character: a URL, "أ.ف.ب", or a missing space after a full stop.
        return len(word) >= 2 and "\u0621" <= nxt <= "\u064a"
    return True


def _boundaries(text: str) -> list[tuple[int, int]]:
    """Raw (start, end) pieces between sentence ends, untrimmed."""
    pieces: list[tuple[int, int]] = []
    start = 0
    depth = 0  # «» and “” nesting
    ascii_open = False
    n = len(text)
    skip_to = -1
    for m in _CAND.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        c = text[i]
        if c in _NEWLINES:
            pieces.append((start, i))
            start = i + 1
            depth, ascii_open = 0, False
            continue
        if c in _OPEN_Q:
            depth += 1
            continue
        if c in _CLOSE_Q or c == '"':
            if c == '"':
                was_open = ascii_open
                ascii_open = not ascii_open
                if not was_open:
                    continue
            else:
                depth = max(0, depth - 1)
            # A quotation that itself ends with a full stop closes the sentence after the quote mark.
            j = i
            while j > start and text[j - 1] in " \u00a0":
                j -= 1
            if depth == 0 and not ascii_open and j > start and text[j - 1] in _TERMINAL + "…":
                if text[j - 1] == "…" or text[j - 2:j] == "..":
                    continue
                end = i + 1
                while end < n and text[end] in _CLOSERS:
                    end += 1
                pieces.append((start, end))
                start = end
            continue
        if depth > 0 or ascii_open:
            continue
        if c == "…" or text.startswith("..", i):
            # An ellipsis never ends a sentence by itself (it marks omitted words mid-sentence).
            j = i
            while j < n and text[j] in ".…":
                j += 1
            skip_to = j
            continue
        if c == "." and (not _dot_ends_sentence(text, i) or text[start:i].strip().isdigit()):
            continue  # also "1." opening a numbered item
        end = i + 1
        while end < n and text[end] in _TERMINAL:
            end += 1
        while end < n and text[end] in _CLOSERS:
            end += 1
        skip_to = end
        pieces.append((start, end))
        start = end
    pieces.append((start, n))
    return pieces


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an unpunctuated run before paragraph-opening connectives, pieces >= _MIN_PIECE chars."""
    norm = normalize(text[start:end])
    cuts = [start]
    for m in _CONNECTIVE.finditer(norm.text):
        at = start + norm.raw_span(m.start(), m.end())[0]
        if at - cuts[-1] >= _MIN_PIECE and end - at >= 20:
            cuts.append(at)
    cuts.append(end)
    return [_trim(text, a, b) for a, b in zip(cuts, cuts[1:], strict=False)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text` (raw offsets, end exclusive, trimmed of whitespace).

    Splits after . ! ? ؟ and at every line break. Does not split inside «…», “…” or "…" (a line
    break still does), after one-letter abbreviations and initials (د. أ.ف.ب U.S.), inside
    numbers and dotted dates (3.5, 2024.12.02) or at an ellipsis. ؛ stays inside the sentence.
    A sentence longer than ~400 characters is cut before connectives that open a new paragraph
    (وفي، في غضون ذلك، من جهة أخرى، إلى ذلك، وفي سياق متصل). Spans without a letter or digit are
    dropped.
    """
    out: list[tuple[int, int]] = []
    for a, b in _boundaries(text):
        a, b = _trim(text, a, b)
        if a >= b or _ALNUM.search(text, a, b) is None:
            continue
        if b - a > _LONG_RUN:
            out.extend(p for p in _split_long(text, a, b) if p[0] < p[1])
        else:
            out.append((a, b))
    return out


# ---------------------------------------------------------------------------------------------
# Clauses

# A comma between two digits (1,200) is no separator: checked by hand, a one-class pattern scans faster
# than the alternation with lookarounds.
_CLAUSE_SEP = re.compile(r"[،؛;,]")
# Openers of a new proposition (normalised); the clause starts at the opener.
_OPENER = re.compile(
    r"(?<!\w)(?:و?حيث|و?بينما|و?في حين|و?فيما|و?في الوقت الذي|و?بعد ان|وذلك|و?كما|و?الا ان|غير ان"
    r"|و?لكن(?:ه|ها|هم)?)(?!\w)"
)
# Every opener contains one of these (keep them in step with _OPENER): few sentences hold any, and
# testing for them with `in` is cheaper than running the regex, which has no prefix to search for.
_OPENER_HINTS = ("حيث", "بينما", "في حين", "فيما", "في الوقت الذي", "بعد ان", "وذلك", "كما", "الا ان", "غير ان",
                 "لكن")


def _has_opener_hint(s: str) -> bool:
    """Whether s holds one of _OPENER_HINTS: the `in` tests spelt out (any() over a generator costs
    more than the tests; "في حين", "فيما" and "في الوقت الذي" share "في", tested once)."""
    return (
        "حيث" in s or "كما" in s or "لكن" in s or " ان" in s and ("بعد ان" in s or "الا ان" in s or "غير ان" in s)
        or "بينما" in s or "وذلك" in s
        or "في" in s and ("في حين" in s or "فيما" in s or "في الوقت الذي" in s)
    )


def clauses(text: str, start: int = 0, end: int | None = None, norm: Normalized | None = None
            ) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[start:end] (raw offsets into `text`, trimmed).

    Cuts at , ، ؛ ; (not at a comma between digits: 1,200) and before the openers of a new
    proposition: حيث، بينما، في حين، فيما، في الوقت الذي، بعد أن، وذلك، كما، إلا أن، غير أن، لكن
    (also with و). The separator belongs to no clause; an opener begins its clause. `norm` is
    `normalize(text)` when the caller has it (saves normalising the sentence again).
    """
    end = len(text) if end is None else end
    cuts: list[tuple[int, int]] = []  # (cut_end_of_previous, start_of_next)
    for m in _CLAUSE_SEP.finditer(text, start, end):
        i = m.start()
        if text[i] == "," and i > 0 and text[i - 1].isdecimal() and i + 1 < end and text[i + 1].isdecimal():
            continue
        cuts.append((i, i + 1))
    if norm is not None and norm.raw is text:
        # the document's normalised copy (folding is per character): its slice is what normalising
        # the sentence again would give, and its offset map already points into `text`
        ns = norm.norm_index(start)
        sentence = norm.text[ns:norm.norm_index(end)]
        if _has_opener_hint(sentence):
            for m in _OPENER.finditer(sentence):
                cuts.append((norm.raw_index(ns + m.start()),) * 2)
    else:
        sub = normalize(text[start:end])
        for m in _OPENER.finditer(sub.text):
            at = start + sub.raw_span(m.start(), m.end())[0]
            cuts.append((at, at))
    cuts.sort()
    out: list[tuple[int, int]] = []
    pos = start
    for cut_end, nxt in cuts:
        a, b = _trim(text, pos, cut_end)
        if a < b:
            out.append((a, b))
        pos = max(pos, nxt)
    a, b = _trim(text, pos, end)
    if a < b:
        out.append((a, b))
    return out


# ---------------------------------------------------------------------------------------------
# Tokens and stems


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number: raw offsets, raw text, normalised form, clitic-stripped stem."""

    start: int
    end: int
    text: str
    norm: str
    stem: str


_MARK_CHARS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x0610, 0x061B)))
_MARKS_AT_END = re.compile(r"[\u064b-\u065f\u0670\u0640\u200b-\u200f]+$")
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,٫٬]\d+)*")

# Words never stripped (normalised): function words and frequent words and names whose first or
# last letters look like clitics (بغداد is not ب + غداد). Extend when a stem is found wrong.
_PROTECTED = frozenset(normalize_text(w) for w in """
الله الذي التي الذين اللذين اللتين اللواتي اللاتي الى إلا الان الآن الا أيضا لكن لكنه ليس ليست لم لن لدى
بين بعد بعض بها به بهم بل بينما بدون بسبب بشأن كل كان كانت كانوا كما كذلك كيف فقط فوق في فيه فيها فيما
فيهم لها له لهم هناك هنا وهو وهي وكان ولم ولا بغداد بيروت لبنان ليبيا كركوك بنغازي البصرة بابل بعقوبة
بيجي بلد بلدة بلدات بلاد بيان بيانا فلسطين فلسطيني فلسطينية فلسطينيين فرنسا فصائل فصيل فريق فجر فتح
فرقة ولاية وزير وزيرة وزارة وزراء وكالة وسط وقت وقف وفد وحدة وحدات وضع وقع وقعت وقوع واشنطن وادي ورد وردت
وصل وصلت وصول وجود وطني وطنية وفاة وفيات لجنة لواء لقاء لقي لقيت كتيبة كتائب كبير كبيرة كبار بريطانيا
بوتين بايدن بلينكن بيت بيتا بنك بئر بحر بحرية بري برية برلمان بلدية كردستان كرد كردي كفر كلية بوكمال
بيت_لحم لحج كسلا كادقلي بورتسودان فرع فرعي وائل ولد وليد وزان وصف تفاهم محاكم سيول سيناريو سنجار سنار
سيئون سيناء سوريا سودان السودان سرت سبها سامراء صلاح كتلة كلمة فوز فيلق
""".replace("_", " ").split())

_DEF_PROCLITICS = ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")
# Endings of nouns, not of future verbs: سيارات، سيطرة، ستين، سياسي، سيناء
_NOT_VERB_END = ("ات", "ين", "ي", "ه", "ء", "ان")


def _strip_proclitics(w: str, ta_marbuta: bool) -> str:
    for p in _DEF_PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    rest = w
    if rest[0] in "وف" and len(rest) - 1 >= 3:
        rest = rest[1:]
        if rest in _PROTECTED:
            return rest
    if rest[0] in "بلك" and len(rest) - 1 >= 3:
        rest = rest[1:]
    elif (
        rest[0] == "س" and rest[1] in "يتن" and len(rest) - 1 >= 3
        and not (ta_marbuta or rest.endswith(_NOT_VERB_END))
    ):
        rest = rest[1:]  # future س on a present verb: سيتم، وستواصل
    return rest


def _strip_enclitic(w: str, ta_marbuta: bool) -> str:
    for s in _ENCLITICS:
        if w.endswith(s) and len(w) - len(s) >= (4 if s == "كم" else 3):
            if s == "ه" and ta_marbuta:
                return w  # the raw word ends in ة: no pronoun
            return w[: -len(s)]
    return w


@lru_cache(maxsize=65536)
def _stem_norm(norm: str, ta_marbuta: bool) -> str:
    if len(norm) < 3 or norm in _PROTECTED or not norm[0].isalpha():
        return norm
    w = _strip_proclitics(norm, ta_marbuta)
    if w in _PROTECTED:
        return w
    return _strip_enclitic(w, ta_marbuta)


def stem(word: str) -> str:
    """The matching key of one raw word: normalised, proclitics and one enclitic stripped.

    Proclitics: ال and its combinations (وال بال فال كال وبال فبال لل ولل فلل) when at least 2
    letters remain; then و/ف, then one of ب ل ك (or the future س before a present verb that does
    not end like a noun: سيتم → يتم, but سيارات, سيطرة, ستين stay), each only when at least 3
    letters remain. Enclitics: هما هم هن ها كم نا ه when at least 3 letters remain (4 for كم);
    a word ending in ة keeps its ه. Words in a protected list (function words, بغداد, لبنان,
    وزير, فلسطين, ...) are left whole.

    Limits: this is a key, not a morphological analysis. A pronoun after ة leaves ت (مدينته →
    مدينت, not مدينه), since قتلته (a verb) ends the same way. Root letters that look like clitics are
    still cut from unlisted words (بيان-like words, ولاية-like words), so compare stem(form) with
    Token.stem — the same function on both sides — rather than with a hand-written stem.
    """
    return _stem_norm(normalize_text(word), _MARKS_AT_END.sub("", word).endswith("ة"))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and number tokens of text[start:end], split at whitespace and punctuation.

    Letters and digits form separate tokens ("الـ24" → "الـ", "24"); a number keeps its inner
    separators ("1,200", "3.5"). Punctuation is not returned. Offsets are raw offsets into `text`.
    """
    end = len(text) if end is None else end
    norm = normalize(text[start:end])
    out: list[Token] = []
    raw_all = norm.raw
    n = len(raw_all)
    for m in _TOKEN.finditer(norm.text):
        a, b = norm.raw_span(m.start(), m.end())
        if b < n and raw_all[b] in _MARK_CHARS:
            b = extend_over_marks(raw_all, b)  # keep the word's last vowel mark or tatweel: إدلبَ، الـ
        raw = text[start + a:start + b]
        w = m.group()
        # The raw token may end in marks after ة (ةً); look at its last letter.
        last = _MARKS_AT_END.sub("", raw) if raw[-1] in _MARK_CHARS else raw
        out.append(Token(start + a, start + b, raw, w, _stem_norm(w, last.endswith("ة"))))
    return out
