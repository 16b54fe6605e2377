"""The physics of a phone photo of a sheet of paper, as small array operations.

All images are float32 in [0, 1] (RGB, or one channel) unless a name says uint8.
Every random draw comes from the Generator passed in; nothing here keeps state.
"""

from __future__ import annotations

import io
import math

import cv2
import numpy as np
from PIL import Image

FRAME_W, FRAME_H = 3024, 4032  # 12 MP, portrait
EXIF_ORIENTATION = 0x0112
EXIF_MAKE = 0x010F
EXIF_MODEL = 0x0110


def smooth_field(h: int, w: int, cells: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Smooth random field of shape (h, w), roughly in [-1, 1], with ``cells`` (y, x) bumps."""
    cy, cx = max(2, cells[0]), max(2, cells[1])
    coarse = rng.standard_normal((cy, cx)).astype(np.float32)
    field = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    return np.clip(field / 1.5, -1.5, 1.5)


# --------------------------------------------------------------------------- table


TABLES = ("wood", "oak", "laminate", "desk_white", "fabric")


def table_background(h: int, w: int, kind: str, rng: np.random.Generator) -> list[np.ndarray]:
    """A table-like textured surface as R, G, B planes of (h, w) float32."""
    q = 4  # texture is built at quarter resolution, then scaled up
    hq, wq = h // q, w // q
    yy = np.arange(hq, dtype=np.float32)[:, None]
    xx = np.arange(wq, dtype=np.float32)[None, :]
    big = smooth_field(hq, wq, (4, 3), rng)
    if kind in ("wood", "oak"):
        base = np.array([0.50, 0.33, 0.19] if kind == "wood" else [0.72, 0.56, 0.38], np.float32)
        base *= np.float32(rng.uniform(0.85, 1.1))
        angle = rng.uniform(-0.25, 0.25)
        across = -xx * math.sin(angle) + yy * math.cos(angle)
        warp = smooth_field(hq, wq, (6, 3), rng) * rng.uniform(15, 40)
        period = rng.uniform(10, 22)
        grain = np.sin(2 * np.pi * (across + warp) / period)
        streak = smooth_field(hq, wq, (hq // 3, 4), rng)  # long thin streaks along the grain
        shade = 1 + 0.07 * grain + 0.06 * streak + 0.06 * big
        # boards: a dark seam every so often
        board = rng.uniform(0.25, 0.45) * hq
        seam = np.abs(((across + rng.uniform(0, board)) % board) - board / 2) > board / 2 - 1.2
        shade = np.where(seam, shade * 0.72, shade)
    elif kind == "laminate":
        base = np.full(3, rng.uniform(0.55, 0.72), np.float32) * np.array(
            [1.0, 0.99, 0.96], np.float32
        )
        mottle = smooth_field(hq, wq, (40, 30), rng)
        shade = 1 + 0.03 * mottle + 0.05 * big
    elif kind == "desk_white":
        base = np.full(3, rng.uniform(0.80, 0.88), np.float32) * np.array(
            [1.0, 1.0, 1.02], np.float32
        )
        shade = 1 + 0.03 * big
    else:  # fabric: a dark woven table cloth
        base = np.array(
            rng.choice([[0.15, 0.20, 0.32], [0.30, 0.12, 0.12], [0.22, 0.24, 0.22]]), np.float32
        )
        period = rng.uniform(2.2, 3.5)
        weave = np.sin(2 * np.pi * xx / period) * np.sin(2 * np.pi * yy / period)
        shade = 1 + 0.10 * weave + 0.08 * big
    full = cv2.resize(shade.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    fine = rng.standard_normal((h, w), dtype=np.float32)
    full *= 1 + np.float32(0.012) * fine
    return [full * np.float32(b) for b in base]


# --------------------------------------------------------------------------- geometry


def plan_quad(
    rng: np.random.Generator,
    page_aspect: float,
    area_frac: float,
    tilt_deg: float,
    keystone: tuple[float, float],
    jitter: float,
    frame: tuple[int, int] = (FRAME_W, FRAME_H),
    margin: float = 0.02,
) -> np.ndarray:
    """Where the page's corners land in the frame: (4, 2) float32, TL TR BR BL.

    ``area_frac`` is the wished share of the frame the page covers (it shrinks if the
    tilted page would not fit), ``keystone`` the (pitch, yaw) foreshortening of a
    camera that is not held parallel to the table, ``jitter`` corner noise as a share
    of the page width.
    """
    fw, fh = frame
    ph = math.sqrt(area_frac * fw * fh * page_aspect)
    pw = ph / page_aspect
    pts = np.array([[-pw / 2, -ph / 2], [pw / 2, -ph / 2], [pw / 2, ph / 2], [-pw / 2, ph / 2]])
    pitch, yaw = keystone
    pts[:2, 0] *= 1 - pitch  # top edge further away → shorter
    pts[2:, 0] *= 1 + pitch / 2
    pts[[0, 3], 1] *= 1 - yaw  # left edge further away → shorter
    pts[[1, 2], 1] *= 1 + yaw / 2
    t = math.radians(tilt_deg)
    rot = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])
    pts = pts @ rot.T
    pts += rng.normal(0.0, jitter * pw, size=(4, 2))
    span = pts.max(axis=0) - pts.min(axis=0)
    room = np.array([fw, fh]) * (1 - 2 * margin)
    scale = min(1.0, float(np.min(room / span)))
    pts *= scale
    lo = -pts.min(axis=0) + np.array([fw, fh]) * margin
    hi = np.array([fw, fh]) * (1 - margin) - pts.max(axis=0)
    centre = lo + (hi - lo) * rng.uniform(0.3, 0.7, size=2)
    return (pts + centre).astype(np.float32)


def quad_area(quad: np.ndarray) -> float:
    """Area of a polygon (shoelace)."""
    x, y = quad[:, 0], quad[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


# --------------------------------------------------------------------------- paper
#
# The page travels as a premultiplied "paper stack" of three planes in one array:
#   0: alpha * shade * luminance   (luminance 1 = bare paper, 0 = ink)
#   1: alpha * shade
#   2: alpha                       (how much of the pixel the sheet covers)
# so warping never needs a division, and the colour is applied only at the end:
#   pixel = table * (1 - alpha) + ink_rgb * plane1 + (paper_rgb - ink_rgb) * plane0


def flat_stack(gray: np.ndarray, pad: int) -> np.ndarray:
    """Paper stack of a flat page with a transparent border of ``pad`` px."""
    lum = gray.astype(np.float32) / 255.0
    h, w = lum.shape
    stack = np.zeros((h + 2 * pad, w + 2 * pad, 3), np.float32)
    stack[pad : pad + h, pad : pad + w, 0] = lum
    stack[pad : pad + h, pad : pad + w, 1:] = 1.0
    return stack


def bent_stack(gray: np.ndarray, bend: dict[str, float], pad: int) -> np.ndarray:
    """Paper stack of a bent sheet: smooth waves, a curl, folds; slopes are shaded.

    The canvas is the page plus ``pad`` px on each side, so displaced edges stay in it.
    """
    h, w = gray.shape
    hp, wp = h + 2 * pad, w + 2 * pad
    x = np.arange(wp, dtype=np.float32) - pad  # page coordinates of each canvas column
    y = np.arange(hp, dtype=np.float32) - pad
    xn = (x - w / 2) / (w / 2)  # -1 … 1 across the page
    wave = np.sin(2 * np.pi * x / (bend["wave_len"] * w) + bend["phase"])
    dy_x = (bend["wave_amp"] * h * wave + bend["curl"] * h * (xn**2 - 0.33)).astype(np.float32)
    slope = np.gradient(dy_x)
    slope = slope / max(float(np.abs(slope).max()), 1e-6)
    y_factor = (0.55 + 0.45 * y / h).astype(np.float32)
    src_y = y[:, None] + dy_x[None, :] * y_factor[:, None]
    dx_y = bend["side_amp"] * w * np.sin(2 * np.pi * y / (bend["side_len"] * h) + bend["phase"])
    squeeze = w / 2 + (x - w / 2) * (1 + bend["squeeze"] * (xn**2 - 0.33))  # curled sides shrink
    src_x = squeeze[None, :].astype(np.float32) + dx_y[:, None].astype(np.float32)
    src = cv2.merge([gray.astype(np.float32) / 255.0, np.ones(gray.shape, np.float32)])
    out = cv2.remap(
        src, src_x, src_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0
    )
    del src_x, src_y
    # Light falls unevenly on a bent sheet: slopes facing away are darker, and the two
    # folds of a letter folded in three leave soft light/dark bands.
    shade_x = (1 - bend["shade"] * slope).astype(np.float32)
    folds = np.ones(hp, np.float32)
    for fold_at in (1 / 3, 2 / 3):
        d = (y - fold_at * h) / (0.012 * h)
        folds -= (bend["fold"] * np.exp(-(d**2)) * np.sign(d + 0.3)).astype(np.float32)
    shade = shade_x[None, :] * folds[:, None]
    return cv2.merge([out[..., 0] * shade, out[..., 1] * shade, out[..., 1]])


def place_page(
    stack: np.ndarray,
    inner: tuple[int, int, int, int],
    quad: np.ndarray,
    frame: tuple[int, int] = (FRAME_W, FRAME_H),
) -> np.ndarray:
    """Perspective-warp a paper stack so its ``inner`` rectangle (x, y, w, h) lands on ``quad``."""
    x, y, w, h = inner
    src = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], np.float32)
    hom = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    return cv2.warpPerspective(
        stack, hom, frame, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0
    )


def compose(
    table: list[np.ndarray],
    stack: np.ndarray,
    paper_rgb: np.ndarray,
    ink_rgb: np.ndarray,
    drop: tuple[float, float, float, float],
) -> list[np.ndarray]:
    """Lay the sheet on the table, with the soft shadow it casts; returns R, G, B planes.

    ``drop`` is (dx, dy, blur, strength) of the sheet's own shadow in frame pixels.
    """
    dx, dy, blur, strength = drop
    q = 4
    p0, p1, alpha = cv2.split(stack)
    h, w = alpha.shape
    small = cv2.resize(alpha, (w // q, h // q), interpolation=cv2.INTER_AREA)
    m = np.float32([[1, 0, dx / q], [0, 1, dy / q]])
    small = cv2.warpAffine(small, m, (w // q, h // q))
    small = cv2.GaussianBlur(small, (0, 0), blur / q)
    cast = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    bg_weight = (1 - strength * cast) * (1 - alpha)
    planes = []
    for c, tc in enumerate(table):
        out = tc * bg_weight
        out += np.float32(ink_rgb[c]) * p1
        out += np.float32(paper_rgb[c] - ink_rgb[c]) * p0
        planes.append(out)
    return planes


# --------------------------------------------------------------------------- light


def light_field(h: int, w: int, light: dict[str, float], rng: np.random.Generator) -> np.ndarray:
    """Uneven light: a linear gradient, a vignette and a soft blotch field, (h, w)."""
    q = 8
    hq, wq = h // q, w // q
    yy = (np.arange(hq, dtype=np.float32)[:, None] / hq) - 0.5
    xx = (np.arange(wq, dtype=np.float32)[None, :] / wq) - 0.5
    grad = 1 + light["gx"] * xx + light["gy"] * yy
    cx, cy = light["cx"] - 0.5, light["cy"] - 0.5
    r2 = ((xx - cx) ** 2 + (yy - cy) ** 2) / 0.5
    vign = 1 - light["vignette"] * r2
    blotch = 1 + light["blotch"] * smooth_field(hq, wq, (3, 3), rng)
    small = (grad * vign * blotch).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def shadow_mask(h: int, w: int, polygon: np.ndarray, soft: float) -> np.ndarray:
    """A hard-edged shadow (1 inside the polygon), its edge softened by ``soft`` px."""
    mask = np.zeros((h, w), np.uint8)
    cv2.fillPoly(mask, [np.round(polygon).astype(np.int32)], 255, lineType=cv2.LINE_AA)
    mask = cv2.GaussianBlur(mask, (0, 0), soft)
    return mask.astype(np.float32) / 255.0


# --------------------------------------------------------------------------- sensor


def optics_and_sensor(
    planes: list[np.ndarray],
    blur_sigma: float,
    noise: tuple[float, float, float],
    rng: np.random.Generator,
) -> np.ndarray:
    """Lens blur, then sensor noise, on R, G, B planes; returns uint8 RGB (h, w, 3).

    ``noise`` is (read, shot, chroma): read noise σ, shot noise σ at full white (it
    grows with the square root of the signal), and the σ of blotchy colour noise, all
    on the 0–255 scale.
    """
    planes = [cv2.GaussianBlur(p, (0, 0), blur_sigma) for p in planes]
    h, w = planes[0].shape
    read, shot, chroma = (np.float32(v / 255.0) for v in noise)
    level = (planes[0] + planes[1] + planes[2]) * np.float32(1 / 3)
    np.clip(level, 0, 1, out=level)
    lum = rng.standard_normal((h, w), dtype=np.float32)
    lum *= read + shot * np.sqrt(level)
    out = []
    for p in planes:
        p += lum
        if chroma > 0:
            ch = rng.standard_normal((h // 2, w // 2), dtype=np.float32) * chroma
            p += cv2.resize(ch, (w, h), interpolation=cv2.INTER_LINEAR)
        np.maximum(p, 0, out=p)
        out.append(cv2.convertScaleAbs(p, alpha=255.0))  # rounds and saturates at 255
    return cv2.merge(out)


def to_jpeg(rgb: np.ndarray, quality: int, orientation: int | None = None) -> bytes:
    """Encode as JPEG (4:2:0 like a phone); add an EXIF orientation tag if given."""
    im = Image.fromarray(rgb, mode="RGB")
    kwargs: dict[str, object] = {"quality": int(quality), "subsampling": 2}
    if orientation is not None:
        exif = Image.Exif()
        exif[EXIF_MAKE] = "SampleCam"
        exif[EXIF_MODEL] = "snapdebrief phone simulator"
        exif[EXIF_ORIENTATION] = int(orientation)
        kwargs["exif"] = exif.tobytes()
    buf = io.BytesIO()
    im.save(buf, format="JPEG", **kwargs)
    return buf.getvalue()


def resize_long_side(rgb: np.ndarray, long_side: int) -> np.ndarray:
    """Downscale so the longer side is ``long_side`` px (as chat apps do)."""
    h, w = rgb.shape[:2]
    s = long_side / max(h, w)
    if s >= 1:
        return rgb
    return cv2.resize(rgb, (round(w * s), round(h * s)), interpolation=cv2.INTER_AREA)
