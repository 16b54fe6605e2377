"""Rough phone photos: every page carries several of the faults residents' photos have at once.

The ``hard`` form (photo.py) gives each page two or three faults from a short list; the ``rough``
form draws every fault for every page from the ranges of issue #16, so the pages look like
what a hurried photo under a ceiling lamp, sent on through a chat app, looks like: a sheet
that fills 58–80 % of a 12 MP frame, tilted up to ±12°, seen at an angle (the far edge 3–12 %
narrower), bent by a fold (8–30 px), soft (Gaussian σ 1.2–2.6 px) and on a third of the pages
shaken (motion blur 5–11 px), grainy (noise σ 5–11 on 0–255), dim (62–85 % exposure) with a
gradient, warm light, JPEG quality 50–75; half of the pages with a hand or phone shadow (35–55 %
darker, 20–45 % of the frame, soft edge). 15 % are sideways with the EXIF orientation tag,
10 % sideways without it, 7 % upside down; 35 % were sent through a chat app (long side
1600 px, quality 55–72, no EXIF: a chat app turns a tagged photo upright, so its tagged
share is drawn among the other pages, and the shares hold over all pages).

Every choice is drawn from the Generator passed in (seeded per letter, page and form by
build.py), is planned before any pixel is made, and is written to the manifest. Ranges and
their reasons: samples/README.md (Rough photos).
"""

from __future__ import annotations

import math

import cv2
import numpy as np
from PIL import Image

from . import camera
from .photo import PhotoPlan, fit_to_frame

# Shares of pages; see the module docstring and samples/README.md.
P_CHAT = 0.35
P_SIDEWAYS_EXIF = 0.15  # over all pages; chat pages never keep a tag
P_SIDEWAYS_NOEXIF = 0.10
P_UPSIDE_DOWN = 0.07
P_MOTION = 1 / 3
P_SHADOW = 0.5
CHAT_LONG_SIDE = 1600

AREA = (0.58, 0.80)  # share of the frame the sheet covers (before a tilt may shrink it)
TILT = 12.0  # degrees, either way
NARROW = (0.03, 0.12)  # the far edge this much shorter than the near one
BEND_PX = (8.0, 30.0)  # largest shift of a text line off straight, frame px
BLUR = (1.2, 2.6)  # Gaussian σ, frame px
MOTION_PX = (5.0, 11.0)  # length of the shake's streak, frame px
NOISE = (5.0, 11.0)  # σ of the grain on the paper, 0–255, before JPEG
EXPOSURE = (0.62, 0.85)
SHADOW_DARKEN = (0.35, 0.55)
SHADOW_AREA = (0.20, 0.45)  # share of the frame in shadow
SHADOW_SOFT = (4.0, 60.0)  # σ of the shadow's edge, frame px (drawn on a log scale)
QUALITY = (50, 75)  # the camera's JPEG
CHAT_QUALITY = (55, 72)


def _sign(rng: np.random.Generator) -> float:
    return 1.0 if rng.random() < 0.5 else -1.0


def _keystone(rng: np.random.Generator) -> tuple[tuple[float, float], str, float]:
    """(pitch, yaw) for camera.plan_quad so the far edge is ``narrow`` shorter; which edge."""
    narrow = float(rng.uniform(*NARROW))
    far = str(rng.choice(["top", "bottom", "left", "right"], p=[0.6, 0.1, 0.15, 0.15]))
    # plan_quad scales the far edge by (1 - k) and the near one by (1 + k / 2) for k > 0; for
    # k < 0 the other way round: solve (far / near) = 1 - narrow for k.
    k = narrow / (1.5 - narrow / 2) if far in ("top", "left") else -narrow / (1.5 - narrow)
    other = float(rng.uniform(-0.01, 0.01))
    return ((k, other) if far in ("top", "bottom") else (other, k)), far, narrow


def _orientation(rng: np.random.Generator, chat: bool) -> str:
    u = rng.random()
    exif = 0.0 if chat else P_SIDEWAYS_EXIF / (1 - P_CHAT)
    if u < exif:
        return "sideways_exif"
    if u < exif + P_SIDEWAYS_NOEXIF:
        return "sideways_noexif"
    if u < exif + P_SIDEWAYS_NOEXIF + P_UPSIDE_DOWN:
        return "upside_down"
    return "upright"


def plan_rough(rng: np.random.Generator, page_px: tuple[int, int]) -> PhotoPlan:
    """Draw every choice for one rough photo of a page of ``page_px`` (w, h) pixels."""
    chat = bool(rng.random() < P_CHAT)
    turn = _orientation(rng, chat)
    motion = bool(rng.random() < P_MOTION)
    shadowed = bool(rng.random() < P_SHADOW)
    table = str(rng.choice(camera.TABLES))
    tilt = float(rng.uniform(-TILT, TILT))
    area = float(rng.uniform(*AREA))
    keystone, far, narrow = _keystone(rng)
    aspect = page_px[1] / page_px[0]
    quad = camera.plan_quad(rng, aspect, area, tilt, keystone, jitter=0.004, margin=0.01)
    area_real = camera.quad_area(quad) / (camera.FRAME_W * camera.FRAME_H)
    side_len = float((np.linalg.norm(quad[3] - quad[0]) + np.linalg.norm(quad[2] - quad[1])) / 2)
    paper = np.array([0.95, 0.95, 0.93], np.float32) * np.float32(rng.uniform(0.97, 1.02))
    ink = np.array([0.09, 0.09, 0.11], np.float32) * np.float32(rng.uniform(0.8, 1.3))
    drop = (rng.uniform(-14, 14), rng.uniform(4, 18), rng.uniform(16, 32), rng.uniform(0.22, 0.4))
    light = {
        "gx": _sign(rng) * rng.uniform(0.05, 0.4),
        "gy": _sign(rng) * rng.uniform(0.05, 0.4),
        "cx": rng.uniform(0.3, 0.7),
        "cy": rng.uniform(0.3, 0.7),
        "vignette": rng.uniform(0.15, 0.35),
        "blotch": rng.uniform(0.02, 0.06),
    }
    exposure = float(rng.uniform(*EXPOSURE))
    wb = np.array([rng.uniform(1.03, 1.15), rng.uniform(0.93, 0.99), rng.uniform(0.68, 0.88)])
    blur = float(rng.uniform(*BLUR))
    # Grain σ on the paper: read noise plus shot noise that grows with the square root of the
    # signal (camera.optics_and_sensor), split so the paper gets the drawn σ.
    sigma = float(rng.uniform(*NOISE))
    paper_level = exposure * 0.94
    read = 0.35 * sigma
    noise = (read, (sigma - read) / math.sqrt(paper_level), float(rng.uniform(1.5, 3.5)))
    camera_quality = int(rng.integers(QUALITY[0], QUALITY[1] + 1))
    bend_px = float(rng.uniform(*BEND_PX))
    wave_share = float(rng.uniform(0.3, 0.8))
    bend = {
        "wave_amp": bend_px * wave_share / side_len,
        "wave_len": rng.uniform(0.8, 1.6),
        "phase": rng.uniform(0, 2 * math.pi),
        # the curl's term (xn² - 0.33) reaches 0.67 at the sheet's sides
        "curl": _sign(rng) * bend_px * (1 - wave_share) / 0.67 / side_len,
        "side_amp": bend_px * rng.uniform(0.1, 0.3) / side_len,
        "side_len": rng.uniform(0.7, 1.4),
        "squeeze": rng.uniform(0.01, 0.04),
        "shade": rng.uniform(0.04, 0.10),
        "fold": rng.uniform(0.02, 0.06),
    }
    shadow = _plan_shadow(rng) if shadowed else None
    motion_len = float(rng.uniform(*MOTION_PX)) if motion else 0.0
    motion_angle = float(rng.uniform(0, 180)) if motion else 0.0
    rotate, orientation = 0, None
    if turn == "sideways_exif":
        rotate = int(rng.choice([90, -90]))
        orientation = 6 if rotate == 90 else 8  # how a viewer turns the pixels back upright
    elif turn == "sideways_noexif":
        rotate = int(rng.choice([90, -90]))
    elif turn == "upside_down":
        rotate = 180
    quality = int(rng.integers(CHAT_QUALITY[0], CHAT_QUALITY[1] + 1)) if chat else camera_quality
    variants = ["rough", turn] + [
        name for name, on in (("shadow", shadowed), ("motion", motion), ("chat", chat)) if on
    ]
    extra: dict[str, float] = {
        "camera_quality": float(camera_quality),
        "bend_px": bend_px,
        "far_edge": far,  # type: ignore[dict-item]
        "far_edge_narrower": narrow,
        "noise_sigma": sigma,
        "motion_px": motion_len,
        "motion_deg": motion_angle,
    }
    if shadow:
        extra["shadow_area"] = float(shadow["area"])  # type: ignore[arg-type]
        extra["shadow_soft_px"] = float(shadow["soft"])  # type: ignore[arg-type]
    return PhotoPlan(
        variants=tuple(variants),
        table=table,
        quad=quad,
        tilt_deg=tilt,
        area_frac=area_real,
        paper_rgb=paper,
        ink_rgb=ink,
        drop=tuple(float(x) for x in drop),  # type: ignore[arg-type]
        light={k: float(x) for k, x in light.items()},
        exposure=exposure,
        white_balance=np.asarray(wb, np.float32),
        blur_sigma=blur,
        noise=noise,
        quality=quality,
        bend=bend,
        shadow=shadow,
        rotate=rotate,
        orientation=orientation,
        long_side=CHAT_LONG_SIDE if chat else None,
        extra=extra,
    )


def summary(plan: PhotoPlan) -> dict[str, object]:
    """The manifest's numbers of a rough photo: photo.PhotoPlan's and the rough ones."""
    out = plan.summary()
    out.update({k: round(v, 3) if isinstance(v, float) else v for k, v in plan.extra.items()})
    out["camera_quality"] = int(plan.extra["camera_quality"])
    return out


def _plan_shadow(rng: np.random.Generator) -> dict[str, object]:
    """A hand's or phone's shadow coming in from one frame edge, over a drawn share of the
    frame: a band along that edge whose inner border bulges where the hand is (a Gaussian bump
    on a base depth), sized by bisection on a small raster so the share comes out as drawn."""
    fw, fh = camera.FRAME_W, camera.FRAME_H
    side = str(rng.choice(["bottom", "right", "left", "top"], p=[0.35, 0.3, 0.2, 0.15]))
    want = float(rng.uniform(*SHADOW_AREA))
    centre = rng.uniform(0.2, 0.8)
    width = rng.uniform(0.15, 0.35)
    base = rng.uniform(0.15, 0.5)  # depth at the ends, as a share of the bump's depth
    slope = rng.uniform(-0.3, 0.3)  # the hand comes in at a slant
    wobble = rng.normal(0, 0.02, size=5)
    t = np.linspace(-0.05, 1.05, 48)

    def profile(depth: float) -> np.ndarray:
        bump = base + (1 - base) * np.exp(-(((t - centre) / width) ** 2))
        bump = bump * (1 + slope * (t - 0.5))
        bump += np.interp(t, np.linspace(0, 1, 5), wobble)
        return np.clip(depth * bump, 0, None)

    def polygon(depth: float) -> np.ndarray:
        d = profile(depth)
        along = fw if side in ("top", "bottom") else fh
        across = fh if side in ("top", "bottom") else fw
        a = t * along
        inner = d * across
        if side == "bottom":
            pts = np.stack([a, fh - inner], 1)
            ends = [[a[-1], fh + 40], [a[0], fh + 40]]
        elif side == "top":
            pts = np.stack([a, inner], 1)
            ends = [[a[-1], -40], [a[0], -40]]
        elif side == "right":
            pts = np.stack([fw - inner, a], 1)
            ends = [[fw + 40, a[-1]], [fw + 40, a[0]]]
        else:
            pts = np.stack([inner, a], 1)
            ends = [[-40, a[-1]], [-40, a[0]]]
        return np.concatenate([pts, np.array(ends, float)]).astype(np.float32)

    def share(depth: float) -> float:
        q = 16
        mask = np.zeros((fh // q, fw // q), np.uint8)
        cv2.fillPoly(mask, [np.round(polygon(depth) / q).astype(np.int32)], 1)
        return float(mask.mean())

    lo, hi = 0.0, 1.5
    for _ in range(20):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if share(mid) < want else (lo, mid)
    depth = (lo + hi) / 2
    soft = float(math.exp(rng.uniform(math.log(SHADOW_SOFT[0]), math.log(SHADOW_SOFT[1]))))
    return {
        "side": side,
        "polygon": polygon(depth),
        "darken": float(rng.uniform(*SHADOW_DARKEN)),
        "soft": soft,
        "area": share(depth),
    }


def _shadow_mask(polygon: np.ndarray, soft: float) -> np.ndarray:
    """1 inside the shadow, its edge blurred by ``soft`` px; a wide blur is done at 1/4 size."""
    fw, fh = camera.FRAME_W, camera.FRAME_H
    q = 4 if soft >= 8 else 1
    mask = np.zeros((fh // q, fw // q), np.uint8)
    cv2.fillPoly(mask, [np.round(polygon / q).astype(np.int32)], 255, lineType=cv2.LINE_AA)
    mask = cv2.GaussianBlur(mask.astype(np.float32) / 255.0, (0, 0), soft / q)
    if q > 1:
        mask = cv2.resize(mask, (fw, fh), interpolation=cv2.INTER_LINEAR)
    return mask


def _motion_kernel(length: float, angle_deg: float) -> np.ndarray:
    """A straight streak of ``length`` px at ``angle_deg``, anti-aliased, summing to 1."""
    size = math.ceil(length) | 1
    k = np.zeros((size * 4, size * 4), np.float32)
    c = size * 2
    dx, dy = math.cos(math.radians(angle_deg)), math.sin(math.radians(angle_deg))
    half = length * 2  # drawn at 4x, then shrunk: the ends fall between pixels as they do
    p0 = (round((c - dx * half) * 16), round((c - dy * half) * 16))
    p1 = (round((c + dx * half) * 16), round((c + dy * half) * 16))
    cv2.line(k, p0, p1, 1.0, thickness=4, lineType=cv2.LINE_AA, shift=4)
    k = cv2.resize(k, (size, size), interpolation=cv2.INTER_AREA)
    return k / max(float(k.sum()), 1e-6)


def render_rough(gray: np.ndarray, plan: PhotoPlan, rng: np.random.Generator) -> bytes:
    """Render one planned rough photo from a ~300 dpi grayscale page; returns JPEG bytes."""
    fw, fh = camera.FRAME_W, camera.FRAME_H
    quad = plan.quad
    gray = fit_to_frame(gray, quad)
    h, w = gray.shape
    pad = int(0.05 * max(h, w))
    stack = camera.bent_stack(gray, plan.bend or {}, pad)
    stack = camera.place_page(stack, (pad, pad, w, h), quad)
    table = camera.table_background(fh, fw, plan.table, rng)
    planes = camera.compose(table, stack, plan.paper_rgb, plan.ink_rgb, plan.drop)
    del table, stack
    light = camera.light_field(fh, fw, plan.light, rng) * np.float32(plan.exposure)
    if plan.shadow:
        mask = _shadow_mask(plan.shadow["polygon"], float(plan.shadow["soft"]))  # type: ignore[arg-type]
        light *= 1 - np.float32(plan.shadow["darken"]) * mask
        del mask
    for c, plane in enumerate(planes):
        plane *= light
        plane *= np.float32(plan.white_balance[c])
    del light
    if plan.extra.get("motion_px"):
        kernel = _motion_kernel(plan.extra["motion_px"], plan.extra["motion_deg"])
        planes = [cv2.filter2D(p, -1, kernel, borderType=cv2.BORDER_REFLECT) for p in planes]
    rgb = camera.optics_and_sensor(planes, plan.blur_sigma, plan.noise, rng)
    del planes
    if plan.rotate:
        rgb = np.ascontiguousarray(np.rot90(rgb, k=plan.rotate // 90))
    camera_quality = int(plan.extra["camera_quality"])
    if not plan.long_side:
        return camera.to_jpeg(rgb, camera_quality, plan.orientation)
    # Sent through a chat app: the camera's JPEG decoded, made smaller, saved again, no EXIF.
    import io

    with Image.open(io.BytesIO(camera.to_jpeg(rgb, camera_quality))) as im:
        rgb = np.asarray(im.convert("RGB"))
    rgb = camera.resize_long_side(rgb, plan.long_side)
    return camera.to_jpeg(rgb, plan.quality)
