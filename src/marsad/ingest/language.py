"""Language identification: a script check, then a tiny trigram classifier for Latin script.

`detect_language(text) -> str` gives "ar", "fa", "ur", "ckb" (Central Kurdish), "ps", "en",
"fr", "es", "de", "it", "tr", the code of a script used by one language only ("he", "el"), or
"und" (too short, or a script shared by many languages, such as Cyrillic, which we do not guess).

1. Letters are counted by script. When Arabic-script letters are the majority, Kurdish and
   Pashto are recognised by their own letters (ە ێ ۆ ڕ ڵ; ټ ډ ړ ښ ږ ځ څ), and Persian and
   Urdu are told from Arabic by their own letters (پ چ ژ گ ک ی ۀ; ٹ ڈ ڑ ں ے ہ ھ) and frequent
   function words: Arabic news prints پ/گ in foreign names now and then, so one letter does
   not decide; rates and word votes do.
2. Latin-script text goes to a naive-Bayes classifier over character trigrams, trained on the
   short texts in `data/lang/*.txt` that the project wrote (about 1.6 KB per language): enough to
   separate six languages on a sentence or more, tiny next to a 1 GB general-purpose detector.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from importlib import resources

_ARABIC_SCRIPT = re.compile(r"[\u0620-\u064a\u066e-\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_SINGLE_SCRIPTS = ((re.compile(r"[\u0590-\u05ff]"), "he"), (re.compile(r"[\u0370-\u03ff]"), "el"))

_SORANI_LETTERS = set("ەێۆڕڵڤ")  # Central Kurdish (Iraqi Kurdistan): ە U+06D5 is never Persian or Urdu
_PASHTO_LETTERS = set("ټډړښږځڅ")
_PERSIAN_LETTERS = set("پچژگکیۀ")  # ی is U+06CC, ک is U+06A9: Persian forms of ي and ك
_URDU_LETTERS = set("ٹڈڑںےہھ")
_ARABIC_ONLY_LETTERS = set("ةيكىإأؤئ")  # Arabic-keyboard forms; Persian prints ی ک and rarely ة/ى
_WORDS = {
    "ar": frozenset(["في", "من", "على", "إلى", "أن", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان", "قد", "لم", "بين", "بعد", "حيث", "وقال", "قال", "أو", "ذلك"]),
    "fa": frozenset(["در", "به", "از", "که", "این", "را", "با", "است", "می", "برای", "آن", "یک", "شد", "های", "نیز", "کرد", "خود", "هم"]),
    "ur": frozenset(["کے", "میں", "کی", "ہے", "اور", "سے", "کو", "نے", "پر", "کا", "یہ", "ہیں", "تھا", "گیا", "کہا"]),
}
_LATIN_LANGS = ("en", "fr", "es", "de", "it", "tr")
_SCRIPT_CHARS = 1000  # the script check needs little text; counting letters is not free (~70 µs/1000)
_MAX_CHARS = 3000  # enough evidence for trigrams; keeps detection O(1) on long documents


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language, or "und" when too short or not recognised."""
    sample = text[:_SCRIPT_CHARS]
    letters = _LETTER.findall(sample)
    if len(letters) < 8:
        return "und"
    arabic = _ARABIC_SCRIPT.findall(sample)
    if len(arabic) >= 0.5 * len(letters):
        return _arabic_script_language(sample, arabic)
    if len(_LATIN.findall(sample)) >= 0.5 * len(letters):
        return _latin_language(text[:_MAX_CHARS])
    for pattern, code in _SINGLE_SCRIPTS:
        if len(pattern.findall(sample)) >= 0.5 * len(letters):
            return code
    return "und"


def _arabic_script_language(sample: str, arabic: list[str]) -> str:
    n = len(arabic)
    # Kurdish and Pashto letters are frequent in those languages and absent from the others;
    # checked first because Sorani also writes ھ and Pashto ی ک, which point to Urdu or Persian.
    if sum(sample.count(c) for c in _SORANI_LETTERS) / n > 0.03:
        return "ckb"
    if sum(sample.count(c) for c in _PASHTO_LETTERS) / n > 0.02:
        return "ps"
    urdu = sum(sample.count(c) for c in _URDU_LETTERS) / n
    persian = sum(sample.count(c) for c in _PERSIAN_LETTERS) / n
    arabic_only = sum(sample.count(c) for c in _ARABIC_ONLY_LETTERS) / n
    words = sample.split()
    votes = {lang: sum(map(vocab.__contains__, words)) for lang, vocab in _WORDS.items()}
    # Urdu shares Persian's letters, so its own letters or words decide first.
    if urdu > 0.02 and votes["ur"] >= votes["fa"] or votes["ur"] > max(votes["fa"], votes["ar"]):
        return "ur"
    if persian > max(arabic_only, 0.02) or votes["fa"] > votes["ar"]:
        return "fa"
    return "ar"


@cache
def _profiles() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Per language: log-probability of each trigram seen in training, and of an unseen one."""
    folder = resources.files("marsad.ingest") / "data" / "lang"
    counts = {lang: _trigrams((folder / f"{lang}.txt").read_text(encoding="utf-8")) for lang in _LATIN_LANGS}
    vocabulary = len(set().union(*counts.values())) + 1
    logp: dict[str, dict[str, float]] = {}
    unseen: dict[str, float] = {}
    for lang, c in counts.items():
        total = sum(c.values()) + vocabulary * 0.5
        logp[lang] = {g: math.log((k + 0.5) / total) for g, k in c.items()}
        unseen[lang] = math.log(0.5 / total)
    return logp, unseen


def _trigrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def _latin_language(sample: str) -> str:
    logp, unseen = _profiles()
    grams = _trigrams(sample)
    scores = {
        lang: sum(k * table.get(g, unseen[lang]) for g, k in grams.items()) for lang, table in logp.items()
    }
    return max(_LATIN_LANGS, key=lambda lang: (scores[lang], -_LATIN_LANGS.index(lang)))
