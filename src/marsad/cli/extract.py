"""`marsad extract`: text, JSONL corpora or stdin to marsad.document/1 results."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import click

from marsad.cli import main
from marsad.errors import InputError, MarsadError

MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Job:
    where: str  # "file.jsonl:12" or "file.txt"
    record: dict | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    where: str
    doc_id: str | None
    result: dict | None
    error: str | None


def _read_text(path: Path) -> str:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"{path}: {path.stat().st_size / 1e6:.1f} MB is larger than the "
                         f"{MAX_FILE_BYTES // 2**20} MB a text file may have; split it into articles "
                         "in a JSONL file (one article a line)")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary data, not text; give a UTF-8 text file "
                         "(`marsad ingest` reads HTML, feeds and legacy encodings)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start}); convert it, e.g. "
                         f"`iconv -f WINDOWS-1256 -t UTF-8 {path}`, or use `marsad ingest`, which detects "
                         "the encoding") from None


def _jobs_from_jsonl(path: Path) -> Iterator[Job]:
    with path.open("rb") as handle:
        for n, raw in enumerate(handle, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Job(where, None, "not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield Job(where, None, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield Job(where, None, "not a JSON object")
            elif not isinstance(record.get("text"), str):
                yield Job(where, None, "no 'text' field (each line needs the article text)")
            else:
                yield Job(where, record)


def _run(job: Job) -> Outcome:
    from marsad.extraction.pipeline import document_from_dict, extract_document

    doc_id = (job.record or {}).get("id")
    if job.error:
        return Outcome(job.where, doc_id, None, job.error)
    try:
        return Outcome(job.where, doc_id, extract_document(document_from_dict(job.record)).to_dict(), None)
    except MarsadError as exc:
        return Outcome(job.where, doc_id, None, str(exc))


def _outcomes(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    if workers <= 1:
        yield from map(_run, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_run, jobs, chunksize=4)


def _safe_name(doc_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)[:200] or "document"


@main.command()
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date YYYY-MM-DD (for a text file or stdin).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one ID.json per document into this folder.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes to use.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
def extract(source: Path, published: str | None, out_dir: Path | None, workers: int, fmt: str) -> None:
    """Extract events from SOURCE: a .txt article, a .jsonl corpus
    ({"id","published","outlet","url","title","text"} a line) or - for stdin.

    Example: marsad extract article.txt --published 2024-12-02
    """
    from marsad.extraction.table import format_table
    from marsad.model import document_result_from_dict

    try:
        if str(source) == "-":
            jobs = [Job("<stdin>", {"id": "stdin", "text": sys.stdin.read(), "published": published})]
        elif source.suffix.lower() == ".jsonl":
            jobs = list(_jobs_from_jsonl(source))
        else:
            jobs = [Job(str(source), {"id": source.stem, "text": _read_text(source), "published": published})]
    except FileNotFoundError:
        raise click.ClickException(f"{source}: no such file") from None
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    progress = None
    if len(jobs) > 1 and sys.stderr.isatty() and not os.environ.get("MARSAD_NO_PROGRESS"):
        from tqdm import tqdm

        progress = tqdm(total=len(jobs), unit="doc", file=sys.stderr)
    failed, done, tables = 0, 0, []
    for outcome in _outcomes(jobs, workers):
        if progress is not None:
            progress.update(1)
        if outcome.error:
            failed += 1
            click.echo(f"error: {outcome.where}: {outcome.error}", err=True)
            continue
        done += 1
        if fmt == "table":
            tables.append(document_result_from_dict(outcome.result))
        elif out_dir is not None:
            name = _safe_name(outcome.doc_id or Path(outcome.where).stem)
            (out_dir / f"{name}.json").write_text(json.dumps(outcome.result, ensure_ascii=False, indent=1),
                                                  encoding="utf-8")
        else:
            click.echo(json.dumps(outcome.result, ensure_ascii=False))
    if progress is not None:
        progress.close()
    if fmt == "table":
        click.echo(format_table(tables))
    if len(jobs) > 1 or failed:
        click.echo(f"{done} documents extracted, {failed} failed", err=True)
    if failed:
        sys.exit(1)
