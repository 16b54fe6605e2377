"""One letter → all its files, skipping outputs that are newer than the letter's .txt.

``run_letter`` is what a worker process runs; it returns the manifest entries of the
letter's files (generated or skipped) so the caller can write ``manifest.json``.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import pdf, photo, raster, rough, scan
from .seeding import rng_for
from .text import page_texts

FORMS = ("pdf", "scan", "photo", "hard", "rough")
DEFAULT_FORMS = ("pdf", "scan", "photo", "hard")  # rough (~2.5 min for all letters) on request


@dataclass(frozen=True)
class Job:
    """Generate ``forms`` of the letter ``txt`` into ``out``."""

    txt: Path
    out: Path
    forms: tuple[str, ...]
    seed: int
    force: bool = False
    known: dict[str, dict[str, object]] = field(default_factory=dict)  # old manifest entries

    @property
    def name(self) -> str:
        """The letter's name (file name without .txt)."""
        return self.txt.stem


@dataclass(frozen=True)
class Outcome:
    """What one job did."""

    name: str
    entries: dict[str, dict[str, object]]
    made: tuple[str, ...]
    skipped: tuple[str, ...]
    seconds: float


def output_files(name: str, form: str, pages: int) -> list[str]:
    """Paths (relative to the output folder) of one form of a letter."""
    if form in ("pdf", "scan"):
        return [f"{form}/{name}.pdf"]
    return [f"{form}/{name}-p{k}.jpg" for k in range(1, pages + 1)]


def _write(path: Path, data: bytes) -> None:
    """Write atomically, so an interrupted run never leaves a half file that looks fresh."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _fresh(job: Job, rels: list[str]) -> bool:
    if job.force:
        return False
    src = job.txt.stat().st_mtime
    for rel in rels:
        path = job.out / rel
        if rel not in job.known or not path.is_file() or path.stat().st_mtime <= src:
            return False
    return True


def _remove_stale_pages(out: Path, name: str, form: str, pages: int) -> None:
    """Delete page photos left from an earlier, longer version of the letter."""
    pattern = re.compile(rf"^{re.escape(name)}-p(\d+)\.jpg$")
    folder = out / form
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        m = pattern.match(path.name)
        if m and int(m.group(1)) > pages:
            path.unlink()


def run_letter(job: Job) -> Outcome:
    """Generate every requested form of one letter; return its manifest entries."""
    start = time.perf_counter()
    name = job.name
    pages_txt = page_texts(job.txt)
    style = pdf.choose_style(rng_for(job.seed, name, 0, "pdf"))
    pdf_bytes, layout = pdf.layout_pdf(pages_txt, style)
    page_map: list[int] = layout["page_map"]  # type: ignore[assignment]
    n = len(page_map)
    renders: dict[int, list[np.ndarray]] = {}

    def pages_at(dpi: int) -> list[np.ndarray]:
        if dpi not in renders:
            renders[dpi] = raster.render_pages(pdf_bytes, dpi)
        return renders[dpi]

    entries: dict[str, dict[str, object]] = {}
    made: list[str] = []
    skipped: list[str] = []
    base = {"letter": name, "seed": job.seed}
    for form in job.forms:
        rels = output_files(name, form, n)
        if _fresh(job, rels):
            entries.update({rel: job.known[rel] for rel in rels})
            skipped.append(form)
            continue
        if form == "pdf":
            _write(job.out / rels[0], pdf_bytes)
            entries[rels[0]] = {
                **base,
                "form": form,
                "page": None,
                "pages": n,
                "variants": ["born_digital"],
                "params": layout,
            }
        elif form == "scan":
            plans = [scan.plan_scan(rng_for(job.seed, name, k, form)) for k in range(1, n + 1)]
            quality = scan.plan_quality(rng_for(job.seed, name, 0, form))
            images = [
                scan.scan_page(gray, plans[k], rng_for(job.seed, name, k + 1, form + "-pixels"))
                for k, gray in enumerate(pages_at(scan.SCAN_DPI))
            ]
            _write(job.out / rels[0], scan.scan_pdf(images, quality))
            entries[rels[0]] = {
                **base,
                "form": form,
                "page": None,
                "pages": n,
                "variants": ["scanner"],
                "params": {
                    "dpi": scan.SCAN_DPI,
                    "jpeg_quality": quality,
                    "page_map": page_map,
                    "per_page": [p.as_dict() for p in plans],
                },
            }
        else:
            for k, gray in enumerate(pages_at(photo.PHOTO_DPI), start=1):
                rng = rng_for(job.seed, name, k, form)
                if form == "rough":
                    plan = rough.plan_rough(rng, (gray.shape[1], gray.shape[0]))
                    variants, params = plan.variants, rough.summary(plan)
                    data = rough.render_rough(gray, plan, rng)
                else:
                    variants = photo.hard_recipe(name, k) if form == "hard" else ()
                    plan = photo.plan_photo(
                        rng, variants, (gray.shape[1], gray.shape[0]), photo.text_box(gray)
                    )
                    params = plan.summary()
                    data = photo.render_photo(gray, plan, rng)
                _write(job.out / rels[k - 1], data)
                entries[rels[k - 1]] = {
                    **base,
                    "form": form,
                    "page": k,
                    "txt_page": page_map[k - 1],
                    "variants": list(variants) or ["ordinary"],
                    "params": params,
                }
            _remove_stale_pages(job.out, name, form, n)
        made.append(form)
    return Outcome(name, entries, tuple(made), tuple(skipped), time.perf_counter() - start)
