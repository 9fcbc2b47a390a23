"""numba kernels of the compiled engine (compiled.py): each applies one gate to part of a state.

The state is `re`, `im` (float64, 2^n each, qubit 0 the least significant bit of the index).
Every kernel takes the range [lo, hi) of the units it updates, so that two threads can
split one gate: for a 1-qubit kernel a unit is a pair of amplitudes (the index without bit
t), for `dense_k` a group of 2^k (the index without the target bits). The loops over
pairs run over contiguous stretches of 2^t amplitudes, which LLVM vectorizes for t >= 3.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

import numpy as np
import numpy.typing as npt
from numba import njit

Reals = npt.NDArray[np.float64]
Kernel = TypeVar("Kernel", bound=Callable[..., None])


def _compiled(kernel: Kernel) -> Kernel:
    """Compiled on first call, cached on disk, releasing the GIL. fastmath lets LLVM
    reassociate the sums of products (vectorizing them): results move by rounding only, far
    inside the 1e-12 the tests hold. Bounds are not checked (numba's default)."""
    return cast(Kernel, njit(cache=True, nogil=True, fastmath=True)(kernel))


@njit(nogil=True, fastmath=True, inline="always")
def _dense_low(
    re: Reals,
    im: Reals,
    t: int,
    ar: float,
    ai: float,
    br: float,
    bi: float,
    cr: float,
    ci: float,
    dr: float,
    di: float,
    lo: int,
    hi: int,
) -> None:
    """`dense_1q` for t < 3, one pair at a time: inlined with t a constant, LLVM
    vectorizes the strided loads (a third faster than runs of 1-4 amplitudes)."""
    half = 1 << t
    for p in range(lo, hi):
        j = ((p >> t) << (t + 1)) | (p & (half - 1))
        k = j + half
        xr, xi, yr, yi = re[j], im[j], re[k], im[k]
        re[j] = ar * xr - ai * xi + br * yr - bi * yi
        im[j] = ar * xi + ai * xr + br * yi + bi * yr
        re[k] = cr * xr - ci * xi + dr * yr - di * yi
        im[k] = cr * xi + ci * xr + dr * yi + di * yr


@_compiled
def dense_1q(re: Reals, im: Reals, t: int, mr: Reals, mi: Reals, lo: int, hi: int) -> None:
    """A 2x2 (rows mr + i mi) on qubit t, for pairs [lo, hi)."""
    ar, ai, br, bi = mr[0, 0], mi[0, 0], mr[0, 1], mi[0, 1]
    cr, ci, dr, di = mr[1, 0], mi[1, 0], mr[1, 1], mi[1, 1]
    if t == 0:
        _dense_low(re, im, 0, ar, ai, br, bi, cr, ci, dr, di, lo, hi)
        return
    if t == 1:
        _dense_low(re, im, 1, ar, ai, br, bi, cr, ci, dr, di, lo, hi)
        return
    if t == 2:
        _dense_low(re, im, 2, ar, ai, br, bi, cr, ci, dr, di, lo, hi)
        return
    half = 1 << t
    p = lo
    while p < hi:
        offset = p & (half - 1)
        run = min(half - offset, hi - p)
        start = ((p >> t) << (t + 1)) + offset
        for j in range(start, start + run):
            k = j + half
            xr, xi, yr, yi = re[j], im[j], re[k], im[k]
            re[j] = ar * xr - ai * xi + br * yr - bi * yi
            im[j] = ar * xi + ai * xr + br * yi + bi * yr
            re[k] = cr * xr - ci * xi + dr * yr - di * yi
            im[k] = cr * xi + ci * xr + dr * yi + di * yr
        p += run


@_compiled
def diagonal_1q(
    re: Reals, im: Reals, t: int, d0r: float, d0i: float, d1r: float, d1i: float, lo: int, hi: int
) -> None:
    """diag(d0, d1) on qubit t, for pairs [lo, hi)."""
    half = 1 << t
    p = lo
    while p < hi:
        offset = p & (half - 1)
        run = min(half - offset, hi - p)
        start = ((p >> t) << (t + 1)) + offset
        for j in range(start, start + run):
            k = j + half
            xr, xi, yr, yi = re[j], im[j], re[k], im[k]
            re[j] = d0r * xr - d0i * xi
            im[j] = d0r * xi + d0i * xr
            re[k] = d1r * yr - d1i * yi
            im[k] = d1r * yi + d1i * yr
        p += run


@_compiled
def controlled_x(re: Reals, im: Reals, t: int, controls: int, lo: int, hi: int) -> None:
    """X on qubit t where every bit of the mask `controls` is 1, for pairs [lo, hi).

    Control bits above t are the same across a run of 2^t amplitudes, so a run is taken or
    skipped whole; only controls below t are checked amplitude by amplitude."""
    half = 1 << t
    high = controls & ~((half << 1) - 1)
    low = controls & (half - 1)
    p = lo
    while p < hi:
        offset = p & (half - 1)
        run = min(half - offset, hi - p)
        start = ((p >> t) << (t + 1)) + offset
        if start & high == high:
            if low == 0:
                for j in range(start, start + run):
                    k = j + half
                    re[j], re[k] = re[k], re[j]
                    im[j], im[k] = im[k], im[j]
            else:
                for j in range(start, start + run):
                    if j & low == low:
                        k = j + half
                        re[j], re[k] = re[k], re[j]
                        im[j], im[k] = im[k], im[j]
        p += run


@_compiled
def dense_k(
    re: Reals,
    im: Reals,
    targets: npt.NDArray[np.int64],
    mr: Reals,
    mi: Reals,
    controls: int,
    lo: int,
    hi: int,
) -> None:
    """A 2^k x 2^k matrix on `targets` (kron order: targets[0] is the most significant bit of
    a row) where every bit of `controls` is 1, for groups [lo, hi). Any gate, no SIMD."""
    k = targets.shape[0]
    size = 1 << k
    ordered = np.sort(targets)
    offsets = np.zeros(size, dtype=np.int64)
    for r in range(size):
        for a in range(k):
            if (r >> (k - 1 - a)) & 1:
                offsets[r] |= 1 << targets[a]
    xr = np.empty(size)
    xi = np.empty(size)
    for g in range(lo, hi):
        base = g
        for q in ordered:  # insert a 0 bit at each target position, lowest first
            base = ((base >> q) << (q + 1)) | (base & ((1 << q) - 1))
        if base & controls != controls:
            continue
        for r in range(size):
            xr[r] = re[base + offsets[r]]
            xi[r] = im[base + offsets[r]]
        for r in range(size):
            sr = 0.0
            si = 0.0
            for c in range(size):
                sr += mr[r, c] * xr[c] - mi[r, c] * xi[c]
                si += mr[r, c] * xi[c] + mi[r, c] * xr[c]
            re[base + offsets[r]] = sr
            im[base + offsets[r]] = si


@_compiled
def squared_norms(re: Reals, im: Reals, lo: int, hi: int) -> None:
    """re[j] = |re[j] + i im[j]|^2 for j in [lo, hi): the probabilities, over the real part."""
    for j in range(lo, hi):
        re[j] = re[j] * re[j] + im[j] * im[j]
