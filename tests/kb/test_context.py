"""Context-dependent actor names (kb/data/context_actors.tsv)."""

from __future__ import annotations

import pytest

from marsad.errors import KnowledgeBaseError
from marsad.kb.context import load_context_actors


def test_context_shipped_table_loads():
    table = load_context_actors()
    assert table.by_form["التحالف"]["YE"] == "SAU-COAL"
    assert table.by_form["التحالف"]["IQ"] == "USA-COAL"
    assert table.overrides[("*-MIL", "PS")] == "ISR-MIL"


@pytest.mark.parametrize(("line", "message"), [
    ("التحالف\tXX9\tSAU-COAL", "unknown country"),
    ("التحالف\tYE\tNO-SUCH", "unknown actor id"),
    ("التحالف\tYE", "expected 3 tab-separated columns"),
])
def test_context_bad_lines_name_file_and_line(tmp_path, line, message):
    f = tmp_path / "context_actors.tsv"
    f.write_text("form\tcountry\tactor_id\n" + line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=f"context_actors.tsv:2: {message}"):
        load_context_actors(f)


def test_context_coalition_resolves_by_the_article_country():
    import marsad

    yemen = marsad.extract("قصفت طائرات التحالف مواقع للحوثيين في مديرية صرواح بمحافظة مأرب اليمنية أمس.",
                           published="2016-03-02")
    iraq = marsad.extract("قصفت طائرات التحالف مواقع لتنظيم داعش في قضاء تلعفر غرب مدينة الموصل العراقية أمس.",
                          published="2017-03-02")
    assert yemen.events[0].actor1.id == "SAU-COAL"
    assert iraq.events[0].actor1.id == "USA-COAL"


def test_context_bare_army_in_palestine_is_israels():
    import marsad

    result = marsad.extract("اقتحم الجيش مخيم جنين في الضفة الغربية فجر اليوم واعتقل 12 فلسطينيا.",
                            published="2023-07-03")
    assert any(e.actor1 and e.actor1.id == "ISR-MIL" for e in result.events)
