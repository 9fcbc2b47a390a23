"""The kinds of 1-qubit op the compiled kernels know, shared by compiled.py and _kernels.py
(which imports numba, so compiled.py cannot take them from there before it is needed)."""

from typing import Final

DENSE: Final = 0  # any 2x2, with or without controls
DIAGONAL: Final = 1  # a diagonal 2x2 without controls
CONTROLLED_X: Final = 2  # x with any controls: a swap of the pairs whose controls are 1
