"""Undo the streak of a shaken photo (motion blur) on a cleaned-up page, before a second read.

A shaken camera smears every point of the page along one short straight line (the streak).
`find_streak` tells a streaked page from a sharp or evenly soft one by how its edges are spread
over directions, and measures the streak's direction and length from the page's spectrum;
`unstreak` then deconvolves the page with that streak. The reader keeps the second read only when
Tesseract is surer of it (read/__init__.py), so a wrong estimate costs time, not text (#16).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

# Letters' strokes make a page's left-right edges stronger than its up-down ones: on the rough
# sample pages without a streak, the horizontal gradient's energy is 1.45 x the vertical one's.
TEXT_GRADIENT_RATIO = 1.45
# A page is streaked when, with that taken out, its weakest direction of edges has less than this
# share of its strongest one's energy. Rough pages without a streak: 0.73-0.99 (one at 0.29, a
# chat photo whose sheet was not found, where the confidence check keeps the first read);
# streaks of 8 px and longer: 0.31-0.67 (one at 0.73, under a shadow); the short ones this
# mostly misses (5-6 px) cost Tesseract little (median page CER 0.6 %).
STREAKED = 0.72
# The spectral fit's length includes the lens blur's widening; deconvolving with this share of
# it read best on the rough pages (0.6, 0.75 and 1.0 measured; 1.0 rings).
LENGTH_SHARE = 0.6
# Weight of the smoothness term (a regularised, Laplacian-weighted Wiener filter): lower values
# bring up the grain of a dim photo, which Tesseract then reads as specks (0.03: CER up).
SMOOTHNESS = 0.35

_BLOCK = 256  # px: the spectrum is averaged over blocks of this size that hold text
_RADII = np.arange(6, 110)  # frequency radii used (of _BLOCK): below 6 only layout, above noise
_ANGLES = np.radians(np.arange(0, 180, 2.0))
_LENGTHS = np.arange(3.0, 16.0, 0.5)
# The anisotropy a page of text has in its own spectrum, without any streak: a smooth fit
# (cos/sin 2k·angle, k = 1..4, each quadratic in the standardised radius) to the mean detrended
# log spectrum of the rough sample pages without a streak of every second letter; on the other
# half's streaked pages it gives the same directions as the raw mean did.
_TEXT_PRIOR = (
    0.21, -0.001, -0.025, -0.009, 0.046, 0.012, 0.239, -0.062, -0.022, -0.013, 0.09, 0.008,
    0.093, -0.016, -0.009, -0.015, -0.066, 0.016, 0.075, -0.023, -0.027, -0.015, 0.05, 0.0,
)


@dataclass(frozen=True)
class Streak:
    """A straight motion blur: `length` px along `angle` degrees (clockwise from the x axis, as
    seen on screen; 0-180)."""

    length: float
    angle: float


def find_streak(grey: np.ndarray) -> Streak | None:
    """The streak a shaken camera left on this cleaned-up page (paper light, text dark), or None
    when its edges run every way as a sharp or evenly soft page's do, or there is too little text."""
    if _weakest_share(grey) >= STREAKED:
        return None
    spectrum = _log_polar_spectrum(grey)
    if spectrum is None:
        return None
    length, angle = _fit_streak(spectrum - _text_prior())
    return Streak(length=length * LENGTH_SHARE, angle=angle)


def unstreak(grey: np.ndarray, streak: Streak) -> np.ndarray:
    """The page deconvolved with the streak: a Wiener filter whose noise term grows with
    frequency (constrained least squares with a Laplacian), so the grain is not brought up."""
    kernel = streak_kernel(streak.length, streak.angle)
    pad = 2 * max(kernel.shape)
    page = cv2.copyMakeBorder(grey.astype(np.float32) / 255.0, pad, pad, pad, pad,
                              cv2.BORDER_REFLECT)
    blur = _transfer(kernel, page.shape)
    rough = _transfer(np.array([[0, -1, 0], [-1, 4, -1], [0, -1, 0]], np.float32), page.shape)
    gain = np.conj(blur) / (np.abs(blur) ** 2 + SMOOTHNESS * np.abs(rough) ** 2)
    out = np.fft.irfft2(np.fft.rfft2(page) * gain, s=page.shape)[pad:-pad, pad:-pad]
    return np.clip(out * 255.0 + 0.5, 0, 255).astype(np.uint8)


def streak_kernel(length: float, angle: float) -> np.ndarray:
    """A straight line `length` px long at `angle` degrees, anti-aliased, summing to 1."""
    size = math.ceil(length) | 1
    big = np.zeros((size * 4, size * 4), np.float32)  # drawn at 4 x, then shrunk
    c, half = size * 2, length * 2
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    ends = [(round((c + s * dx * half) * 16), round((c + s * dy * half) * 16)) for s in (-1, 1)]
    cv2.line(big, ends[0], ends[1], 1.0, thickness=4, lineType=cv2.LINE_AA, shift=4)
    kernel = cv2.resize(big, (size, size), interpolation=cv2.INTER_AREA)
    return kernel / max(float(kernel.sum()), 1e-6)


def _transfer(kernel: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The kernel's real-input spectrum on an image of `shape`, centred at the origin."""
    full = np.zeros(shape[:2], np.float32)
    kh, kw = kernel.shape
    full[:kh, :kw] = kernel
    return np.fft.rfft2(np.roll(full, (-(kh // 2), -(kw // 2)), axis=(0, 1)))


def _weakest_share(grey: np.ndarray) -> float:
    """Energy of the edges across the weakest direction over the strongest's, near the text,
    with the text's own left-right lead (TEXT_GRADIENT_RATIO) taken out; 1.0 without text."""
    smooth = cv2.GaussianBlur(grey.astype(np.float32), (0, 0), 1.5)
    gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1, ksize=3)
    near = cv2.dilate((grey < 200).astype(np.uint8), np.ones((15, 15), np.uint8)) > 0
    if near.sum() < 1000:
        return 1.0
    xx = float((gx * gx)[near].mean()) / TEXT_GRADIENT_RATIO
    yy = float((gy * gy)[near].mean())
    xy = float((gx * gy)[near].mean()) / math.sqrt(TEXT_GRADIENT_RATIO)
    # eigenvalues of the 2 x 2 structure tensor
    mean, spread = (xx + yy) / 2, math.hypot((xx - yy) / 2, xy)
    return (mean - spread) / max(mean + spread, 1e-9)


def _log_polar_spectrum(grey: np.ndarray) -> np.ndarray | None:
    """log power spectrum averaged over the page's text blocks, on (angle, radius) samples, with
    each radius's mean over angles taken off (what is left: how it differs by direction)."""
    page = grey.astype(np.float32)
    h, w = page.shape
    window = np.outer(np.hanning(_BLOCK), np.hanning(_BLOCK)).astype(np.float32)
    total, blocks = np.zeros((_BLOCK, _BLOCK)), 0
    for y in range(h // 10, h - _BLOCK - h // 10, _BLOCK // 2):
        for x in range(w // 12, w - _BLOCK - w // 12, _BLOCK // 2):
            block = page[y:y + _BLOCK, x:x + _BLOCK]
            if (block < 150).mean() < 0.03:
                continue  # paper only
            total += np.abs(np.fft.fft2((block - block.mean()) * window)) ** 2
            blocks += 1
    if blocks < 8:
        return None
    log = np.log(np.fft.fftshift(total / blocks) + 1e-6).astype(np.float32)
    c = _BLOCK // 2
    xs = (c + _RADII[None, :] * np.cos(_ANGLES[:, None])).astype(np.float32)
    ys = (c + _RADII[None, :] * np.sin(_ANGLES[:, None])).astype(np.float32)
    polar = cv2.remap(log, xs, ys, cv2.INTER_LINEAR)
    return polar - polar.mean(axis=0, keepdims=True)


def _text_prior() -> np.ndarray:
    r = (_RADII - _RADII.mean()) / _RADII.std()
    prior = np.zeros((len(_ANGLES), len(_RADII)))
    terms = iter(_TEXT_PRIOR)
    for k in range(1, 5):
        for j in range(3):
            prior += next(terms) * np.cos(2 * k * _ANGLES)[:, None] * r[None, :] ** j
            prior += next(terms) * np.sin(2 * k * _ANGLES)[:, None] * r[None, :] ** j
    return prior


def _fit_streak(spectrum: np.ndarray) -> tuple[float, float]:
    """(length, angle) of the streak whose spectrum (a sinc along its direction) matches best:
    every angle at once, by circular correlation over the angles."""
    best = (-np.inf, 0.0, 0.0)
    data = np.fft.rfft(spectrum, axis=0)
    freq = _RADII[None, :] / _BLOCK
    for length in _LENGTHS:
        model = 2 * np.log(np.maximum(np.abs(np.sinc(length * freq * np.cos(_ANGLES[:, None]))),
                                      0.15))
        model -= model.mean(axis=0, keepdims=True)
        score = np.fft.irfft(data * np.conj(np.fft.rfft(model, axis=0)), n=len(_ANGLES),
                             axis=0).sum(axis=1) / math.sqrt(float((model * model).sum()))
        i = int(np.argmax(score))
        if score[i] > best[0]:
            best = (float(score[i]), float(length), math.degrees(float(_ANGLES[i])))
    return best[1], best[2]
