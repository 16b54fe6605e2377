"""Whether the text inside a candidate sheet outline runs level once the outline is undone.

A hand's shadow with a hard edge gives as strong an edge as the sheet's own border, and on a
pale desk it can be the strongest edge across the sheet: an outline along it is not a rectangle
seen in perspective, and undoing it shears the page, its lines tilted by ~10° and more (a rough
photo on a white desk: 38 % of its characters wrong; read without a sheet found, 0.7 %). A
letter's lines are printed parallel to the paper's edges, so on the real sheet, undone, they
run level (within 1.7° on the 49 rough photos surveyed, bends included; the check changes the
sheet found on no other page of the samples' scan, photo, hard and rough forms).
"""

from __future__ import annotations

import cv2
import numpy as np

MAX_TILT = 5.0  # degrees the text may run off level inside an undone outline


def sheared(grey: np.ndarray, quad: np.ndarray) -> bool:
    """Whether `grey`'s text, inside the outline `quad` (tl, tr, br, bl) undone into a
    rectangle, runs more than MAX_TILT off level (or off upright: text may be sideways)."""
    from .straighten import text_lines

    tl, tr, br, bl = quad.astype(np.float32)
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    if width < 50 or height < 50:
        return False
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    m = cv2.getPerspectiveTransform(np.array([tl, tr, br, bl]), dst)
    flat = cv2.warpPerspective(grey, m, (width, height), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)
    angle, _ = text_lines(flat)
    return abs(angle) > MAX_TILT
