"""One column's run of a sheet's cells: whole numbers in an array of 32-bit numbers, other
values in a list, their style indices one number while they share one (see cells.py)."""

from __future__ import annotations

from array import array

MISSING = -(1 << 31)  # an empty slot of a column array: no cell holds it (see `fits`)
HOLE = object()  # an empty slot of a column list: compares unequal to every value
GAP = 64  # empty rows a column array spans to reach its next cell; a farther one goes to the dict


def fits(value: object, style: int) -> bool:
    """True when a cell can live in a column array: a whole number of 32 bits, a small style."""
    return type(value) is int and MISSING < value < -MISSING and style < 65536


class Column:
    """One column's run of cells from row `start` down, with their style indices: whole numbers
    in an array (empty slots MISSING), or, with `objects`, any values in a list (empty: HOLE).

    Every cell of a column of a budget has the same style, as a rule: the styles are then one
    number (`style`, `styles` None) until a cell with another comes, and an array after."""

    __slots__ = ("start", "values", "styles", "style", "hole")

    def __init__(self, start: int, objects: bool = False, style: int = 0) -> None:
        self.start = start
        self.values: array | list = [] if objects else array("i")
        self.styles: array | None = None
        self.style = style  # of every cell while `styles` is None
        self.hole = HOLE if objects else MISSING

    def style_at(self, at: int) -> int:
        """The style index of slot `at` (of an empty slot: anything)."""
        return self.style if self.styles is None else self.styles[at]

    def add_style(self, style: int) -> None:
        """The style of the value just appended."""
        if self.styles is None:
            if style == self.style:
                return
            self._spread(len(self.values) - 1)
        self._fit(style)
        self.styles.append(style)

    def set_style(self, at: int, style: int) -> None:
        """The style of the value put in slot `at`."""
        if self.styles is None:
            if style == self.style:
                return
            self._spread(len(self.values))
        self._fit(style)
        self.styles[at] = style

    def _spread(self, size: int) -> None:
        # The column's one style over `size` slots, once a cell has another.
        self.styles = array("B" if self.style < 256 else "H", [self.style]) * size

    def _fit(self, style: int) -> None:
        # A byte a style until one is past 255.
        if style > 255 and self.styles.itemsize == 1:
            self.styles = array("H", self.styles)

    def place(self, row: int) -> int | None:
        """The index that `row` takes, the array grown with empty slots to reach it; None when
        it lies above the run or too far below it."""
        at = row - self.start
        size = len(self.values)
        if at == size:
            return at
        if 0 <= at < size:
            return at
        if size < at <= size + GAP:
            self.values.extend([self.hole] * (at - size))
            if self.styles is not None:
                self.styles.extend([0] * (at - size))
            return at
        return None

    def holds(self, at: int) -> bool:
        """True when slot `at` holds a cell."""
        value = self.values[at]
        return value is not self.hole and value != self.hole
