"""Language id: script check for Arabic/Persian/Urdu, trigram classifier for Latin script."""

from __future__ import annotations

import pytest

from marsad.ingest import detect_language

from .conftest import ARTICLE_CLASHES, ARTICLE_FLOODS, ARTICLE_SHELLING, ENGLISH, FRENCH, PERSIAN, URDU


@pytest.mark.parametrize(("text", "lang"), [
    ("\n".join(ARTICLE_SHELLING), "ar"),
    (ARTICLE_FLOODS[0], "ar"),
    (ARTICLE_CLASHES[1], "ar"),
    # Arabic news prints Persian letters in foreign names; that alone must not make it Persian
    ("قال المتحدث باسم الحكومة العراقية إن وفدا من گرمیان وصل إلى بغداد لبحث الملف الأمني مع المسؤولين.", "ar"),
    ("قال مسؤولون في أربيل إن وفدا من هەولێر وصل إلى بغداد لبحث رواتب موظفي الإقليم وحصة النفط.", "ar"),
    ("هێزەکانی ئاسایش ڕایانگەیاند کە دوو چەکدار لە نزیک شاری کەرکووک کوژران و سێ کەسی تر بریندار بوون.", "ckb"),
    ("د امنیتي ځواکونو په وینا، د ښار په ننوتو کې یوه چاودنه شوې چې څلور کسان پکې وژل شوي دي.", "ps"),
    (ENGLISH, "en"),
    (FRENCH, "fr"),
    (PERSIAN, "fa"),
    (URDU, "ur"),
    ("El ejército dijo que había recuperado el control de la ciudad tras varios días de combates intensos.", "es"),
    ("Die Armee erklärte, sie habe die Kontrolle über die Stadt nach tagelangen schweren Kämpfen zurückgewonnen.", "de"),
    ("L'esercito ha dichiarato di aver ripreso il controllo della città dopo giorni di combattimenti intensi.", "it"),
    ("Ordu, günlerce süren yoğun çatışmaların ardından şehrin kontrolünü yeniden ele geçirdiğini açıkladı.", "tr"),
])
def test_language_detected(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "ok", "Привет, как дела у вас сегодня утром?"])
def test_language_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_language_arabic_with_english_quote_stays_arabic() -> None:
    text = ARTICLE_SHELLING[0] + " (Reuters) " + ARTICLE_SHELLING[1]
    assert detect_language(text) == "ar"
