"""Real test images made here: a letter page rendered with a TrueType font, laid on a table and
photographed (perspective, light, shadow, bend) with OpenCV. Seeded, so every run is the same."""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.conftest import FONT

A4 = (210, 297)  # mm

SHORT_LETTER = """Centraal Justitieel Incassobureau
Postbus 1794
8901 CB Leeuwarden

Dhr. J. de Vries
Kinkerstraat 12
1053 DX Amsterdam

Datum: 12 maart 2026
CJIB-nummer: 1062 5421 5704 7959

Betreft: Eerste aanmaning verkeersboete

Geachte heer De Vries,

U heeft de boete van 110,00 euro nog niet betaald.
Daarom is de boete verhoogd met 55,00 euro.
U moet nu 165,00 euro betalen.

Betaal het bedrag voor 9 april 2026 op rekening
NL86 INGB 0002 4455 88 onder vermelding van
het CJIB-nummer 1062 5421 5704 7959.

Betaalt u niet op tijd? Dan wordt het bedrag
opnieuw verhoogd.

Met vriendelijke groet,
Centraal Justitieel Incassobureau
"""


_PARAGRAPH = """U heeft de aanslag van 12 februari 2026 nog niet helemaal betaald. Daarom
sturen wij u deze aanmaning. Het bedrag dat nog openstaat is 842,00 euro.
Betaal dit bedrag binnen 14 dagen op rekening NL86 INGB 0002 4455 88 van
de Belastingdienst. Vermeld daarbij het betalingskenmerk 2325 4464 6704."""
PARAGRAPHS = "\n\n".join([_PARAGRAPH] * 5)  # full-width lines, as in a real letter's body


def page(text: str = SHORT_LETTER, dpi: int = 150, size_pt: float = 11.5) -> np.ndarray:
    """A white A4 page (greyscale) with the text from 25 mm margins."""
    w, h = (round(mm / 25.4 * dpi) for mm in A4)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, round(size_pt / 72 * dpi))
    x = y = round(25 / 25.4 * dpi)
    step = round(size_pt * 1.45 / 72 * dpi)
    for line in text.splitlines():
        draw.text((x, y), line, fill=0, font=font)
        y += step
    return np.asarray(img)


def table(size: tuple[int, int], tone: float, seed: int = 1) -> np.ndarray:
    """A textured table top (RGB): wood-like grain stripes plus noise around `tone` (0..255)."""
    rng = np.random.default_rng(seed)
    w, h = size
    grain = np.sin(np.linspace(0, 60, w))[None, :] * 0.5 + rng.normal(0, 1, (h, 1)) * 0.2
    grain = cv2.GaussianBlur(grain.astype(np.float32) + rng.normal(0, 0.6, (h, w)).astype(np.float32),
                             (0, 0), 2)
    base = tone + 12 * grain
    rgb = np.stack([base * 1.05, base * 0.85, base * 0.65], axis=-1)
    return np.clip(rgb, 0, 255).astype(np.uint8)


def photo(sheet: np.ndarray, corners: np.ndarray, size: tuple[int, int] = (1500, 2000),
          tone: float = 70, light: float = 1.0, seed: int = 1) -> np.ndarray:
    """The sheet (grey) warped onto `corners` (tl, tr, br, bl in frame px) of a table photo."""
    h, w = sheet.shape
    src = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    rgb = cv2.cvtColor(sheet, cv2.COLOR_GRAY2RGB)
    warped = cv2.warpPerspective(rgb, m, size, flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, size) > 127
    out = table(size, tone, seed)
    out[mask] = warped[mask]
    # soft optics and a gentle light falloff, as a phone photo has
    out = cv2.GaussianBlur(out, (0, 0), 0.8).astype(np.float32)
    yy, xx = np.mgrid[0:size[1], 0:size[0]].astype(np.float32)
    falloff = 1 - 0.25 * (((xx - size[0] / 2) / size[0]) ** 2 + ((yy - size[1] / 2) / size[1]) ** 2)
    out *= (light * falloff)[..., None]
    rng = np.random.default_rng(seed)
    out += rng.normal(0, 2.0, out.shape).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def corners(size: tuple[int, int], fill: float, tilt_deg: float, skew: float = 0.03
            ) -> np.ndarray:
    """Corners of an A4 sheet filling `fill` of the frame's height, turned by `tilt_deg`, with a
    little perspective (`skew`: the top edge shorter than the bottom)."""
    w, h = size
    ph = fill * h
    pw = ph * A4[0] / A4[1]
    base = np.array([[-pw / 2 * (1 - skew), -ph / 2], [pw / 2 * (1 - skew), -ph / 2],
                     [pw / 2, ph / 2], [-pw / 2, ph / 2]])
    a = np.radians(tilt_deg)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    return (base @ rot.T + [w / 2, h / 2]).astype(np.float32)


def shadow(grey: np.ndarray, polygon: list[tuple[float, float]], darken: float = 0.45,
           edge_px: float = 2.0) -> np.ndarray:
    """A hard-edged shadow (a hand, a phone) over the polygon (fractions of the image)."""
    h, w = grey.shape[:2]
    mask = np.zeros((h, w), np.uint8)
    pts = np.array([[x * w, y * h] for x, y in polygon], np.int32)
    cv2.fillPoly(mask, [pts], 255)
    soft = cv2.GaussianBlur(mask.astype(np.float32) / 255, (0, 0), edge_px)
    factor = 1 - darken * soft
    if grey.ndim == 3:
        factor = factor[..., None]
    return np.clip(grey.astype(np.float32) * factor, 0, 255).astype(np.uint8)


def bend(grey: np.ndarray, amp: float = 0.006, curl: float = 0.008) -> np.ndarray:
    """Lines bent as on a sheet that was folded and curls up: a wave across plus a curl."""
    h, w = grey.shape
    x = np.arange(w, dtype=np.float32)
    xn = (x - w / 2) / (w / 2)
    dy = amp * h * np.sin(2 * np.pi * x / (1.2 * w) + 0.7) + curl * h * (xn**2 - 0.33)
    y = np.arange(h, dtype=np.float32)
    map_y = (y[:, None] + dy[None, :] * (0.55 + 0.45 * y[:, None] / h)).astype(np.float32)
    map_x = np.broadcast_to(x[None, :], (h, w)).astype(np.float32)
    return cv2.remap(grey, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                     borderValue=255)


def turn(grey: np.ndarray, deg: float) -> np.ndarray:
    """The page turned counter-clockwise by `deg` (any angle), corners filled with white."""
    h, w = grey.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(grey, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=255)


def jpeg(arr: np.ndarray, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="JPEG", quality=quality)
    return buf.getvalue()
