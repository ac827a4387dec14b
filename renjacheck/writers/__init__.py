"""The writers of workbooks: the annotated copy of a checked workbook (annotate.py, with
losses.py for what a copy cannot carry over) and the blank template (template.py), both saved
through xlsx.py (atomically, never over an input, formula values kept)."""
