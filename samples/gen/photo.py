"""Phone photos of a page: ordinary ones and the hard ones people really send.

A photo is first *planned* (every random choice, cheap, recorded in the manifest),
then *rendered* from a ~300 dpi page render. Hard photos cycle deterministically
over ``HARD_RECIPES``: the cycle starts at a place fixed by the letter's name and
moves one step per page, so each letter regenerates identically on its own and a
set of letters covers every recipe.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from . import camera
from .seeding import stable_index

PHOTO_DPI = 300
VARIANTS = (
    "bent",  # sinusoidal waves + curl + fold lines of a letter folded in three
    "shadow",  # hard-edged shadow of a hand or phone across part of the text
    "dim_warm",  # low exposure, warm white balance, more noise
    "tilt",  # rotated 7–12° in the frame
    "small",  # the sheet fills only 50–70% of the frame
    "sideways_exif",  # held sideways; pixels rotated, EXIF orientation 6/8 says how to show it
    "sideways_noexif",  # held sideways; pixels rotated, no tag (shows sideways)
    "upside_down",  # pixels rotated 180°, no tag
    "chat",  # sent through a chat app: long side 1600 px, JPEG quality 55–70, no EXIF
)
HARD_RECIPES: tuple[tuple[str, ...], ...] = (
    ("bent", "shadow"),
    ("dim_warm", "tilt"),
    ("small", "sideways_exif"),
    ("bent", "tilt", "sideways_noexif"),
    ("shadow", "upside_down"),
    ("dim_warm", "chat"),
    ("small", "tilt", "shadow"),
    ("bent", "dim_warm"),
)
CHAT_LONG_SIDE = 1600


def hard_recipe(letter: str, page: int) -> tuple[str, ...]:
    """Variants of the hard photo of ``page`` (1-based) of ``letter``."""
    return HARD_RECIPES[(stable_index(letter, len(HARD_RECIPES)) + page - 1) % len(HARD_RECIPES)]


@dataclass(frozen=True)
class PhotoPlan:
    """Every random choice of one photo."""

    variants: tuple[str, ...]
    table: str
    quad: np.ndarray
    tilt_deg: float
    area_frac: float
    paper_rgb: np.ndarray
    ink_rgb: np.ndarray
    drop: tuple[float, float, float, float]
    light: dict[str, float]
    exposure: float
    white_balance: np.ndarray
    blur_sigma: float
    noise: tuple[float, float, float]
    quality: int
    bend: dict[str, float] | None = None
    shadow: dict[str, object] | None = None
    rotate: int = 0  # counter-clockwise degrees applied to the finished pixels
    orientation: int | None = None  # EXIF orientation tag, if one is written
    long_side: int | None = None
    extra: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, object]:
        """The numbers worth keeping in the manifest."""
        w, h = camera.FRAME_W, camera.FRAME_H
        if self.rotate in (90, -90):
            w, h = h, w
        if self.long_side:
            s = self.long_side / max(w, h)
            w, h = round(w * s), round(h * s)
        out: dict[str, object] = {
            "size": [w, h],
            "table": self.table,
            "tilt_deg": round(self.tilt_deg, 2),
            "page_area": round(self.area_frac, 3),
            "exposure": round(self.exposure, 3),
            "blur_sigma": round(self.blur_sigma, 2),
            "noise": [round(v, 2) for v in self.noise],
            "jpeg_quality": self.quality,
            "rotate_ccw": self.rotate,
            "exif_orientation": self.orientation,
        }
        if self.shadow:
            out["shadow_darken"] = round(float(self.shadow["darken"]), 3)  # type: ignore[arg-type]
            out["shadow_from"] = self.shadow["side"]
        return out


def _sign(rng: np.random.Generator) -> float:
    return 1.0 if rng.random() < 0.5 else -1.0


def plan_photo(
    rng: np.random.Generator,
    variants: tuple[str, ...],
    page_px: tuple[int, int],
    box: tuple[float, float, float, float] = (0.1, 0.1, 0.9, 0.9),
) -> PhotoPlan:
    """Draw every choice for one photo of a page of ``page_px`` (w, h) pixels.

    ``box`` is where the text is on the page (shares of width and height, see
    ``text_box``); a hand shadow is aimed into it.
    """
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        raise ValueError(f"unknown photo variants: {sorted(unknown)}")
    hard = bool(variants)
    v = set(variants)
    table = str(rng.choice(camera.TABLES))
    tilt = _sign(rng) * (rng.uniform(7, 12) if "tilt" in v else rng.uniform(0.4, 3.5))
    if "small" in v:
        area = rng.uniform(0.50, 0.70)
    else:
        area = rng.uniform(0.64, 0.80) if hard else rng.uniform(0.70, 0.82)
    k = 2.0 if hard else 1.0
    keystone = (rng.uniform(-0.02, 0.05) * k, rng.uniform(-0.03, 0.03) * k)
    aspect = page_px[1] / page_px[0]
    quad = camera.plan_quad(rng, aspect, area, tilt, keystone, jitter=0.004)
    area_real = camera.quad_area(quad) / (camera.FRAME_W * camera.FRAME_H)
    paper = np.array([0.95, 0.95, 0.93], np.float32) * np.float32(rng.uniform(0.97, 1.02))
    paper = paper * np.array([1, 1, rng.uniform(0.97, 1.01)], np.float32)
    ink = np.array([0.09, 0.09, 0.11], np.float32) * np.float32(rng.uniform(0.8, 1.3))
    drop = (rng.uniform(-14, 14), rng.uniform(4, 18), rng.uniform(16, 32), rng.uniform(0.22, 0.4))
    gmax = 0.4 if hard else 0.28
    light = {
        "gx": _sign(rng) * rng.uniform(0.05, gmax),
        "gy": _sign(rng) * rng.uniform(0.05, gmax),
        "cx": rng.uniform(0.35, 0.65),
        "cy": rng.uniform(0.35, 0.65),
        "vignette": rng.uniform(0.12, 0.3),
        "blotch": rng.uniform(0.02, 0.05),
    }
    if "dim_warm" in v:
        exposure = rng.uniform(0.45, 0.6)
        wb = np.array([rng.uniform(1.08, 1.16), rng.uniform(0.88, 0.95), rng.uniform(0.6, 0.72)])
        blur = rng.uniform(0.9, 1.2)
        noise = (rng.uniform(4.0, 6.0), rng.uniform(6.0, 9.0), rng.uniform(3.0, 5.0))
    else:
        exposure = rng.uniform(0.92, 1.04)
        wb = 1 + rng.uniform(-0.03, 0.03, size=3)
        blur = rng.uniform(0.6, 1.0)
        noise = (rng.uniform(1.2, 2.2), rng.uniform(2.0, 4.0), rng.uniform(0.8, 1.8))
    quality = int(rng.integers(85, 93))
    bend = None
    if "bent" in v:
        bend = {
            "wave_amp": rng.uniform(0.002, 0.005),
            "wave_len": rng.uniform(0.8, 1.6),
            "phase": rng.uniform(0, 2 * math.pi),
            "curl": _sign(rng) * rng.uniform(0.004, 0.010),
            "side_amp": rng.uniform(0.0015, 0.004),
            "side_len": rng.uniform(0.7, 1.4),
            "squeeze": rng.uniform(0.02, 0.06),
            "shade": rng.uniform(0.05, 0.12),
            "fold": rng.uniform(0.03, 0.07),
        }
    shadow = _plan_shadow(rng, quad, box) if "shadow" in v else None
    rotate, orientation, long_side = 0, None, None
    if "sideways_exif" in v:
        rotate = int(rng.choice([90, -90]))
        # Pixels turned 90° counter-clockwise must be turned clockwise to show: tag 6.
        orientation = 6 if rotate == 90 else 8
    elif "sideways_noexif" in v:
        rotate = int(rng.choice([90, -90]))
    elif "upside_down" in v:
        rotate = 180
    if "chat" in v:
        long_side = CHAT_LONG_SIDE
        quality = int(rng.integers(55, 71))
    return PhotoPlan(
        variants=tuple(variants),
        table=table,
        quad=quad,
        tilt_deg=float(tilt),
        area_frac=area_real,
        paper_rgb=paper,
        ink_rgb=ink,
        drop=tuple(float(x) for x in drop),  # type: ignore[arg-type]
        light={k2: float(x) for k2, x in light.items()},
        exposure=float(exposure),
        white_balance=np.asarray(wb, np.float32),
        blur_sigma=float(blur),
        noise=tuple(float(x) for x in noise),  # type: ignore[arg-type]
        quality=quality,
        bend=bend,
        shadow=shadow,
        rotate=rotate,
        orientation=orientation,
        long_side=long_side,
    )


def text_box(gray: np.ndarray) -> tuple[float, float, float, float]:
    """Where the ink is on a page render: (x0, y0, x1, y1) as shares of width and height."""
    small = cv2.resize(gray, (gray.shape[1] // 8, gray.shape[0] // 8), interpolation=cv2.INTER_AREA)
    ink = small < 160
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return (0.1, 0.1, 0.9, 0.9)
    h, w = ink.shape
    return (cols[0] / w, rows[0] / h, (cols[-1] + 1) / w, (rows[-1] + 1) / h)


def _page_to_frame(quad: np.ndarray, u: float, v: float) -> np.ndarray:
    """Map a point given as shares of the page (u across, v down) into the frame."""
    unit = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], np.float32)
    hom = cv2.getPerspectiveTransform(unit, quad.astype(np.float32))
    return cv2.perspectiveTransform(np.array([[[u, v]]], np.float32), hom)[0, 0].astype(np.float64)


def _plan_shadow(
    rng: np.random.Generator, quad: np.ndarray, box: tuple[float, float, float, float]
) -> dict[str, object]:
    """A hand or phone shadow: a blob from a frame edge that reaches into the text."""
    fw, fh = camera.FRAME_W, camera.FRAME_H
    x0, y0, x1, y1 = box
    u = x0 + (x1 - x0) * rng.uniform(0.15, 0.85)
    v = y0 + (y1 - y0) * rng.uniform(0.15, 0.85)
    target = _page_to_frame(quad, u, v)
    side = str(rng.choice(["right", "bottom", "left", "top"], p=[0.35, 0.35, 0.2, 0.1]))
    out = 30.0  # the base starts just outside the frame
    slide = rng.uniform(-0.15, 0.15)
    if side == "bottom":
        c0 = np.array([target[0] + slide * fw, fh + out])
    elif side == "top":
        c0 = np.array([target[0] + slide * fw, -out])
    elif side == "right":
        c0 = np.array([fw + out, target[1] + slide * fh])
    else:
        c0 = np.array([-out, target[1] + slide * fh])
    d = target - c0
    reach = float(np.linalg.norm(d))
    d = d / reach
    p = np.array([-d[1], d[0]])
    bw = rng.uniform(0.10, 0.17) * min(fw, fh)
    tip_r = bw * rng.uniform(0.7, 1.0)
    depth = reach + tip_r * rng.uniform(0.2, 0.9)
    pts = [c0 - p * bw * 1.15, c0 + d * (depth - tip_r) * 0.6 - p * bw]
    centre = c0 + d * (depth - tip_r)
    for a in np.linspace(-math.pi / 2, math.pi / 2, 9):
        pts.append(centre + tip_r * (math.sin(a) * p + math.cos(a) * d))
    pts += [c0 + d * (depth - tip_r) * 0.6 + p * bw, c0 + p * bw * 1.15]
    poly = np.array(pts) + rng.normal(0, 6, size=(len(pts), 2))
    return {
        "side": side,
        "polygon": poly.astype(np.float32),
        "darken": float(rng.uniform(0.35, 0.55)),
        "soft": float(rng.uniform(2.5, 6.0)),
    }


def fit_to_frame(gray: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The page at about the size it has in the frame: downscaled first so the warp does not
    alias."""
    side_len = (np.linalg.norm(quad[3] - quad[0]) + np.linalg.norm(quad[2] - quad[1])) / 2
    scale = side_len / gray.shape[0]
    if scale < 0.9:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return gray


def render_photo(gray: np.ndarray, plan: PhotoPlan, rng: np.random.Generator) -> bytes:
    """Render one planned photo from a ~300 dpi grayscale page; returns JPEG bytes."""
    fw, fh = camera.FRAME_W, camera.FRAME_H
    quad = plan.quad
    gray = fit_to_frame(gray, quad)
    h, w = gray.shape
    if plan.bend:
        pad = int(0.05 * max(h, w))
        stack = camera.bent_stack(gray, plan.bend, pad)
    else:
        pad = 4
        stack = camera.flat_stack(gray, pad)
    stack = camera.place_page(stack, (pad, pad, w, h), quad)
    table = camera.table_background(fh, fw, plan.table, rng)
    planes = camera.compose(table, stack, plan.paper_rgb, plan.ink_rgb, plan.drop)
    del table, stack
    light = camera.light_field(fh, fw, plan.light, rng) * np.float32(plan.exposure)
    if plan.shadow:
        mask = camera.shadow_mask(fh, fw, plan.shadow["polygon"], plan.shadow["soft"])  # type: ignore[arg-type]
        light *= 1 - np.float32(plan.shadow["darken"]) * mask
    for c, plane in enumerate(planes):
        plane *= light
        plane *= np.float32(plan.white_balance[c])
    rgb = camera.optics_and_sensor(planes, plan.blur_sigma, plan.noise, rng)
    if plan.rotate:
        rgb = np.ascontiguousarray(np.rot90(rgb, k=plan.rotate // 90))
    if plan.long_side:
        rgb = camera.resize_long_side(rgb, plan.long_side)
    return camera.to_jpeg(rgb, plan.quality, plan.orientation)
