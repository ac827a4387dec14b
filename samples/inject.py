#!/usr/bin/env python3
"""Injects the faults of a corpus plan (samples/src/other/*.yaml, `faults:`) and lists them.

    python samples/otherhands.py          every fault: its plan, the findings it must raise (rule
                                      and cell), why, and the cells it changes in the workbook

A fault is one or more patches of the source, applied before the builder computes the figures
(otherhands.py), so everything the builder computes stays consistent around the slip:
    finds:  [[RULE, "Sheet!F9"], ...]   the findings the fault must raise, first cell of each
    also:   [[RULE, "Sheet!C4"], ...]   findings it may raise besides, depending on how a rule
                                        reads the slipped figure (optional)
    why:    what the planner got wrong, and what the right figure is
    patch:  one patch or a list of them:
            table:    the table's name under `tables:`
            where:    {field: value}  fields that must be equal (compared as text), and/or
            contains: {field: text}   fields that must contain the text: exactly one row
            set:      {field: value}  (added when missing; the value must change)
            replace:  {field: {old: new}}  `old` must occur exactly once
A patch that selects no row or several, or changes nothing, fails the build.
"""
from __future__ import annotations

import copy

from openpyxl.utils import range_boundaries

PATCH_KEYS = {"table", "where", "contains", "set", "replace"}
FAULT_KEYS = {"finds", "also", "why", "patch"}


class PatchError(Exception):
    """A fault that does not apply as declared."""


def apply(plan: dict) -> dict:
    """A copy of the plan with every fault's patches applied."""
    plan = copy.deepcopy(plan)
    for number, fault in enumerate(plan.get("faults", []), 1):
        if not fault.get("finds") or not fault.get("why") or set(fault) - FAULT_KEYS:
            raise PatchError(f"fault {number}: needs finds:, why: and patch: (and may have "
                             "also:), nothing else")
        patches = fault["patch"] if isinstance(fault["patch"], list) else [fault["patch"]]
        for patch in patches:
            try:
                _patch(plan, patch)
            except PatchError as exc:
                raise PatchError(f"fault {number} ({fault['why'][:40]}...): {exc}") from None
    return plan


def _patch(plan: dict, patch: dict) -> None:
    unknown = set(patch) - PATCH_KEYS
    table = plan["tables"].get(patch.get("table"))
    if unknown or table is None:
        raise PatchError(f"unknown keys {sorted(unknown)}" if unknown else "no such table")
    where, contains = patch.get("where", {}), patch.get("contains", {})
    hits = [r for r in table["rows"] if isinstance(r, dict) and (where or contains)
            and all(k in r and str(r[k]) == str(v) for k, v in where.items())
            and all(k in r and str(v) in str(r[k]) for k, v in contains.items())]
    if len(hits) != 1:
        raise PatchError(f"selects {len(hits)} rows, must select exactly 1")
    row = hits[0]
    if not patch.get("set") and not patch.get("replace"):
        raise PatchError("nothing to do: needs set: or replace:")
    for key, value in (patch.get("set") or {}).items():
        if row.get(key) == value:
            raise PatchError(f"field {key!r} is already {value!r}")
        row[key] = value
    for key, pairs in (patch.get("replace") or {}).items():
        text = row.get(key)
        for old, new in pairs.items():
            if not isinstance(text, str) or text.count(old) != 1:
                raise PatchError(f"{old!r} does not occur exactly once in {key!r}")
            text = text.replace(old, new)
        row[key] = text


def check_cells(name: str, plan: dict, placed: list) -> None:
    """Every declared finding sits in a table the plan lays out (a typo'd cell fails the
    build, not the test)."""
    for fault in plan.get("faults", []):
        for rule, where in fault["finds"] + fault.get("also", []):
            sheet, _, cell = where.rpartition("!")
            first = cell.split(":")[0]
            col, row, _, _ = range_boundaries(first + ":" + first)
            inside = [p for p in placed if p.sheet == sheet and _within(p.range, col, row)]
            if not inside:
                raise PatchError(f"{name}: {rule} at {where} lies in no table")


def _within(span: str, col: int, row: int) -> bool:
    c1, r1, c2, r2 = range_boundaries(span)
    return c1 <= col <= c2 and r1 <= row <= r2
