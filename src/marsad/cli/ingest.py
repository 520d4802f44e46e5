"""`marsad ingest`: sources → documents → extraction → store, one transaction per document.

Idempotent and resumable: a document already in the store is skipped before extraction (ids are
stable: see marsad.store.keys), so a run killed at any point and started again finishes the work
without losing or doubling a document. Extraction may run in worker processes; everything that
touches the database stays in this process, in input order, so copies are linked the same way
whatever `--workers` is.
"""

from __future__ import annotations

import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from marsad.cli import main
from marsad.errors import MarsadError
from marsad.model import Document, DocumentResult
from marsad.store import Store, open_store


@dataclass(frozen=True, slots=True)
class Task:
    """One item of the sources: a failure, or a document with what to do with it."""

    item: Any  # IngestedDocument | IngestFailure
    action: str  # "fail", "exists", "store" (not Arabic: store without extracting), "extract"


Extractor = Callable[[Document], DocumentResult]


def load_extractor() -> Extractor:
    """The extraction core's `extract_document` (an error naming the fix when it cannot load)."""
    try:
        from marsad.extraction.pipeline import extract_document
    except ImportError as exc:
        raise MarsadError(f"the extraction core cannot be loaded ({exc}); reinstall marsad: pip install -e .") \
            from exc
    return extract_document


def extract_one(extractor: Extractor, doc: Document) -> DocumentResult | str:
    """Extract one document; a failure comes back as its reason (it must cross process borders)."""
    try:
        return extractor(doc)
    except MarsadError as exc:
        return f"extraction failed: {exc}"
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
        return f"extraction failed: {exc.__class__.__name__}: {exc}"


def plan(store: Store, sources: list[str], allow_private: bool) -> Iterator[Task]:
    from marsad.ingest import IngestFailure, iter_documents

    for item in iter_documents(sources, allow_private=allow_private):
        if isinstance(item, IngestFailure):
            yield Task(item, "fail")
        elif store.has_document(store.document_id(item)):
            yield Task(item, "exists")
        elif (item.language or "und") != "ar":
            yield Task(item, "store")
        else:
            yield Task(item, "extract")


Outcome = tuple[Task, DocumentResult | str | None, bytes | None]  # task, extraction, MinHash signature


def run_tasks(tasks: Iterator[Task], extractor: Extractor) -> Iterator[Outcome]:
    """(task, extraction result or failure reason, None) in input order, all in this process."""
    for t in tasks:
        yield t, extract_one(extractor, t.item.document) if t.action == "extract" else None, None


# ---- several processes: everything per document except storing runs in the workers ----------

CHUNK = 8  # documents per worker call: fewer pickling round trips, still a short wait for the first
_SINGLE = ("text", "html")  # file kinds holding one document: read, parsed and extracted in a worker


class _Worker:
    """Per-process state of a worker: the extractor, a read connection, a signature maker."""

    extractor: Extractor
    store: Store
    index: Any


def _init_worker(extractor: Extractor, url: str) -> None:
    from marsad.ingest import NearDuplicateIndex
    from marsad.store.engine import make_engine

    _Worker.extractor = extractor
    _Worker.store = Store(make_engine(url))  # migrated already by the main process
    _Worker.index = NearDuplicateIndex()  # same parameters as the main process's index


def _prepare(item: Any) -> Outcome:
    """Everything one document needs before storing: what to do, its extraction, its signature.

    The existence check here only saves work on re-runs; the main process's `save` stays the
    judge (a document stored meanwhile comes back as "exists", never doubled)."""
    from marsad.ingest import IngestFailure

    if isinstance(item, IngestFailure):
        return Task(item, "fail"), None, None
    store = _Worker.store
    if store.has_document(store.document_id(item)):
        return Task(item, "exists"), None, None
    signature = _Worker.index.signature(item.document.text)
    if (item.language or "und") != "ar":
        return Task(item, "store"), None, signature
    return Task(item, "extract"), extract_one(_Worker.extractor, item.document), signature


def _work_files(paths: list[str], allow_private: bool) -> list[Outcome]:
    """Read, decode and parse single-document files, then `_prepare` each (in a worker)."""
    from marsad.ingest import iter_documents

    return [_prepare(item) for item in iter_documents(paths, allow_private=allow_private)]


def _work_items(items: list[Any]) -> list[Outcome]:
    return [_prepare(item) for item in items]


def _jobs(sources: list[str], allow_private: bool) -> Iterator[tuple[Callable[..., list[Outcome]], tuple]]:
    """Calls for the workers, in input order: local .txt/.html files by path (the worker reads
    them), the documents of every other source (feeds, corpora, archives, URLs: read here)."""
    from marsad.ingest import iter_documents
    from marsad.ingest.fetch import is_url
    from marsad.ingest.sources import _folder_files, _kind

    files: list[str] = []
    for source in sources:
        path = None if is_url(source) else Path(source)
        members = [(str(m), m) for m in _folder_files(path)] if path is not None and path.is_dir() \
            else [(source, path)]
        for name, member in members:
            if member is not None and member.is_file() and _kind(member.name) in _SINGLE:
                files.append(name)
                if len(files) == CHUNK:
                    yield _work_files, (files, allow_private)
                    files = []
                continue
            if files:
                yield _work_files, (files, allow_private)
                files = []
            items: list[Any] = []
            for item in iter_documents([name], allow_private=allow_private):
                items.append(item)
                if len(items) == CHUNK:
                    yield _work_items, (items,)
                    items = []
            if items:
                yield _work_items, (items,)
    if files:
        yield _work_files, (files, allow_private)


def run_parallel(sources: list[str], url: str, extractor: Extractor, workers: int,
                 allow_private: bool) -> Iterator[Outcome]:
    """Like `plan` + `run_tasks`, with reading, parsing, extraction and signatures in `workers`
    processes; outcomes come back in input order for the caller to store."""
    window: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(extractor, url)) as pool:
        for fn, args in _jobs(sources, allow_private):
            window.append(pool.submit(fn, *args))
            # A bounded window keeps memory flat on big corpora while every worker stays busy.
            while len(window) > workers * 3:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


class Ingest:
    """Saves tasks' outcomes to the store, linking copies through a near-duplicate index."""

    def __init__(self, store: Store) -> None:
        from marsad.ingest import NearDuplicateIndex

        self.store = store
        self.index = NearDuplicateIndex.from_signatures(store.iter_signatures())
        self.failed_before = {source for source, _ in store.list_failures()}
        self.counts: Counter[str] = Counter()
        self.failures: list[tuple[str, str]] = []

    def fail(self, source: str, reason: str) -> None:
        self.store.record_failure(source, reason)
        self.failures.append((source, reason))
        self.counts["failed"] += 1

    def handle(self, task: Task, outcome: DocumentResult | str | None, signature: bytes | None = None) -> None:
        item = task.item
        if task.action == "fail":
            self.fail(item.source, item.reason)
            return
        if item.source in self.failed_before:
            self.store.clear_failure(item.source)
        if task.action == "exists":
            self.counts["already stored"] += 1
            return
        if isinstance(outcome, str):
            self.fail(item.source, outcome)
            return
        text = item.document.text
        signature = self.index.signature(text) if signature is None else signature
        # The store itself finds exact copies (and tells them from near ones by their hash).
        near = self.index.find_signature(signature)
        result = outcome if task.action == "extract" and near is None else None
        saved = self.store.save(item, result, duplicate_of=near, signature=signature)
        if saved.status == "duplicate":
            self.counts["copies"] += 1
        elif saved.status == "exists":  # the same document twice in this run
            self.counts["already stored"] += 1
        else:
            self.index.add_signature(saved.document_id, signature)
            self.counts["stored" if saved.status == "stored" else "not Arabic"] += 1
            self.counts["events"] += saved.events

    def summary(self) -> str:
        c = self.counts
        docs = sum(c[k] for k in ("stored", "not Arabic", "copies", "already stored"))
        return (f"{docs} documents: {c['stored']} extracted ({c['events']} events), {c['not Arabic']} not Arabic, "
                f"{c['copies']} copies of stored articles, {c['already stored']} already stored; "
                f"{c['failed']} failed")


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", metavar="PATH|URL", envvar="MARSAD_DB",
              help="SQLite file or postgresql:// URL (default $MARSAD_DB, else ./marsad.db).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes reading, parsing and extracting in parallel (this one stores).")
@click.option("--allow-private", is_flag=True, help="Let URLs reach private and loopback addresses.")
def ingest(sources: tuple[str, ...], db: str | None, workers: int, allow_private: bool) -> None:
    """Read articles, extract their events and store them, merged into incidents.

    SOURCE is a .txt/.html file or a folder of them, a .jsonl corpus, a .warc/.warc.gz archive, an
    RSS/Atom feed (file or URL) or a page URL. Re-running is safe: stored documents are skipped.
    Failures are recorded with their reason; the exit status is 1 when any source failed.

    Example: marsad ingest articles/ feed.xml https://news.example/article --db marsad.db
    """
    from tqdm import tqdm

    try:
        extractor = load_extractor()
        store = open_store(db)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        run = Ingest(store)
        bar = tqdm(unit="doc", disable=not sys.stderr.isatty(), file=sys.stderr)
        outcomes = run_tasks(plan(store, list(sources), allow_private), extractor) if workers <= 1 else \
            run_parallel(list(sources), store.engine.url.render_as_string(hide_password=False), extractor, workers,
                         allow_private)
        for task, outcome, signature in outcomes:
            run.handle(task, outcome, signature)
            bar.update(1)
        bar.close()
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    for source, reason in run.failures:
        click.echo(f"failed: {source}: {reason}", err=True)
    click.echo(run.summary())
    if run.counts["failed"]:
        sys.exit(1)
