"""renjacheck: checks a Renja (Rencana Kerja) workbook for internal consistency."""

__version__ = "0.1.0"
