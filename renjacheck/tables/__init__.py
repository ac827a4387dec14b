"""Tables: the kinds of table a plan workbook holds, declared one module a kind, and how they
are found on a sheet and read into typed columns (see registry.py for adding a kind)."""
