"""Make a phone photo look like a scan before OCR: find the sheet, undo the perspective, even out
light and shadow, and scale the page to the resolution Tesseract reads best (~300 dpi for A4).

Each step is a pure function on a greyscale numpy array, so the eval can switch steps on and off
and keep only those that lower the character error rate.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from .sheet_check import sheared
from .specks import despeckle

A4_RATIO = 297 / 210
TARGET_PAGE_HEIGHT = 3300  # px for a full A4 page: ~280 dpi, where Tesseract's LSTM does well
SIDEWAYS_MARGIN = 1.15  # rows must pile up this much better than columns (or back) to tell
NOISY = 6.0  # noise_level of a dim photo after light evening is 8-13; of a good one 0.5-4
RULE_SIDE_INK = 0.12  # a rule has (nearly) blank paper alongside: at most this share of ink
MAX_SIDE = 3600  # long side for an image that is not a found sheet (a scan, a close-up)
ANALYSIS_SIDE = 1000
EDGE_CONTRAST = 6.0  # Lab distance across a sheet side, paper against table
MIN_EDGE_SUPPORT = 0.5  # share of side points with that contrast for a sheet to count
GOOD_EDGE_SUPPORT = 0.97  # an outline this well supported needs no further candidates
ENLARGE = 1.2  # a resampling that enlarges more than this uses cubic interpolation


STEP_NAMES = ("sheet", "light", "denoise", "deskew", "dewarp", "scale", "leaders", "rules")


@dataclass(frozen=True)
class Steps:
    """Which clean-up steps run; `Steps.named(("sheet", "light"))` from Options.preprocess."""

    sheet: bool = True  # find the sheet and undo the perspective
    light: bool = True  # divide out shadows and uneven light
    denoise: bool = True  # a 3 px median on grainy (dim-light) photos; 5 px on speckled ones
    deskew: bool = True  # level the text lines when they are still turned (no sheet edge seen)
    dewarp: bool = True  # straighten the curved lines of a bent sheet
    scale: bool = True  # to ~300 dpi for A4
    leaders: bool = True  # read rows of dots and dashes (fill-in lines) off the image: leaders.py
    rules: bool = True  # paint ruled lines with paper

    @classmethod
    def named(cls, names: tuple[str, ...] | list[str]) -> Steps:
        return cls(**{n: n in names for n in STEP_NAMES})


def flatten_page(img: Image.Image, steps: Steps = Steps()) -> tuple[np.ndarray, bool]:
    """Greyscale page with the sheet cut out and the light evened; and whether a sheet was found.

    The text may still run sideways or upside down: turning it is `level_page`'s caller's job
    (Tesseract's orientation detection), before `level_page`.
    """
    if img.mode == "L":
        colour = grey = np.asarray(img)
    else:
        colour = np.asarray(img if img.mode == "RGB" else img.convert("RGB"))
        grey = cv2.cvtColor(colour, cv2.COLOR_RGB2GRAY)
    page_found = False
    if steps.sheet:
        quad = find_sheet(colour)
        warped = None if quad is None else warp_sheet(grey, quad, to_scale=steps.scale)
        if warped is not None:
            grey, page_found = warped, True
    if steps.light:
        grey = even_light(grey)
    if steps.denoise:
        grey = denoise(despeckle(grey))
    return grey, page_found


def level_page(grey: np.ndarray, steps: Steps = Steps(), angle: float | None = None
               ) -> np.ndarray:
    """An upright page with its text lines made level: turned, then bends taken out.
    `angle` is `text_angle(grey)` when the caller knows it already."""
    if steps.deskew:
        grey = deskew(grey, angle=angle)
    if steps.dewarp:
        grey = dewarp(grey)
    return grey


def find_sheet(img: np.ndarray) -> np.ndarray | None:
    """The sheet's four corners (tl, tr, br, bl) in `img`'s pixels; None when no clear sheet.

    `img` is greyscale or RGB. Several masks each give a candidate outline; the candidate whose
    four sides run along the strongest colour edge (paper against table) wins, unless undoing it
    would shear the text (an outline along a shadow's edge: `sheet_check.sheared`).
    """
    h, w = img.shape[:2]
    k = max(1, round(max(h, w) / ANALYSIS_SIDE))  # a whole factor: OpenCV's fast area path
    f = 1 / k
    small = cv2.resize(img[: h // k * k, : w // k * k], (w // k, h // k),
                       interpolation=cv2.INTER_AREA)
    grey = small if small.ndim == 2 else cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    colour = _lab(small)
    frame = grey.shape[0] * grey.shape[1]
    best: tuple[float, np.ndarray] | None = None
    masks: list[np.ndarray] = []

    def candidates():
        yield from _sheet_masks(grey)
        if small.ndim == 3:
            yield _paper_colour_mask(small)
        if best is None or best[0] < GOOD_EDGE_SUPPORT:  # the flood costs as much as the rest
            yield _flooded_sheet(small, masks)

    for mask in candidates():
        masks.append(mask)
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        if not contours:
            continue
        c = max(contours, key=cv2.contourArea)
        area = cv2.contourArea(c)
        if area < 0.15 * frame or area > 0.985 * frame:
            continue  # no sheet, or the sheet already fills the frame (a scan)
        quad = _sheet_corners(c, grey.shape)
        if quad is None:
            continue
        quad = np.array(_order(quad), np.float32)
        score = edge_support(colour, quad)
        snapped = snap_to_edges(colour, quad)
        if snapped is not None:
            snapped_score = edge_support(colour, snapped)
            if snapped_score >= score:
                quad, score = snapped, snapped_score
        if (best is None or score > best[0]) and not sheared(grey, quad):
            best = (score, quad)
    if best is None or best[0] < MIN_EDGE_SUPPORT:
        return None
    return best[1] / f


def _flooded_sheet(small: np.ndarray, masks: list[np.ndarray]) -> np.ndarray:
    """The sheet grown from its sure middle up to the strongest closed edge around it.

    The middle is where the other masks agree (shrunk well inside), or the frame's centre. The
    flood may cross every colour change weaker than a threshold; the highest threshold at which it
    still does not reach the frame border stops it at the paper's edge, even when paper and table
    are alike in brightness (dim light, a pale table)."""
    h, w = small.shape[:2]
    frame = h * w
    lab = _lab(cv2.GaussianBlur(small, (5, 5), 0))
    grad = np.zeros((h, w), np.float32)
    for ch in range(lab.shape[2]):
        gx = cv2.Sobel(lab[..., ch], cv2.CV_32F, 1, 0, ksize=3)
        gy = cv2.Sobel(lab[..., ch], cv2.CV_32F, 0, 1, ksize=3)
        grad += gx * gx + gy * gy
    grad = np.sqrt(grad)
    sure = np.full((h, w), 255, np.uint8)
    useful = [m for m in masks if 0.15 * frame < cv2.countNonZero(m) < 0.985 * frame]
    for m in useful:
        sure &= m
    k = max(3, int(0.08 * max(h, w)) | 1)
    sure = cv2.erode(sure, np.ones((k, k), np.uint8)) if useful else np.zeros_like(sure)
    if cv2.countNonZero(sure) < 0.02 * frame:
        sure[:] = 0
        sure[int(0.35 * h):int(0.65 * h), int(0.35 * w):int(0.65 * w)] = 255

    def region(limit: float) -> np.ndarray | None:
        low = ((grad < limit) | (sure > 0)).astype(np.uint8)
        count, labels = cv2.connectedComponents(low, connectivity=4)
        touched = np.bincount(labels[sure > 0], minlength=count) > 0
        touched[0] = False
        reg = touched[labels]
        if reg[0, :].any() or reg[-1, :].any() or reg[:, 0].any() or reg[:, -1].any():
            return None
        return reg

    lo, hi = np.percentile(grad, [40, 99.5])
    best = None
    for _ in range(9):
        mid = (lo + hi) / 2
        reg = region(mid)
        if reg is None:
            hi = mid
        else:
            best, lo = reg, mid
    if best is None:
        return np.zeros((h, w), np.uint8)
    mask = best.astype(np.uint8) * 255
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(mask)
    cv2.drawContours(filled, [max(contours, key=cv2.contourArea)], -1, 255, cv2.FILLED)
    return cv2.morphologyEx(filled, cv2.MORPH_OPEN, np.ones((15, 15), np.uint8))


def _paper_colour_mask(small: np.ndarray) -> np.ndarray:
    """The sheet as the pixels of the paper's colour, whatever their brightness: a hand's or
    phone's shadow darkens paper and table alike and keeps their hue (chromaticity, r:g:b), so
    a shadow that cuts the bright-paper masks in two does not cut this one, where the table's
    colour differs from the paper's (wood, cloth; not a grey or white desk)."""
    rgb = cv2.GaussianBlur(small, (5, 5), 0).astype(np.float32)
    total = rgb.sum(axis=2) + 1.0
    chroma = rgb[..., :2] / total[..., None]
    h, w = total.shape
    centre = total[int(0.3 * h):int(0.7 * h), int(0.3 * w):int(0.7 * w)]
    bright = centre >= np.percentile(centre, 70)
    paper = np.median(chroma[int(0.3 * h):int(0.7 * h), int(0.3 * w):int(0.7 * w)][bright], axis=0)
    dist = np.linalg.norm(chroma - paper, axis=2)
    scaled = np.clip(dist * 1000, 0, 255).astype(np.uint8)  # chromaticity steps of 0.001
    _, mask = cv2.threshold(scaled, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    mask[total < 0.15 * float(np.median(centre[bright]))] = 0  # too dark to tell a colour
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((25, 25), np.uint8))
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((15, 15), np.uint8))


def _lab(small: np.ndarray) -> np.ndarray:
    """CIE Lab as float32 (L 0..100), or L alone for a greyscale image."""
    if small.ndim == 2:
        return (small.astype(np.float32) * (100 / 255))[..., None]
    return cv2.cvtColor(small.astype(np.float32) / 255, cv2.COLOR_RGB2LAB)


def edge_support(colour: np.ndarray, quad: np.ndarray, samples: int = 40) -> float:
    """Share of points along the quad's sides where the colour differs across the side.

    A true sheet outline has paper on one side and table on the other along its whole length; a
    side through the table, through the paper, or on the frame border has not.
    """
    h, w = colour.shape[:2]
    centre = quad.mean(axis=0)
    hits = 0
    total = 0
    offsets = np.arange(3, 9, dtype=np.float32)
    for i in range(4):
        a, b = quad[i].astype(np.float32), quad[(i + 1) % 4].astype(np.float32)
        d = b - a
        length = float(np.hypot(*d))
        if length < 1:
            return 0.0
        n = np.array([d[1], -d[0]], np.float32) / length
        if np.dot((a + b) / 2 - centre, n) < 0:
            n = -n  # outward
        t = np.linspace(0.04, 0.96, samples, dtype=np.float32)[:, None]
        pts = a + t * d
        inner = pts[:, None, :] - offsets[None, :, None] * n
        outer = pts[:, None, :] + offsets[None, :, None] * n
        ok = ((outer[..., 0] >= 0) & (outer[..., 0] <= w - 1) & (outer[..., 1] >= 0)
              & (outer[..., 1] <= h - 1)).all(axis=1)
        ok &= ((inner[..., 0] >= 0) & (inner[..., 0] <= w - 1) & (inner[..., 1] >= 0)
               & (inner[..., 1] <= h - 1)).all(axis=1)
        ci = _sample(colour, inner).mean(axis=1)
        co = _sample(colour, outer).mean(axis=1)
        diff = np.linalg.norm(ci - co, axis=-1)
        hits += int(((diff > EDGE_CONTRAST) & ok).sum())
        total += samples
    return hits / total


def snap_to_edges(colour: np.ndarray, quad: np.ndarray, reach: int = 25,
                  samples: int = 60) -> np.ndarray | None:
    """Move each side of a rough outline onto the strongest colour edge within `reach` px.

    A mask's outline can bulge over a table's grain or a shadow; along each side the point of
    largest colour change across the side is taken, a line is fitted through those points with
    outliers dropped, and the four lines are intersected again.
    """
    h, w = colour.shape[:2]
    centre = quad.mean(axis=0)
    lines = []
    steps = np.arange(-reach, reach + 1, dtype=np.float32)
    for i in range(4):
        a, b = quad[i].astype(np.float32), quad[(i + 1) % 4].astype(np.float32)
        d = b - a
        length = float(np.hypot(*d))
        if length < 20:
            return None
        u = d / length
        n = np.array([u[1], -u[0]], np.float32)
        if np.dot((a + b) / 2 - centre, n) < 0:
            n = -n
        t = np.linspace(0.06, 0.94, samples, dtype=np.float32)[:, None]
        pts = a + t * d  # (samples, 2)
        pos = pts[:, None, :] + steps[None, :, None] * n  # (samples, offsets, 2)
        inside = (pos[..., 0] >= 0) & (pos[..., 0] <= w - 1) & (pos[..., 1] >= 0) & (pos[..., 1] <= h - 1)
        prof = sum(_sample(colour, pos + k * u) for k in (-2, 0, 2)) / 3  # (samples, offsets, ch)
        contrast = np.zeros(prof.shape[:2], np.float32)
        contrast[:, 3:-3] = np.linalg.norm(prof[:, 6:] - prof[:, :-6], axis=-1)
        contrast[~inside] = 0
        best = contrast.argmax(axis=1)
        strong = contrast[np.arange(samples), best] > EDGE_CONTRAST
        if strong.sum() < samples * 0.3:
            return None
        found = (pts + steps[best][:, None] * n)[strong]
        line = _robust_line(found)
        if line is None:
            return None
        lines.append(line)
    corners = []
    for i in range(4):
        c = _intersect(lines[i - 1], lines[i])
        if c is None:
            return None
        corners.append(c)
    out = np.array(corners, np.float32)
    if not cv2.isContourConvex(out.reshape(-1, 1, 2)) or not _looks_like_sheet(out):
        return None
    return out


def _robust_line(pts: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(point, direction) of the line through most of the points: fit, drop far points, refit."""
    keep = np.ones(len(pts), bool)
    for tol in (6.0, 3.0, 2.0):
        if keep.sum() < max(6, len(pts) * 0.3):
            return None
        vx, vy, x0, y0 = cv2.fitLine(pts[keep].astype(np.float32), cv2.DIST_L2, 0, 0.01, 0.01).ravel()
        resid = np.abs((pts[:, 0] - x0) * vy - (pts[:, 1] - y0) * vx)
        keep = resid < tol
    if keep.sum() < max(6, len(pts) * 0.3):
        return None
    return np.array([x0, y0], np.float64), np.array([vx, vy], np.float64)


def _intersect(l1: tuple[np.ndarray, np.ndarray], l2: tuple[np.ndarray, np.ndarray]) -> np.ndarray | None:
    (p1, d1), (p2, d2) = l1, l2
    den = d1[0] * d2[1] - d1[1] * d2[0]
    if abs(den) < 1e-6:
        return None
    t = ((p2[0] - p1[0]) * d2[1] - (p2[1] - p1[1]) * d2[0]) / den
    return p1 + t * d1


def _sample(img: np.ndarray, pts: np.ndarray) -> np.ndarray:
    xs = np.clip(np.rint(pts[..., 0]).astype(int), 0, img.shape[1] - 1)
    ys = np.clip(np.rint(pts[..., 1]).astype(int), 0, img.shape[0] - 1)
    return img[ys, xs]


def warp_sheet(grey: np.ndarray, quad: np.ndarray, to_scale: bool = False) -> np.ndarray | None:
    """The quad's content as an upright rectangle; with `to_scale`, already at the size
    `scale_page` would give it (one resampling instead of two)."""
    tl, tr, br, bl = quad
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    if width < 200 or height < 200:
        return None
    f = _page_factor(height, width) if to_scale else 1.0
    width, height = width * f, height * f
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    m = cv2.getPerspectiveTransform(np.array([tl, tr, br, bl], np.float32), dst)
    return cv2.warpPerspective(grey, m, (int(width), int(height)), flags=_interpolation(f),
                               borderMode=cv2.BORDER_REPLICATE)


def _interpolation(factor: float) -> int:
    """Cubic where a page is enlarged (it keeps thin strokes sharp), linear elsewhere: as good
    for OCR at about the same size, and a third of the time on a 7 MP page."""
    return cv2.INTER_CUBIC if factor > ENLARGE else cv2.INTER_LINEAR


def _sheet_masks(small: np.ndarray):
    """Candidate masks of the sheet: bright paper on a darker table (Otsu); the same after
    flattening a light gradient; and the closed outline of strong edges, for a grey table under
    uneven light."""
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    close = np.ones((25, 25), np.uint8)
    _, mask = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    yield cv2.morphologyEx(mask, cv2.MORPH_CLOSE, close)
    # the light's trend: a wide blur, taken on an eighth-size copy (the same, 50x faster)
    h, w = small.shape
    tiny = cv2.resize(blur, (max(1, w // 8), max(1, h // 8)), interpolation=cv2.INTER_AREA)
    tiny = cv2.GaussianBlur(tiny.astype(np.float32), (0, 0), max(h, w) / 32)
    trend = cv2.resize(tiny, (w, h), interpolation=cv2.INTER_LINEAR)
    flat = np.clip(blur.astype(np.float32) / np.maximum(trend, 1) * 128, 0, 255).astype(np.uint8)
    _, mask = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    yield cv2.morphologyEx(mask, cv2.MORPH_CLOSE, close)
    med = float(np.median(blur))
    edges = cv2.Canny(blur, 0.4 * med * 0.33, 0.4 * med)
    edges = cv2.dilate(edges, np.ones((5, 5), np.uint8))
    filled = np.zeros_like(edges)
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if contours:
        cv2.drawContours(filled, [max(contours, key=cv2.contourArea)], -1, 255, cv2.FILLED)
    # thin spurs (a table's grain or a shadow's edge touching the sheet) would bend the hull
    yield cv2.morphologyEx(filled, cv2.MORPH_OPEN, np.ones((15, 15), np.uint8))


def _sheet_corners(contour: np.ndarray, shape: tuple[int, ...]) -> np.ndarray | None:
    """Four corners of the sheet from its outline's straight sides.

    Uneven light can cut a corner off the bright mask, so corners are not taken from the outline
    itself: the longest near-horizontal side in the top and bottom halves and the longest
    near-vertical side in the left and right halves are extended and intersected.
    """
    hull = cv2.convexHull(contour)
    poly = cv2.approxPolyDP(hull, 0.004 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(poly) < 4:
        return None
    cy, cx = shape[0] / 2, shape[1] / 2
    best: dict[str, tuple[float, np.ndarray, np.ndarray]] = {}
    for i in range(len(poly)):
        a = poly[i].astype(np.float64)
        b = poly[(i + 1) % len(poly)].astype(np.float64)
        d = b - a
        length = float(np.hypot(*d))
        if length < 10:
            continue
        angle = abs(np.degrees(np.arctan2(d[1], d[0]))) % 180
        mid = (a + b) / 2
        off_h, off_v = min(angle, 180 - angle), abs(angle - 90)
        if off_h < 28:
            side, off = ("top" if mid[1] < cy else "bottom"), off_h
        elif off_v < 28:
            side, off = ("left" if mid[0] < cx else "right"), off_v
        else:
            continue
        # a side seen straight on beats a longer slanted cut where light ate a corner
        score = length * np.cos(np.radians(off)) ** 6
        if side not in best or score > best[side][0]:
            best[side] = (score, a, b)
    if len(best) < 4:
        return None

    def meet(s1: str, s2: str) -> np.ndarray | None:
        _, p1, p2 = best[s1]
        _, p3, p4 = best[s2]
        d1, d2 = p2 - p1, p4 - p3
        den = d1[0] * d2[1] - d1[1] * d2[0]
        if abs(den) < 1e-6:
            return None
        t = ((p3[0] - p1[0]) * d2[1] - (p3[1] - p1[1]) * d2[0]) / den
        return p1 + t * d1

    corners = [meet("top", "left"), meet("top", "right"), meet("bottom", "right"),
               meet("bottom", "left")]
    if any(c is None for c in corners):
        return None
    quad = np.array(corners, np.float32)
    h, w = shape[:2]
    margin = 0.05 * max(h, w)
    if (quad[:, 0].min() < -margin or quad[:, 1].min() < -margin
            or quad[:, 0].max() > w + margin or quad[:, 1].max() > h + margin):
        return None
    area = cv2.contourArea(quad)
    if not 0.85 * cv2.contourArea(contour) <= area <= 1.4 * cv2.contourArea(contour):
        return None
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2)) or not _looks_like_sheet(quad):
        return None
    return quad


def _looks_like_sheet(quad: np.ndarray) -> bool:
    """Corners near right angles and a paper-like aspect (A4 1.41, Letter 1.29, A5 landscape)."""
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cos = float(np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9))
        if abs(cos) > np.cos(np.radians(65)):  # corner angle outside 65..115 degrees
            return False
    w = (np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[2] - quad[3])) / 2
    h = (np.linalg.norm(quad[3] - quad[0]) + np.linalg.norm(quad[2] - quad[1])) / 2
    ratio = max(w, h) / max(min(w, h), 1.0)
    return 1.15 <= ratio <= 1.7


def _order(pts: np.ndarray) -> tuple[np.ndarray, ...]:
    s = pts.sum(axis=1)
    d = np.diff(pts, axis=1).ravel()
    return pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]


def text_angle(grey: np.ndarray, limit: float = 15.0) -> float:
    """Degrees the text lines run clockwise from level (as seen on screen), within +-limit;
    modulo 90, so text running sideways is measured too. 0.0 when there is too little text."""
    return text_lines(grey, limit)[0]


def text_lines(grey: np.ndarray, limit: float = 15.0) -> tuple[float, bool | None]:
    """(angle as `text_angle`, whether the lines run sideways, i.e. top to bottom).

    Letters are found as dark blobs of letter size; for each candidate angle their centres are
    projected across the lines, and the angle and direction at which they pile up in the fewest,
    fullest rows win. The direction is None when there is too little text to tell, or rows and
    columns score alike.
    """
    h, w = grey.shape
    f = 1200 / max(h, w)
    small = cv2.resize(grey, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA) \
        if f < 1 else grey
    side = max(small.shape)
    k = max(9, int(side / 60) | 1)
    ink = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    _, ink = cv2.threshold(ink, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, _, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    bw, bh = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    letter = letter_sized(bw, bh, side) & (stats[1:, cv2.CC_STAT_AREA] >= 4)
    pts = centres[1:][letter]
    if len(pts) < 40:
        return 0.0, None
    size = float(np.median(np.maximum(bw[letter], bh[letter])))
    pts = pts - pts.mean(axis=0)

    def score(deg: float, sideways: bool) -> float:
        a = np.radians(deg)
        if sideways:
            proj = pts[:, 0] * np.cos(a) + pts[:, 1] * np.sin(a)
        else:
            proj = -pts[:, 0] * np.sin(a) + pts[:, 1] * np.cos(a)
        hist = np.bincount(((proj - proj.min()) / max(size * 0.5, 1.0)).astype(int))
        return float((hist.astype(np.float64) ** 2).sum())

    coarse = np.arange(-limit, limit + 0.01, 0.5)
    best = {}
    for sideways in (False, True):
        scores = [score(a, sideways) for a in coarse]
        start = float(coarse[int(np.argmax(scores))])
        fine = np.arange(start - 0.5, start + 0.51, 0.1)
        fine_scores = [score(a, sideways) for a in fine]
        i = int(np.argmax(fine_scores))
        best[sideways] = (fine_scores[i], float(fine[i]))
    (rows, rows_angle), (cols, cols_angle) = best[False], best[True]
    if rows >= cols:
        return rows_angle, (False if rows > SIDEWAYS_MARGIN * cols else None)
    return cols_angle, (True if cols > SIDEWAYS_MARGIN * rows else None)


def deskew(grey: np.ndarray, min_angle: float = 0.3, angle: float | None = None) -> np.ndarray:
    """Turn the page so its text lines are level; the corners filled with paper."""
    angle = text_angle(grey) if angle is None else angle
    if abs(angle) < min_angle:
        return grey
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(grey, m, (nw, nh), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=paper_grey(grey))


def paper_grey(grey: np.ndarray) -> int:
    """The paper's grey: a bright percentile of a sparse sample (most of a page is paper)."""
    return int(np.percentile(grey[::16, ::16], 75))


def dewarp(grey: np.ndarray, max_shift: float = 0.05) -> np.ndarray:
    """Straighten curved text lines of a bent or curled sheet (and any leftover tilt).

    Words are found as ink smeared sideways; along each, the slope of its centre line is
    measured. A smooth slope field over the page (a polynomial, cubic-quartic across, quadratic
    down) is fitted to those slopes, and each output row follows that field back into the
    image, so a curved line comes out level. Pages with too little text, or whose fit asks for
    an implausibly large shift, are returned unchanged.
    """
    h, w = grey.shape
    k = max(1, round(max(h, w) / 1000))
    size = _letter_height(cv2.resize(grey[: h // k * k, : w // k * k], (w // k, h // k),
                                     interpolation=cv2.INTER_AREA) if k > 1 else grey)
    if size is None:
        return grey
    # letters ~12 px tall: lines stay apart when the letters are joined into words
    f = min(2.0, 12 / (size * k))
    small = cv2.resize(grey, (max(1, int(w * f)), max(1, int(h * f))),
                       interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC)
    samples = _line_slopes(small, size * k * f)
    if samples is None:
        return grey
    xs, ys, slopes, words = samples
    sh, sw = small.shape
    # the field lives on the text's extent, scaled to -1..1, and is held constant beyond it
    x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
    cx, hx, cy, hy = (x0 + x1) / 2, max((x1 - x0) / 2, 1.0), (y0 + y1) / 2, max((y1 - y0) / 2, 1.0)
    coef = _fit_field((xs - cx) / hx, (ys - cy) / hy, slopes, words)
    if coef is None:
        return grey
    # follow the field from the text's middle column outwards, on a coarse grid
    step = 8
    # grid points placed where cv2.resize will take them from when it fills the full map
    gw, gh = sw // step + 2, sh // step + 2
    us = ((np.arange(gw) + 0.5) * w / gw - 0.5) * f
    vs = ((np.arange(gh) + 0.5) * h / gh - 0.5) * f
    mid = int(np.argmin(np.abs(us - cx)))
    src_y = np.empty((len(vs), len(us)))
    src_y[:, mid] = vs
    for direction in (1, -1):
        j = mid
        while 0 <= j + direction < len(us):
            y = src_y[:, j]
            u = np.clip((us[j] - cx) / hx, -1, 1)
            slope = _field(coef, np.full_like(y, u), np.clip((y - cy) / hy, -1, 1))
            src_y[:, j + direction] = y + slope * (us[j + direction] - us[j])
            j += direction
    inside = np.ix_((vs >= y0) & (vs <= y1), (us >= x0) & (us <= x1))
    shift = np.abs(src_y - vs[:, None])[inside]
    if shift.size == 0 or shift.max() < 0.5 or shift.max() > max_shift * sh:
        return grey
    map_y = cv2.resize((src_y / f).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    map_x = np.broadcast_to(np.arange(w, dtype=np.float32)[None, :], (h, w)).copy()
    return cv2.remap(grey, map_x, map_y, _interpolation(1.0), borderMode=cv2.BORDER_CONSTANT,
                     borderValue=paper_grey(grey))


_FIELD_TERMS = [(i, j) for i in range(5) for j in range(3) if i + j <= 5]
# simpler fields first: none (a flat page), a tilt, a tilt varying linearly, a gentle curve
_FIELD_MODELS = [
    [],
    [(0, 0)],
    [(0, 0), (1, 0), (0, 1)],
    [(i, j) for i in range(3) for j in range(2)],
    _FIELD_TERMS,
]


def _field(coef: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    out = np.zeros_like(x, dtype=np.float64)
    for c, (i, j) in zip(coef, _FIELD_TERMS):
        if c:
            out += c * x**i * y**j
    return out


def _fit_field(x: np.ndarray, y: np.ndarray, slope: np.ndarray, groups: np.ndarray
               ) -> np.ndarray | None:
    """Slope polynomial (coefficients over _FIELD_TERMS), or None for a flat page.

    Outliers are dropped with the richest model; then the model with the lowest Bayesian
    information criterion is kept, counting each word (not each sample along it) as one
    observation, so noise on a flat page does not buy a bend."""
    full = np.stack([x**i * y**j for i, j in _FIELD_TERMS], axis=1)
    keep = np.ones(len(x), bool)
    for _ in range(3):
        if keep.sum() < 3 * len(_FIELD_TERMS):
            return None
        coef, *_ = np.linalg.lstsq(full[keep], slope[keep], rcond=None)
        resid = np.abs(full @ coef - slope)
        keep = resid < max(3 * float(np.median(resid[keep])) * 1.4826, 0.004)
    n = len(np.unique(groups[keep]))
    per_word = keep.sum() / max(n, 1)
    best: tuple[float, np.ndarray | None] = (np.inf, None)
    for terms in _FIELD_MODELS:
        idx = [_FIELD_TERMS.index(t) for t in terms]
        if idx:
            c, *_ = np.linalg.lstsq(full[keep][:, idx], slope[keep], rcond=None)
            rss = float(((full[keep][:, idx] @ c - slope[keep]) ** 2).sum())
        else:
            c, rss = np.zeros(0), float((slope[keep] ** 2).sum())
        rss = max(rss / per_word, 1e-12)  # in units of words
        bic = n * np.log(rss / n) + len(idx) * np.log(n)
        if bic < best[0]:
            coef = np.zeros(len(_FIELD_TERMS))
            coef[idx] = c
            best = (bic, coef if idx else None)
    return best[1]


def letter_sized(w: np.ndarray, h: np.ndarray, side: int) -> np.ndarray:
    """Which blobs (widths, heights in px) are of a letter's size on a page whose long side is
    `side` px: not specks, not rules, logos or whole words run together."""
    return (h >= side * 0.003) & (h <= side * 0.03) & (w <= side * 0.05)


def letter_height(w: np.ndarray, h: np.ndarray, side: int, at_least: int) -> float | None:
    """The median height of the letter-sized blobs; None when there are fewer than `at_least`."""
    letter = letter_sized(w, h, side)
    return float(np.median(h[letter])) if letter.sum() >= at_least else None


def _letter_height(small: np.ndarray) -> float | None:
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return letter_height(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT],
                         max(small.shape), at_least=100)


def _line_slopes(small: np.ndarray, size: float | None = None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(x, y, slope, word number) samples along the words and lines of a page whose letters
    are about `size` px tall (measured when not given)."""
    size = _letter_height(small) if size is None else size
    if size is None:
        return None
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # join the letters of a word and words of a line, but not lines above each other
    # (rules, logos and specks are dropped below: too thin, too thick or too short)
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, max(3, int(size * 1.6))), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    xs, ys, ss, gs = [], [], [], []
    for k in range(1, n):
        x0, y0, ww, hh = stats[k, :4]
        if ww < 4 * size:
            continue  # a single letter or a short word: no slope to read
        sub = labels[y0:y0 + hh, x0:x0 + ww] == k
        has = sub.any(axis=0)
        top = np.argmax(sub, axis=0)
        bottom = hh - 1 - np.argmax(sub[::-1], axis=0)
        thick = (bottom - top + 1)[has]
        if not 0.5 * size <= float(np.median(thick)) <= 1.8 * size:
            continue  # two lines run together, or a rule
        cols = np.arange(ww)[has]
        centre = ((top + bottom) / 2)[has]
        deg = 1 if ww < 15 * size else 2 if ww < 40 * size else 3
        fit = np.ones(len(cols), bool)
        for _ in range(2):
            c = np.polyfit(cols[fit], centre[fit], deg)
            fit = np.abs(np.polyval(c, cols) - centre) < 0.35 * size
            if fit.sum() < 4 * size:
                break
        if fit.sum() < 4 * size:
            continue
        pts = np.linspace(0, ww - 1, max(2, int(ww / (3 * size))))
        xs.append(x0 + pts)
        ys.append(y0 + np.polyval(c, pts))
        ss.append(np.polyval(np.polyder(c), pts))
        gs.append(np.full(len(pts), k))
    if not xs:
        return None
    x, y, s, g = (np.concatenate(v) for v in (xs, ys, ss, gs))
    if len(x) < 60:
        return None
    return x, y, s, g


def even_light(grey: np.ndarray, side: int = 800, kernel: float = 1 / 60) -> np.ndarray:
    """Divide by an estimate of the paper's brightness, so shadows and gradients go flat.

    The estimate is taken on a copy about `side` px long: a closing with a disc `kernel` x that
    size removes the dark text strokes and keeps the paper; a median of the same size smooths
    what remains."""
    h, w = grey.shape
    k = max(1, round(max(h, w) / side))  # a whole factor: OpenCV's fast area path
    small = cv2.resize(grey[: h // k * k, : w // k * k], (w // k, h // k),
                       interpolation=cv2.INTER_AREA) if k > 1 else grey
    r = max(5, int(max(small.shape) * kernel) | 1)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (r, r)))
    bg = cv2.medianBlur(bg, r)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(grey, np.maximum(bg, 1), scale=235.0)


def noise_level(grey: np.ndarray, crop: int = 768) -> float:
    """Mean grain on the paper: |pixel - its 3x3 median| over bright pixels of a central crop."""
    h, w = grey.shape
    y0, x0 = max(0, h // 2 - crop // 2), max(0, w // 2 - crop // 2)
    c = grey[y0:y0 + crop, x0:x0 + crop]
    paper = c > 170
    if paper.sum() < 1000:
        return 0.0
    return float(np.abs(c.astype(np.int16) - cv2.medianBlur(c, 3))[paper].mean())


def denoise(grey: np.ndarray) -> np.ndarray:
    """A 3 px median on a grainy page (a dim photo's sensor noise, multiplied by light evening);
    a clean page is left alone (measured: the median helps grainy pages, does nothing for clean
    ones)."""
    return cv2.medianBlur(grey, 3) if noise_level(grey) >= NOISY else grey


def drop_rules(grey: np.ndarray, length: float = 0.2, thickness: float = 0.004) -> np.ndarray:
    """Paint ruled lines (under a letterhead, a dashed line above a footer, table borders, the
    sheet's own edge) with paper: Tesseract tends to drop the text line next to one.

    A rule is thin (under `thickness` x the page's long side; letters' stems are thicker), runs
    with at most small gaps (a dashed line) along `length` x the page's width (or height, for an
    upright rule), and has paper on both sides; the thin bottoms of a word's letters, joined up,
    have the rest of the letters on one side. Found on a half-size copy (the slow part).
    """
    h, w = grey.shape
    k = 2 if min(h, w) >= 1000 else 1
    small = cv2.resize(grey[: h // k * k, : w // k * k], (w // k, h // k),
                       interpolation=cv2.INTER_AREA) if k > 1 else grey
    sh, sw = small.shape
    t = max(3, int(thickness * max(sh, sw)))
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    found = np.zeros_like(ink)
    for horizontal in (True, False):
        across = (t, 1) if horizontal else (1, t)
        gap = (1, max(2, t // 2)) if horizontal else (max(2, t // 2), 1)
        stems = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones(across, np.uint8))
        thin = cv2.bitwise_and(ink, cv2.bitwise_not(stems))
        bridged = cv2.morphologyEx(thin, cv2.MORPH_CLOSE, np.ones(gap, np.uint8))
        run = max(20, int(length * (sw if horizontal else sh)))
        lines = cv2.morphologyEx(bridged, cv2.MORPH_OPEN,
                                 np.ones((1, run) if horizontal else (run, 1), np.uint8))
        if not cv2.countNonZero(lines):
            continue  # no rule this way (most pages have no upright one): skip the labelling
        n, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        keep = np.zeros(n, bool)  # painted in one pass below, not one full-page pass per rule
        for i in range(1, n):
            x0, y0, ww, hh = stats[i, :4]
            if horizontal:
                side_a = ink[max(0, y0 - t - 1):max(0, y0 - 1), x0:x0 + ww]
                side_b = ink[y0 + hh + 1:y0 + hh + t + 1, x0:x0 + ww]
            else:
                side_a = ink[y0:y0 + hh, max(0, x0 - t - 1):max(0, x0 - 1)]
                side_b = ink[y0:y0 + hh, x0 + ww + 1:x0 + ww + t + 1]
            busy = max(float(side_a.mean()) if side_a.size else 0.0,
                       float(side_b.mean()) if side_b.size else 0.0) / 255
            if busy < RULE_SIDE_INK:
                keep[i] = True
        if keep.any():
            found[keep[labels]] = 255
    if not found.any():
        return grey
    found = cv2.dilate(found, np.ones((3, 3), np.uint8))
    if k > 1:
        found = cv2.resize(found, (w, h), interpolation=cv2.INTER_NEAREST)
        found = cv2.dilate(found, np.ones((3, 3), np.uint8))
    out = grey.copy()
    out[found > 0] = paper_grey(grey)
    return out


def _page_factor(h: float, w: float) -> float:
    """Scale that gives a sheet of paper TARGET_PAGE_HEIGHT px along A4's long side."""
    target = TARGET_PAGE_HEIGHT if h >= w else TARGET_PAGE_HEIGHT / A4_RATIO
    return min(target / max(h, 1.0), 2.0)


def scale_page(grey: np.ndarray, is_page: bool) -> np.ndarray:
    """A found sheet to ~300 dpi for A4; anything else only down to MAX_SIDE at most."""
    h, w = grey.shape
    f = _page_factor(h, w) if is_page else min(1.0, MAX_SIDE / max(h, w))
    if abs(f - 1.0) < 0.05:
        return grey
    interp = cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC
    return cv2.resize(grey, (max(1, int(w * f)), max(1, int(h * f))), interpolation=interp)
