"""A worker process reads on one core (#19): OpenCV's pool and the BLAS/OpenMP libraries are held
to one thread before they load, so N worker processes on N cores scale (benchmarks/load.py)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import os
from snapdebrief.service.worker import one_core, one_core_env
one_core_env()
from snapdebrief import warm  # what run_worker loads before Celery forks
one_core()
import cv2
print(cv2.getNumThreads(), os.environ["OMP_NUM_THREADS"], os.environ["OPENBLAS_NUM_THREADS"])
"""


def test_a_worker_process_reads_on_one_core() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OPENCV_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         timeout=300, check=True).stdout.split()
    assert out == ["1", "1", "1"]


def test_an_operator_may_give_more_threads() -> None:
    env = dict(os.environ, OMP_NUM_THREADS="2", OPENCV_NUM_THREADS="2")
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         timeout=300, check=True).stdout.split()
    assert out[:2] == ["2", "2"]
