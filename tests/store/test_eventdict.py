"""`event_dict` gives exactly what `marsad.model.event_to_dict` gives (values and key order)."""

from __future__ import annotations

import json

import pytest

from marsad.model import Document, event_to_dict
from marsad.store.eventdict import event_dict

from .factories import HAMA, HTS, MOSUL, SOHR, WHITE_HELMETS, strike_report

TEXTS = [
    "قال المرصد السوري لحقوق الإنسان إن خمسة مدنيين قتلوا وأصيب ثمانية آخرون في غارة جوية على مدينة إدلب.",
    "أفادت مصادر طبية بمقتل ثلاثة متظاهرين في الخرطوم خلال احتجاجات ضد الحكومة، فيما نفت الشرطة ذلك.",
    "اندلعت اشتباكات بين قوات الجيش العراقي ومسلحين من تنظيم الدولة في أطراف الموصل أسفرت عن مقتل 12 مسلحا.",
]


@pytest.mark.parametrize("report", [
    strike_report("a", "قال المرصد إن خمسة مدنيين قتلوا بغارة على إدلب.", source=SOHR, killed=5),
    strike_report("b", "أفاد الدفاع المدني بمقتل سبعة مدنيين بغارة على حماة.", source=WHITE_HELMETS, place=HAMA,
                  killed=7),
    strike_report("c", "هجوم لهيئة تحرير الشام قرب الموصل.", actor1=HTS, place=MOSUL, killed=None),
])
def test_eventdict_matches_event_to_dict_on_stored_reports(report):
    for ev in report.events:
        assert json.dumps(event_dict(ev), ensure_ascii=False) == json.dumps(event_to_dict(ev), ensure_ascii=False)


@pytest.mark.parametrize("text", TEXTS)
def test_eventdict_matches_event_to_dict_on_extracted_events(text):
    from marsad.extraction.pipeline import extract_document

    result = extract_document(Document("t", text, "2024-12-02"))
    assert result.events
    for ev in result.events:
        assert json.dumps(event_dict(ev), ensure_ascii=False) == json.dumps(event_to_dict(ev), ensure_ascii=False)
