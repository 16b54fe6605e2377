"""Image-only PDF as an office scanner makes it: 200 dpi grayscale JPEG pages.

Each page is the born-digital page rendered at 200 dpi, then: a slight skew
(≤ 0.7°, white scanner lid in the corners), a faint uneven lamp, soft optics, a
little sensor noise and a few dust specks, JPEG-compressed into a PDF without any
text layer.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

SCAN_DPI = 200
FIXED_DATE = time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0))  # reproducible PDF bytes


@dataclass(frozen=True)
class ScanParams:
    """What the scanner does to one page (recorded in the manifest)."""

    angle_deg: float
    blur_sigma: float
    noise_sigma: float
    lamp: float
    specks: int

    def as_dict(self) -> dict[str, float | int]:
        """Rounded values for the manifest."""
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def plan_scan(rng: np.random.Generator) -> ScanParams:
    """Draw the scanner settings for one page."""
    sign = 1.0 if rng.random() < 0.5 else -1.0
    return ScanParams(
        angle_deg=sign * float(rng.uniform(0.1, 0.7)),
        blur_sigma=float(rng.uniform(0.35, 0.6)),
        noise_sigma=float(rng.uniform(2.0, 4.0)),
        lamp=float(rng.uniform(0.0, 0.04)),
        specks=int(rng.integers(0, 12)),
    )


def plan_quality(rng: np.random.Generator) -> int:
    """JPEG quality of the whole scanned document (one scanner setting)."""
    return int(rng.integers(72, 86))


def scan_page(gray: np.ndarray, params: ScanParams, rng: np.random.Generator) -> Image.Image:
    """Turn one 200 dpi page render into a scanned grayscale page image."""
    h, w = gray.shape
    img = gray.astype(np.float32)
    # Scanners push paper to white and ink to a dark grey.
    img = 18.0 + (img / 255.0) * (250.0 - 18.0)
    rot = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), params.angle_deg, 1.0)
    img = cv2.warpAffine(
        img, rot, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=252.0
    )
    # A lamp that is a little weaker towards one side.
    ramp = np.linspace(1.0, 1.0 - params.lamp, w, dtype=np.float32)
    if rng.random() < 0.5:
        ramp = ramp[::-1]
    img *= ramp[None, :]
    for _ in range(params.specks):
        cx, cy = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.circle(img, (cx, cy), int(rng.integers(1, 3)), float(rng.uniform(60, 160)), -1)
    img = cv2.GaussianBlur(img, (0, 0), params.blur_sigma)
    img += rng.standard_normal((h, w), dtype=np.float32) * params.noise_sigma
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), mode="L")


def scan_pdf(pages: list[Image.Image], quality: int) -> bytes:
    """Wrap page images into a PDF (JPEG streams at ``quality``, no text layer)."""
    buf = io.BytesIO()
    first, rest = pages[0], pages[1:]
    first.save(
        buf,
        format="PDF",
        save_all=True,
        append_images=rest,
        resolution=float(SCAN_DPI),
        quality=quality,
        creationDate=FIXED_DATE,
        modDate=FIXED_DATE,
        producer="snapdebrief sample generator",
    )
    return buf.getvalue()
