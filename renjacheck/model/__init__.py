"""The plan model: the Plan a workbook reads into (plan.py) and the reading (build.py)."""
