"""The Arabic boilerplate post-filter: drops furniture lines, keeps article sentences."""

from __future__ import annotations

import pytest

from marsad.ingest.boilerplate import is_boilerplate, strip_boilerplate


@pytest.mark.parametrize("line", [
    "اقرأ أيضا: تصعيد جديد في الشمال",
    "اقرأ أيضاً",
    "إقرأ المزيد",
    "طالع أيضا: الأمم المتحدة تحذر من المجاعة",
    "شارك", "فيسبوك تويتر واتساب", "شارك | فيسبوك | تويتر",
    "شارك هذا المقال",
    "اشترك للحصول على أحدث التدوينات",
    "اشترك الآن في النشرة البريدية",
    "الوسوم: سوريا، حلب، قصف",
    "أخبار ذات صلة", "الأكثر قراءة", "قد يهمك أيضا",
    "جميع الحقوق محفوظة © 2020",
    "تابعونا على فيسبوك",
    "أضف تعليقا",
])
def test_boilerplate_furniture_line_detected(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "اشترك مئات المقاتلين في الهجوم على البلدة فجر اليوم.",
    "شارك في الاجتماع ممثلون عن الحكومة والمعارضة.",
    "قال شاهد عيان إن القصف استمر حتى المساء.",
    "تابع الجيش تقدمه نحو المدينة رغم المقاومة.",
    "وأعلنت الوزارة أن جميع الطرق أعيد فتحها.",
    "اقرأ " * 60,  # a long line is never furniture
])
def test_boilerplate_article_line_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_boilerplate_strip_keeps_order_and_other_lines() -> None:
    text = "السطر الأول من الخبر.\nاقرأ أيضا: خبر آخر\n\nالسطر الثاني من الخبر.\nالوسوم: عدن"
    assert strip_boilerplate(text) == "السطر الأول من الخبر.\n\nالسطر الثاني من الخبر."
