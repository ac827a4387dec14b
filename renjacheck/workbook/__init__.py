"""The workbook layer: an .xlsx vetted (safety.py) and streamed into a Grid a sheet (grid.py)."""
