"""Publication dates printed in bylines of Arabic pages."""

from __future__ import annotations

import pytest

from marsad.ingest.pagedate import date_in_text


@pytest.mark.parametrize(("text", "date"), [
    ("تاريخ النشر: 12/05/2008", "2008-05-12"),
    ("تاريخ النشر: ٢٠٠٩/١١/٠٣", "2009-11-03"),
    ("نشر في ١٢ أيار ٢٠١٣", "2013-05-12"),
    ("نشر بتاريخ الاثنين 3 تشرين الأول، 2016", "2016-10-03"),
    ("تاريخ الخبر: 1 كانون الثاني 2012", "2012-01-01"),
    ("تم النشر في 7 أغسطس 2020", "2020-08-07"),
    ("العنوان\nتاريخ النشر: 5 جوان 2019 - 10:30\nنص الخبر", "2019-06-05"),
])
def test_pagedate_byline_read(text: str, date: str) -> None:
    assert date_in_text(text) == date


@pytest.mark.parametrize("text", [
    "قتل خمسة مدنيين في 12/05/2008 بحسب المصدر",
    "نشر في المنطقة 300 جندي يوم 12/05/2008",
    "نشر الجيش قواته في 12/05/2008",
    "نشر في: 31/02/2010",
    "تاريخ النشر: 12/05/1850",
    "تاريخ النشر: " + "كلام طويل " * 20 + "12/05/2008",
])
def test_pagedate_no_date_taken(text: str) -> None:
    assert date_in_text(text) is None
