"""The cell store keeps whole numbers in column arrays: it must behave as a dict of cells."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from renjacheck.workbook.cells import Cells, index_code
from renjacheck.workbook.column import GAP, HOLE, MISSING
from renjacheck.workbook.formats import Formats
from renjacheck.workbook.grid import Grid, Merge

# The edges of a column array's 32 bits among them: MISSING itself is no value of the array.
_VALUES = st.one_of(st.integers(-5, 5), st.integers(-(1 << 66), 1 << 66),
                    st.sampled_from([MISSING, MISSING + 1, -MISSING - 1, -MISSING]),
                    st.sampled_from(["Kode", "  ", "51"]), st.floats(-2, 2, allow_nan=False),
                    st.booleans())
_PLACES = st.tuples(st.integers(1, 3 * GAP), st.integers(1, 4))
_STYLES = st.sampled_from([0, 1, 2, 300, 70_000])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PLACES, _VALUES, _STYLES), max_size=60),
       st.lists(_PLACES, max_size=10))
def test_cells_behave_as_a_dict(puts, pops):
    cells, values, styles = Cells(), {}, {}
    for (row, col), value, style in puts:
        cells.put(row, col, value, style)
        values[(row, col)] = value
        styles[(row, col)] = style
    for key in pops:
        assert cells.pop(key, "none") == values.pop(key, "none")
    assert dict(cells.items()) == values
    assert {k: type(v) for k, v in cells.items()} == {k: type(v) for k, v in values.items()}
    assert sorted(cells.keys()) == sorted(values) and len(cells) == len(values)
    assert {key: cells.style(key) for key in values} == {key: styles[key] for key in values}
    rows: dict[int, list[int]] = {}
    for row, col in values:
        rows.setdefault(row, []).append(col)
    assert {r: sorted(c) for r, c in cells.by_row("q").items()} == \
        {r: sorted(c) for r, c in rows.items()}
    assert cells.extent() == ((max(r for r, _ in values), max(c for _, c in values))
                              if values else (0, 0))
    for row in range(1, 3 * GAP + 2):
        for col in range(1, 5):
            assert cells.get((row, col), "empty") == values.get((row, col), "empty")
    # Without the column arrays: every value but (some) whole numbers, where they are.
    rest = dict(cells.nonwhole_items())
    assert rest.items() <= values.items()
    assert all(type(v) is int for k, v in values.items() if k not in rest)
    assert all(cells.nonwhole(key, "empty") == rest.get(key, "empty") for key in values)


def test_a_whole_number_goes_to_its_column_and_a_far_one_to_the_dict():
    cells = Cells()
    cells.put(5, 2, 100, 1)
    cells.put(7, 2, 300, 2)  # two rows on: the array spans the gap
    cells.put(7 + GAP + 2, 2, 400, 1)  # farther than GAP below the run: the dict
    cells.put(6, 2, 1.5, 1)  # a fraction: the column's list, while the array's slot stays empty
    column = cells.columns[2]
    assert (column.start, column.style_at(0), column.style_at(2)) == (5, 1, 2)
    assert column.values[1] == MISSING
    assert cells.other == {(7 + GAP + 2, 2): 400}
    assert (cells.texts[2].start, cells.texts[2].values, cells.texts[2].styles,
            cells.texts[2].style) == (6, [1.5], None, 1)
    formats = Formats(cells, [None, "#,##0", "0.00%"])
    assert [formats.get((r, 2), "General") for r in (5, 6, 7, 8)] == \
        ["#,##0", "#,##0", "0.00%", "General"]
    assert dict(formats.items()) == {(5, 2): "#,##0", (6, 2): "#,##0", (7, 2): "0.00%",
                                     (7 + GAP + 2, 2): "#,##0"}


def test_text_goes_to_its_column_list_and_a_replaced_cell_leaves_a_hole():
    cells = Cells()
    cells.put(3, 1, "Kode")
    cells.put(5, 1, "3236", 4)  # two rows on: the list spans the gap with holes
    cells.put(4, 1, 1 << 31)  # beyond 32 bits: a value of the list, not of the array
    cells.put(3, 1, 7)  # a number where text was: the text's slot becomes a hole
    cells.put(6, 1, "x", 70_000)  # a style past 65535: the dict
    texts = cells.texts[1]
    assert (texts.start, texts.values[1:], list(texts.styles)) == (3, [1 << 31, "3236"], [0, 0, 4])
    assert texts.values[0] is HOLE and cells.columns[1].values[0] == 7
    assert cells.other == {(6, 1): "x"} and cells.styles == {(6, 1): 70_000}
    assert dict(cells.items()) == {(3, 1): 7, (4, 1): 1 << 31, (5, 1): "3236", (6, 1): "x"}
    assert cells.style((5, 1)) == 4 and cells.style((3, 1)) == 0 and len(cells) == 4
    assert cells.pop((5, 1)) == "3236" and cells.get((5, 1)) is None
    assert cells.extent() == (6, 1)


def test_a_column_past_65535_is_indexed_too():
    # No spreadsheet program writes one, but a crafted file may: the row index must hold it.
    cells = Cells()
    cells.put(3, 2, "Kode")
    cells.put(3, 70_000, 5)
    assert {r: sorted(c) for r, c in cells.by_row(index_code(70_000)).items()} == {3: [2, 70_000]}
    assert index_code(65_535) == "H" and index_code(65_536) == "q"


def test_a_column_array_holds_32_bits_and_its_styles_one_number_while_they_are_the_same():
    cells = Cells()
    cells.put(1, 1, -MISSING - 1, 7)  # Rp2.147.483.647: the array's largest
    cells.put(2, 1, -MISSING, 7)  # one more: the column's list
    cells.put(3, 1, MISSING, 7)  # the empty slot's own number: the list too
    column, texts = cells.columns[1], cells.texts[1]
    assert (column.styles, column.style, texts.styles, texts.style) == (None, 7, None, 7)
    cells.put(4, 1, 5, 300)  # another style, past 255: an array of two bytes a cell
    cells.put(6, 1, 8, 9)
    assert (column.values.itemsize, list(column.values)) == (4, [-MISSING - 1, MISSING,
                                                                 MISSING, 5, MISSING, 8])
    assert column.styles.typecode == "H" and len(column.styles) == len(column.values)
    texts.set_style(1, 3)  # row 3: a byte a cell while every style is below 256
    assert (texts.styles.typecode, list(texts.styles)) == ("B", [7, 3])
    assert [cells.get((r, 1)) for r in (1, 2, 3, 4, 5, 6)] == [-MISSING - 1, -MISSING, MISSING,
                                                               5, None, 8]
    assert [cells.style((r, 1)) for r in (1, 2, 3, 4, 5, 6)] == [7, 7, 3, 300, 0, 9]


def test_rows_that_fill_the_same_columns_share_one_index_array():
    cells = Cells()
    for row in range(10, 20):
        cells.put(row, 1, f"kode {row}")
        cells.put(row, 3, row)
    cells.put(15, 2, 1.5)
    cells.put(200, 3, 9)  # far below: a cell of the dict, its row indexed too
    filled = cells.by_row("H")
    assert {r: list(c) for r, c in filled.items()} == {
        **{r: [1, 3] for r in range(10, 20)}, 15: [1, 2, 3], 200: [3]}
    assert len({id(filled[r]) for r in range(10, 20) if r != 15}) == 1


def test_a_merged_row_gets_an_index_array_of_its_own():
    grid = Grid(name="Pendanaan")
    for row in (1, 2, 3):
        grid.values.put(row, 1, "kode")
        grid.values.put(row, 2, 100)
    merge = Merge(2, 3, 2, 4)
    grid.merges = {(2, 3): merge, (2, 4): merge}
    grid.index()
    assert [list(grid.filled[r]) for r in (1, 2, 3)] == [[1, 2], [1, 2, 3, 4], [1, 2]]
    assert grid.filled[1] is grid.filled[3] and grid.rows() == [1, 2, 3]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(1, 6), st.sampled_from(["t", 7, 1.5])),
                max_size=80),
       st.lists(st.tuples(st.integers(1, 60), st.integers(0, 30), st.integers(1, 6),
                          st.integers(0, 3)), max_size=4))
def test_nonwhole_items_outside_boxes_are_the_cells_no_box_covers(cells, boxes):
    # The identity search passes over the tables' own text a column run at a time.
    store = Cells()
    for row, col, value in cells:
        store.put(row, col, value)
    boxes = [(r, r + h, c, c + w) for r, h, c, w in boxes]
    want = {key: value for key, value in store.nonwhole_items()
            if not any(r1 <= key[0] <= r2 and c1 <= key[1] <= c2 for r1, r2, c1, c2 in boxes)}
    assert dict(store.nonwhole_items(boxes)) == want
