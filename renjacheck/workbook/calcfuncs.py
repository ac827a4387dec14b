"""Excel functions pycel lacks, for calc.py (pycel loads them as a plugin module by name)."""

from __future__ import annotations


def counta(*args):
    """COUNTA: the values that are not empty, a text "" a formula gives included."""
    count = 0
    for arg in args:
        if isinstance(arg, tuple):
            count += sum(1 for row in arg for value in row if value is not None)
        elif arg is not None:
            count += 1
    return count
