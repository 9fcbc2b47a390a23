"""numba kernels of the compiled engine (compiled.py).

The state is `re`, `im` (float64, 2^n each, qubit 0 the least significant bit of the index).
A 1-qubit op is one of three kinds: DENSE (any 2x2, maybe controlled), DIAGONAL (a 2x2
diagonal, no controls) or CONTROLLED_X (x, cnot, toffoli...: a swap of the pairs whose
controls are 1). Its kernel updates the pairs [lo, hi) of amplitudes, a pair being an index
without bit t; the loops run over contiguous stretches of 2^t amplitudes, which LLVM
vectorizes for t >= 3 (t < 3 has its own loop, with t a constant).

Entry points: `one_op` (one op over a range of pairs: two threads split a pass),
`local_ops` (a run of ops on chunks of the state, each chunk taken through every op while it
is in the core's cache), `dense_k` (any op, scalar) and `squared_norms`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

import numpy as np
import numpy.typing as npt
from numba import njit, uint64

from .kernel_kinds import CONTROLLED_X, DIAGONAL

Reals = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Kernel = TypeVar("Kernel", bound=Callable[..., object])


def _compiled(kernel: Kernel) -> Kernel:
    """Compiled on first call, cached on disk, releasing the GIL. fastmath lets LLVM
    reassociate the sums of products (vectorizing them): results move by rounding only, far
    inside the 1e-12 the tests hold. Bounds are not checked (numba's default)."""
    return cast(Kernel, njit(cache=True, nogil=True, fastmath=True)(kernel))


def _inlined(kernel: Kernel) -> Kernel:
    """Compiled into each caller, so constants (a low target) propagate into its loops."""
    return cast(Kernel, njit(nogil=True, fastmath=True, inline="always")(kernel))


@_inlined
def _low_pair(p: int, t: int) -> tuple[np.uint64, np.uint64]:
    """The two amplitudes of pair p on qubit t (p with a 0, then a 1, inserted at bit t), as
    unsigned indices: numba tests a signed index for being negative, which stops LLVM."""
    shift = uint64(t)
    u = uint64(p)
    j = ((u >> shift) << (shift + uint64(1))) | (u & ((uint64(1) << shift) - uint64(1)))
    return j, j + (uint64(1) << shift)


@_inlined
def _dense_low(re: Reals, im: Reals, t: int, m: Reals, lo: int, hi: int) -> None:
    """An uncontrolled 2x2 on qubit t < 3, block by block (pair by pair for t = 2). With t
    a constant and unsigned indices (`_low_pair`), the strided loads vectorize: 0.4-0.6 ns an
    amplitude against 1.1."""
    ar, ai, br, bi = m[0], m[1], m[2], m[3]
    cr, ci, dr, di = m[4], m[5], m[6], m[7]
    half = uint64(1) << uint64(t)
    if t == 2:  # measured: the pair-by-pair loop of `_diagonal_low` is faster here
        for p in range(lo, hi):
            j, k = _low_pair(p, t)
            xr, xi, yr, yi = re[j], im[j], re[k], im[k]
            re[j] = ar * xr - ai * xi + br * yr - bi * yi
            im[j] = ar * xi + ai * xr + br * yi + bi * yr
            re[k] = cr * xr - ci * xi + dr * yr - di * yi
            im[k] = cr * xi + ci * xr + dr * yi + di * yr
        return
    first = uint64(lo) << uint64(1)  # [lo, hi) starts and ends on a block of 2 half
    for b in range((hi - lo) >> t):
        base = first + uint64(b) * (half + half)
        for i in range(half):
            j = base + uint64(i)
            k = j + half
            xr, xi, yr, yi = re[j], im[j], re[k], im[k]
            re[j] = ar * xr - ai * xi + br * yr - bi * yi
            im[j] = ar * xi + ai * xr + br * yi + bi * yr
            re[k] = cr * xr - ci * xi + dr * yr - di * yi
            im[k] = cr * xi + ci * xr + dr * yi + di * yr


@_inlined
def _diagonal_low(re: Reals, im: Reals, t: int, m: Reals, lo: int, hi: int) -> None:
    """`_diagonal` for t < 3, pair by pair, as `_dense_low`."""
    d0r, d0i, d1r, d1i = m[0], m[1], m[6], m[7]
    for p in range(lo, hi):
        j, k = _low_pair(p, t)
        xr, xi, yr, yi = re[j], im[j], re[k], im[k]
        re[j] = d0r * xr - d0i * xi
        im[j] = d0r * xi + d0i * xr
        re[k] = d1r * yr - d1i * yi
        im[k] = d1r * yi + d1i * yr


@_inlined
def _controlled_x_low(re: Reals, im: Reals, t: int, controls: int, lo: int, hi: int) -> None:
    """`_controlled_x` for t < 3, pair by pair, as `_dense_low`."""
    mask = uint64(controls)
    for p in range(lo, hi):
        j, k = _low_pair(p, t)
        if j & mask == mask:
            re[j], re[k] = re[k], re[j]
            im[j], im[k] = im[k], im[j]


@_inlined
def _dense(re: Reals, im: Reals, t: int, controls: int, m: Reals, lo: int, hi: int) -> None:
    """A 2x2 `m` (re, im of its 4 entries, row by row) on qubit t where every bit of the
    mask `controls` is 1. Controls above t are the same across a run, so a run is taken or
    skipped whole; only controls below t are checked amplitude by amplitude."""
    if controls == 0:
        if t == 0:
            _dense_low(re, im, 0, m, lo, hi)
            return
        if t == 1:
            _dense_low(re, im, 1, m, lo, hi)
            return
        if t == 2:
            _dense_low(re, im, 2, m, lo, hi)
            return
    ar, ai, br, bi = m[0], m[1], m[2], m[3]
    cr, ci, dr, di = m[4], m[5], m[6], m[7]
    half = 1 << t
    high = controls & ~((half << 1) - 1)
    low = controls & (half - 1)
    p = lo
    while p < hi:
        offset = p & (half - 1)
        run = min(half - offset, hi - p)
        start = ((p >> t) << (t + 1)) + offset
        if start & high != high:
            pass
        elif low == 0:
            # No test in the loop, and each half a view of its own: LLVM vectorizes this
            # (indexing re[j] and re[j + half] it could not rule out an overlap).
            x_re, x_im = re[start : start + run], im[start : start + run]
            y_re, y_im = (
                re[start + half : start + half + run],
                im[start + half : start + half + run],
            )
            for j in range(run):
                xr, xi, yr, yi = x_re[j], x_im[j], y_re[j], y_im[j]
                x_re[j] = ar * xr - ai * xi + br * yr - bi * yi
                x_im[j] = ar * xi + ai * xr + br * yi + bi * yr
                y_re[j] = cr * xr - ci * xi + dr * yr - di * yi
                y_im[j] = cr * xi + ci * xr + dr * yi + di * yr
        else:
            for j in range(start, start + run):
                if j & low == low:
                    k = j + half
                    xr, xi, yr, yi = re[j], im[j], re[k], im[k]
                    re[j] = ar * xr - ai * xi + br * yr - bi * yi
                    im[j] = ar * xi + ai * xr + br * yi + bi * yr
                    re[k] = cr * xr - ci * xi + dr * yr - di * yi
                    im[k] = cr * xi + ci * xr + dr * yi + di * yr
        p += run


@_inlined
def _diagonal(re: Reals, im: Reals, t: int, m: Reals, lo: int, hi: int) -> None:
    """diag(m00, m11) on qubit t (`m` as in `_dense`)."""
    if t == 0:
        _diagonal_low(re, im, 0, m, lo, hi)
        return
    if t == 1:
        _diagonal_low(re, im, 1, m, lo, hi)
        return
    if t == 2:
        _diagonal_low(re, im, 2, m, lo, hi)
        return
    d0r, d0i, d1r, d1i = m[0], m[1], m[6], m[7]
    half = 1 << t
    p = lo
    while p < hi:
        offset = p & (half - 1)
        run = min(half - offset, hi - p)
        start = ((p >> t) << (t + 1)) + offset
        x_re, x_im = re[start : start + run], im[start : start + run]
        y_re, y_im = re[start + half : start + half + run], im[start + half : start + half + run]
        for j in range(run):  # views, as in `_dense`, so that it vectorizes
            xr, xi, yr, yi = x_re[j], x_im[j], y_re[j], y_im[j]
            x_re[j] = d0r * xr - d0i * xi
            x_im[j] = d0r * xi + d0i * xr
            y_re[j] = d1r * yr - d1i * yi
            y_im[j] = d1r * yi + d1i * yr
        p += run


@_inlined
def _controlled_x(re: Reals, im: Reals, t: int, controls: int, lo: int, hi: int) -> None:
    """X on qubit t where every bit of `controls` is 1 (checked as in `_dense`)."""
    if t == 0:
        _controlled_x_low(re, im, 0, controls, lo, hi)
        return
    if t == 1:
        _controlled_x_low(re, im, 1, controls, lo, hi)
        return
    if t == 2:
        _controlled_x_low(re, im, 2, controls, lo, hi)
        return
    half = 1 << t
    high = controls & ~((half << 1) - 1)
    low = controls & (half - 1)
    p = lo
    while p < hi:
        offset = p & (half - 1)
        run = min(half - offset, hi - p)
        start = ((p >> t) << (t + 1)) + offset
        if start & high != high:
            pass
        elif low == 0:  # views, as in `_dense`, so that it vectorizes
            x_re, x_im = re[start : start + run], im[start : start + run]
            y_re, y_im = (
                re[start + half : start + half + run],
                im[start + half : start + half + run],
            )
            for j in range(run):
                x_re[j], y_re[j] = y_re[j], x_re[j]
                x_im[j], y_im[j] = y_im[j], x_im[j]
        else:
            for j in range(start, start + run):
                if j & low == low:
                    k = j + half
                    re[j], re[k] = re[k], re[j]
                    im[j], im[k] = im[k], im[j]
        p += run


@_inlined
def _op(re: Reals, im: Reals, kind: int, t: int, controls: int, m: Reals, lo: int, hi: int) -> None:
    if kind == CONTROLLED_X:
        _controlled_x(re, im, t, controls, lo, hi)
    elif kind == DIAGONAL:
        _diagonal(re, im, t, m, lo, hi)
    else:
        _dense(re, im, t, controls, m, lo, hi)


@_compiled
def one_op(
    re: Reals, im: Reals, kind: int, t: int, controls: int, m: Reals, lo: int, hi: int
) -> None:
    """One 1-qubit op (`m`: its 2x2 as 8 floats, re and im row by row) on pairs [lo, hi)."""
    _op(re, im, kind, t, controls, m, lo, hi)


@_compiled
def local_ops(
    re: Reals,
    im: Reals,
    kinds: Ints,
    targets: Ints,
    controls: Ints,
    matrices: Reals,
    chunk_qubits: int,
    first: int,
    last: int,
) -> None:
    """Ops i = 0, 1, ... (every target below `chunk_qubits`) on chunks [first, last) of
    2^chunk_qubits amplitudes, chunk by chunk: each chunk goes through all the ops while it
    is in cache. Exact, because an op on a target inside the chunk pairs amplitudes of the
    same chunk. `matrices[i]` holds op i's 2x2 as 8 floats."""
    pairs = 1 << (chunk_qubits - 1)
    for chunk in range(first, last):
        lo = chunk * pairs
        for i in range(kinds.shape[0]):
            _op(re, im, kinds[i], targets[i], controls[i], matrices[i], lo, lo + pairs)


@_compiled
def dense_k(
    re: Reals,
    im: Reals,
    targets: Ints,
    mr: Reals,
    mi: Reals,
    controls: int,
    lo: int,
    hi: int,
) -> None:
    """A 2^k x 2^k matrix on `targets` (kron order: targets[0] is the most significant bit of
    a row) where every bit of `controls` is 1, for groups [lo, hi) (a group: an index without
    the target bits). Any gate, no SIMD."""
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
