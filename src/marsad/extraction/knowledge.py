"""The knowledge base compiled into matchers, once per process.

Reads the data files through their loaders (marsad.kb) and builds one Lexicon per kind of
mention. Building costs a fraction of a second; every extraction reuses the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.kb.actors import ActorEntry, Country, load_actors
from marsad.kb.context import ContextActors, load_context_actors
from marsad.kb.lexicons import (
    load_casualty_terms,
    load_cues,
    load_reporting_verbs,
    load_triggers,
)
from marsad.text.lexicon import THIRD_PERSON, Lexicon, LexiconSet

# Nouns that, followed by a nationality adjective, name that state's forces ("الطائرات الروسية").
FORCE_NOUNS = (
    "القوات", "قوات", "الجيش", "جيش", "الطائرات", "طائرات", "الطيران", "طيران", "المقاتلات", "مقاتلات",
    "البحرية", "القوات الجوية", "سلاح الجو", "الطائرات الحربية", "طائرات حربية", "المدفعية", "الدبابات",
    "البوارج", "السفن الحربية", "الطائرات المسيرة", "مسيرات", "المسيرات", "الجنود", "جنود", "القطع البحرية",
    "الضربات", "ضربات", "الغارات", "غارات", "الضربات الجوية", "ضربات جوية", "الغارات الجوية", "غارات جوية",
)
CONTEXT_PREFIX = "ctx:"
GENERIC_TYPES = {"*-CIV": "civilians", "*-PRO": "protesters", "*-RIO": "rioters", "*-GOV": "government",
                 "*-REB": "rebel_group", "*-UAG": "rebel_group"}
MINISTRY_NOUNS = ("وزارة الخزانة", "وزارة الدفاع", "وزارة الداخلية", "وزارة الخارجية", "الرئيس", "رئيس الوزراء",
                  "رئيس الحكومة", "وزير الخارجية", "وزير الدفاع", "الخارجية", "الدفاع", "البيت الأبيض")
GOVERNMENT_NOUNS = MINISTRY_NOUNS + ("الحكومة", "حكومة", "السلطات", "سلطات", "الرئاسة", "الخارجية", "وزارة الخارجية", "النظام")


@dataclass(frozen=True, slots=True)
class Knowledge:
    actors: dict[str, ActorEntry]
    countries: dict[str, Country]
    context: ContextActors
    # One scan finds them all: "actor" (alias → actor id; generic ids start with "*-"), "country"
    # (name/adjective/capital → (iso2, kind)), "trigger", "verb", "casualty", "cue", and "force"
    # (a force or government noun → "MIL" or "GOV").
    lexicons: LexiconSet

    def resolve(self, actor_id: str, country: str | None) -> ActorEntry | None:
        """The concrete actor for an id; generic "*-MIL" and context names ("ctx:التحالف") need
        the country (ISO2) of the text."""
        if actor_id.startswith(CONTEXT_PREFIX):
            chosen = self.context.by_form.get(actor_id[len(CONTEXT_PREFIX):], {}).get(country or "")
            return self.actors.get(chosen) if chosen else None
        if actor_id.startswith("*-"):
            if not country:
                return None
            override = self.context.overrides.get((actor_id, country))
            return self.actors.get(override) if override else self._kb.resolve(actor_id, country)
        return self.actors.get(actor_id)

    def type_of(self, actor_id: str) -> str | None:
        """An actor's type before it is resolved: context names are foreign forces, generic rows have
        the type of what they stand for, concrete ids their own."""
        if actor_id.startswith(CONTEXT_PREFIX):
            return "external_force"
        if actor_id.startswith("*-"):
            return GENERIC_TYPES.get(actor_id, "state_forces")
        entry = self.actors.get(actor_id)
        return entry.type if entry else None

    @property
    def _kb(self):  # the loader's object, for generic resolution
        return load_actors()


@cache
def load_knowledge() -> Knowledge:
    """Build every matcher of the knowledge base (once per process)."""
    kb = load_actors()
    countries = kb.countries
    context = load_context_actors()
    lexicons = {
        "actor": Lexicon(kb.alias_pairs() + [(f, CONTEXT_PREFIX + f) for f in context.by_form]),
        "country": Lexicon((form, (iso2, kind)) for form, iso2, kind in kb.country_alias_pairs()),
        "trigger": Lexicon(((t.form, t) for t in load_triggers()), enclitics=THIRD_PERSON),
        "verb": Lexicon(((v.form, v) for v in load_reporting_verbs()), enclitics=THIRD_PERSON, article=False),
        "casualty": Lexicon((c.form, c) for c in load_casualty_terms()),
        "cue": Lexicon((c.form, c) for c in load_cues()),
        "force": Lexicon([(n, "MIL") for n in FORCE_NOUNS] + [(n, "GOV") for n in GOVERNMENT_NOUNS]),
    }
    return Knowledge(actors=kb.by_id, countries=countries, context=context, lexicons=LexiconSet(lexicons))
