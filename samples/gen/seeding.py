"""Seeded randomness: one numpy Generator per (seed, letter, page, form).

Keying on the letter's name (not its position in a folder) means one letter
regenerates identically on its own, whatever other letters exist.
"""

from __future__ import annotations

import hashlib

import numpy as np


def rng_for(seed: int, letter: str, page: int, form: str) -> np.random.Generator:
    """Return a Generator that depends only on ``(seed, letter, page, form)``."""
    key = f"{seed}\x1f{letter}\x1f{page}\x1f{form}".encode()
    entropy = int.from_bytes(hashlib.sha256(key).digest()[:16], "big")
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy)))


def stable_index(letter: str, modulo: int) -> int:
    """A small integer from the letter's name, stable across runs and machines."""
    return int.from_bytes(hashlib.sha256(letter.encode()).digest()[:4], "big") % modulo
