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

A4_RATIO = 297 / 210
TARGET_PAGE_HEIGHT = 3300  # px for a full A4 page: ~280 dpi, where Tesseract's LSTM does well
ANALYSIS_SIDE = 1000


@dataclass(frozen=True)
class Steps:
    sheet: bool = True
    light: bool = True
    scale: bool = True


def straighten_page(img: Image.Image, steps: Steps = Steps()) -> Image.Image:
    grey = np.asarray(img.convert("L"))
    page_found = False
    if steps.sheet:
        warped = find_and_warp_sheet(grey)
        if warped is not None:
            grey, page_found = warped, True
    if steps.light:
        grey = even_light(grey)
    if steps.scale:
        grey = scale_page(grey, page_found)
    return Image.fromarray(grey)


def find_and_warp_sheet(grey: np.ndarray) -> np.ndarray | None:
    """The sheet of paper as a flat, upright-rectangle image; None when no clear sheet is seen."""
    quad = find_sheet(grey)
    return None if quad is None else warp_sheet(grey, quad)


def find_sheet(grey: np.ndarray) -> np.ndarray | None:
    """The sheet's four corners (tl, tr, br, bl) in `grey`'s pixels; None when no clear sheet."""
    h, w = grey.shape
    f = ANALYSIS_SIDE / max(h, w)
    small = cv2.resize(grey, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    quad = None
    for mask in _sheet_masks(small):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        if not contours:
            continue
        c = max(contours, key=cv2.contourArea)
        area = cv2.contourArea(c)
        frame = small.shape[0] * small.shape[1]
        if area < 0.15 * frame or area > 0.985 * frame:
            continue  # no sheet, or the sheet already fills the frame (a scan)
        quad = _sheet_corners(c, small.shape)
        if quad is not None:
            break
    if quad is None:
        return None
    quad /= f
    return np.array(_order(quad), np.float32)


def warp_sheet(grey: np.ndarray, quad: np.ndarray) -> np.ndarray | None:
    tl, tr, br, bl = quad
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    if width < 200 or height < 200:
        return None
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    m = cv2.getPerspectiveTransform(np.array([tl, tr, br, bl], np.float32), dst)
    return cv2.warpPerspective(grey, m, (int(width), int(height)), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def _sheet_masks(small: np.ndarray):
    """Candidate masks of the sheet, cheapest first: bright paper on a darker table (Otsu);
    the same after flattening a light gradient; and the closed outline of strong edges, for a
    grey table under uneven light."""
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    close = np.ones((25, 25), np.uint8)
    _, mask = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    yield cv2.morphologyEx(mask, cv2.MORPH_CLOSE, close)
    sigma = max(small.shape) / 4
    trend = cv2.GaussianBlur(blur.astype(np.float32), (0, 0), sigma)
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
    yield filled


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


def even_light(grey: np.ndarray) -> np.ndarray:
    """Divide by an estimate of the paper's brightness, so shadows and gradients go flat."""
    h, w = grey.shape
    f = 800 / max(h, w)
    small = cv2.resize(grey, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    # closing removes dark text strokes and keeps the paper; a median smooths what remains
    k = max(7, int(max(small.shape) / 60) | 1)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    bg = cv2.medianBlur(bg, k if k % 2 else k + 1)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    norm = grey.astype(np.float32) / np.maximum(bg, 1.0) * 235.0
    return np.clip(norm, 0, 255).astype(np.uint8)


def scale_page(grey: np.ndarray, is_page: bool) -> np.ndarray:
    h, w = grey.shape
    if is_page:
        target = TARGET_PAGE_HEIGHT if h >= w else int(TARGET_PAGE_HEIGHT / A4_RATIO)
        f = target / max(h, 1) if h >= w else target / max(h, 1)
        f = min(f, 2.0)
    else:
        f = min(1.0, 3600 / max(h, w))
    if abs(f - 1.0) < 0.05:
        return grey
    interp = cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC
    return cv2.resize(grey, (max(1, int(w * f)), max(1, int(h * f))), interpolation=interp)
