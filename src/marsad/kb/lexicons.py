"""Loaders for the event lexicons: triggers, reporting verbs, casualty terms and modality cues.

Each file under `kb/data/` is a hand-edited TSV with a header row; `#` lines and blank lines are
ignored. Forms are Arabic surface forms as they stand after proclitics (و ف ب ل ك) and the article
are stripped; `marsad.text.lexicon.Lexicon` normalises them and handles the clitics. A loader returns
a tuple of frozen rows in file order, read once per process (`functools.cache`) through
importlib.resources; pass `path` to read another file (tests, local additions).

Every problem raises KnowledgeBaseError naming the file, the line and the fix: a wrong column count,
an unknown PLOVER type, mode, flag or kind, an ACLED pair that ACLED does not define, an empty form,
or a form that repeats an earlier one (after normalisation) with different values.

Typical use::

    from marsad.kb.lexicons import load_triggers
    from marsad.text.lexicon import Lexicon
    triggers = Lexicon(((t.form, t) for t in load_triggers()), enclitics=True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from marsad.errors import KnowledgeBaseError
from marsad.model import Acled, Plover
from marsad.text.lexicon import lexicon_key

PLOVER_TYPES = (
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)

# The modes the extractor knows; a new one is added here and documented in docs/knowledge-base-lexicons.md.
TRIGGER_MODES = (
    "aerial", "shelling", "explosive", "suicide", "grenade", "chemical", "firearms", "melee",
    "civilians", "abduction", "sexual", "mob", "territory",
    "arrest", "raid", "curfew", "siege", "expel", "seize", "disrupt", "closure",
    "demonstration", "strike", "riot",
    "deploy", "recruit", "withdraw", "disarm",
    "phone", "meeting", "visit", "talks", "aid", "ceasefire", "condemn", "summon",
    "show_of_force", "release", "exchange", "sentence",
)

# `inert`: a phrase that is never an event but contains a trigger word (an actor's or a place's name,
# "الخاضعة لسيطرة"); it exists so that the longest match hides the word inside it. Inert rows are also
# `weak`, so a consumer that ignores the flag still treats them with caution.
TRIGGER_FLAGS = ("weak", "noun", "verb", "civilian_target", "territory", "result", "inert")

# ACLED's event types and sub-event types, exactly as the ACLED codebook (2019-2024 editions) spells them.
ACLED_PAIRS: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}

REPORTING_KINDS = ("say", "according_to", "continue", "deny")
MODALITIES = ("asserted", "denied", "expected", "hypothetical")
CASUALTY_KINDS = ("killed", "injured", "killed_or_injured", "missing", "captured", "person", "children")
CASUALTY_GROUPS = ("civilians", "combatants", "unknown")
CUE_KINDS = ("expected", "hypothetical", "denied", "background", "ongoing", "offtopic")

TRIGGERS_HEADER = ("form", "plover", "mode", "acled_event_type", "acled_sub_event_type", "flags")
REPORTING_HEADER = ("form", "kind", "modality")
CASUALTIES_HEADER = ("form", "kind", "group")
CUES_HEADER = ("form", "kind")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One surface form of an event word: its PLOVER type and mode and its ACLED pair (or None)."""

    form: str
    plover: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    flags: frozenset[str]

    @property
    def weak(self) -> bool:
        """True when the word is an event only with corroboration in its sentence."""
        return "weak" in self.flags

    @property
    def inert(self) -> bool:
        """True when the phrase only shadows a trigger word inside it and is never an event."""
        return "inert" in self.flags

    def to_plover(self) -> Plover:
        """The model's Plover value for this trigger."""
        return Plover(self.plover, self.mode)

    def to_acled(self) -> Acled | None:
        """The model's Acled value, or None for the non-violent types."""
        if self.acled_event_type is None:
            return None
        return Acled(self.acled_event_type, self.acled_sub_event_type)


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    """A word that introduces a claim: say / according_to / continue / deny, and its modality."""

    form: str
    kind: str
    modality: str


@dataclass(frozen=True, slots=True)
class CasualtyTerm:
    """A casualty word (killed, injured, ...) or a counted noun (person, children) and its group.

    group is civilians, combatants or unknown, or None when the word names a kind only.
    """

    form: str
    kind: str
    group: str | None


@dataclass(frozen=True, slots=True)
class Cue:
    """A modality or background marker: expected, hypothetical, denied, background, ongoing."""

    form: str
    kind: str


_Row = tuple[str, int, list[str]]  # (file label, line number, columns)
T = TypeVar("T")


def _read(name: str, path: str | Path | None) -> tuple[str, str]:
    """The text of kb/data/<name> (or of `path`) and the label errors use for it."""
    if path is not None:
        label = str(path)
        try:
            return Path(path).read_text(encoding="utf-8"), label
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(f"cannot read {label}: {exc}; check the path and that it is UTF-8") from exc
    label = f"kb/data/{name}"
    try:
        return resources.files("marsad.kb").joinpath("data", name).read_text(encoding="utf-8"), label
    except (OSError, UnicodeDecodeError) as exc:  # a broken install, not a data error
        raise KnowledgeBaseError(f"cannot read {label}: {exc}; reinstall marsad") from exc


def _rows(name: str, path: str | Path | None, header: tuple[str, ...]) -> list[_Row]:
    """Data rows of a TSV after its header, each with its 1-based line number; checks column counts."""
    text, label = _read(name, path)
    rows: list[_Row] = []
    seen_header = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not seen_header:
            if tuple(cols) != header:
                raise KnowledgeBaseError(
                    f"{label}:{lineno}: the first row must be the header {' TAB '.join(header)}; fix the header"
                )
            seen_header = True
            continue
        if len(cols) != len(header):
            raise KnowledgeBaseError(
                f"{label}:{lineno}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), got {len(cols)}; separate the columns with single tabs"
            )
        if not cols[0]:
            raise KnowledgeBaseError(f"{label}:{lineno}: empty form; write the Arabic word or remove the row")
        rows.append((label, lineno, cols))
    if not seen_header:
        raise KnowledgeBaseError(f"{label}: no header row; start the file with {' TAB '.join(header)}")
    return rows


def _check(label: str, lineno: int, what: str, value: str, allowed: tuple[str, ...] | list[str]) -> None:
    if value not in allowed:
        raise KnowledgeBaseError(
            f"{label}:{lineno}: unknown {what} {value!r}; use one of {', '.join(allowed)}"
        )


def _unique(rows: list[tuple[str, int, T]], form_of: Callable[[T], str]) -> tuple[T, ...]:
    """Drop exact repeats of a form; raise on a form that repeats an earlier one with other values.

    Forms are compared as the matcher stores them (normalised, article stripped), since two spellings
    that fold together would otherwise give one match two meanings.
    """
    first: dict[str, tuple[int, T]] = {}
    out: list[T] = []
    for label, lineno, item in rows:
        key = lexicon_key(form_of(item))
        if key in first:
            prev_line, prev = first[key]
            if _values(prev) != _values(item):
                raise KnowledgeBaseError(
                    f"{label}:{lineno}: form {form_of(item)!r} repeats line {prev_line} "
                    f"({form_of(prev)!r}) with different values; keep one row, or make the form "
                    "more specific (a multi-word form)"
                )
            continue
        first[key] = (lineno, item)
        out.append(item)
    return tuple(out)


def _values(item: object) -> tuple[object, ...]:
    """Every field but the form (the rows are slotted dataclasses whose first slot is `form`)."""
    return tuple(getattr(item, s) for s in type(item).__slots__ if s != "form")  # type: ignore[attr-defined]


def _trigger(label: str, lineno: int, cols: list[str]) -> Trigger:
    form, plover, mode, event_type, sub_type, flag_text = cols
    _check(label, lineno, "PLOVER type", plover, PLOVER_TYPES)
    if mode:
        _check(label, lineno, "mode", mode, TRIGGER_MODES)
    if bool(event_type) != bool(sub_type):
        raise KnowledgeBaseError(
            f"{label}:{lineno}: give both acled_event_type and acled_sub_event_type, or leave both empty"
        )
    if event_type:
        _check(label, lineno, "ACLED event type", event_type, list(ACLED_PAIRS))
        _check(label, lineno, f"ACLED sub-event type of {event_type!r}", sub_type, ACLED_PAIRS[event_type])
    flags = frozenset(f.strip() for f in flag_text.split(",") if f.strip())
    for flag in sorted(flags):
        _check(label, lineno, "flag", flag, TRIGGER_FLAGS)
    if "inert" in flags and "weak" not in flags:
        raise KnowledgeBaseError(
            f"{label}:{lineno}: an 'inert' trigger must also be 'weak'; write the flags as weak,inert"
        )
    if "result" in flags and mode:
        raise KnowledgeBaseError(
            f"{label}:{lineno}: a 'result' trigger reports an outcome and has no mode; empty the mode column"
        )
    return Trigger(form, plover, mode or None, event_type or None, sub_type or None, flags)


@cache
def load_triggers(path: str | Path | None = None) -> tuple[Trigger, ...]:
    """Event triggers from kb/data/triggers.tsv (or `path`), in file order."""
    rows = [(label, n, _trigger(label, n, cols)) for label, n, cols in _rows("triggers.tsv", path, TRIGGERS_HEADER)]
    return _unique(rows, lambda t: t.form)


@cache
def load_reporting_verbs(path: str | Path | None = None) -> tuple[ReportingVerb, ...]:
    """Reporting verbs and attribution phrases from kb/data/reporting_verbs.tsv (or `path`)."""
    rows = []
    for label, n, (form, kind, modality) in _rows("reporting_verbs.tsv", path, REPORTING_HEADER):
        _check(label, n, "kind", kind, REPORTING_KINDS)
        _check(label, n, "modality", modality, MODALITIES)
        rows.append((label, n, ReportingVerb(form, kind, modality)))
    return _unique(rows, lambda v: v.form)


@cache
def load_casualty_terms(path: str | Path | None = None) -> tuple[CasualtyTerm, ...]:
    """Casualty words and counted nouns from kb/data/casualties.tsv (or `path`); group '-' is None."""
    rows = []
    for label, n, (form, kind, group) in _rows("casualties.tsv", path, CASUALTIES_HEADER):
        _check(label, n, "kind", kind, CASUALTY_KINDS)
        if group != "-":
            _check(label, n, "group", group, (*CASUALTY_GROUPS, "-"))
        if kind in ("person", "children") and group == "-":
            raise KnowledgeBaseError(
                f"{label}:{n}: a {kind} word needs a group; use one of {', '.join(CASUALTY_GROUPS)}"
            )
        rows.append((label, n, CasualtyTerm(form, kind, None if group == "-" else group)))
    return _unique(rows, lambda c: c.form)


@cache
def load_cues(path: str | Path | None = None) -> tuple[Cue, ...]:
    """Modality and background cues from kb/data/cues.tsv (or `path`)."""
    rows = []
    for label, n, (form, kind) in _rows("cues.tsv", path, CUES_HEADER):
        _check(label, n, "kind", kind, CUE_KINDS)
        rows.append((label, n, Cue(form, kind)))
    return _unique(rows, lambda c: c.form)
