"""Stale waiver: a waiver (see renjacheck.waivers) that matches no finding of the workbook.

The finding it waived is gone (fixed, or the workbook changed so much that it is another
finding now), so the waiver signs off nothing and should be removed or renewed. A waiver whose
rule is switched off, or could not run on this workbook (its tables are missing), is not stale.
It runs after every other rule (`AFTER_FINDINGS`); its own findings cannot be waived.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams

ID = "stale_waiver"
# The engine runs this kind last, with the other rules' findings in ctx.findings.
NEEDS = Needs(findings=True)
PLACEHOLDERS = frozenset({"fingerprint", "rule", "reason", "accepted_by", "source"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every waiver that applies to the workbook and matches no finding."""
    for waiver in ctx.waivers:
        if any(waiver.matches(f) for f in ctx.findings):
            continue
        if waiver.rule is not None and waiver.rule not in ctx.ran:
            continue  # its rule did not run here: the finding may well still be there
        yield Hit(locations=(), key=(waiver.fingerprint,), expected=None,
                  actual=waiver.fingerprint,
                  args={"fingerprint": waiver.fingerprint, "rule": waiver.rule or "-",
                        "reason": waiver.reason, "accepted_by": waiver.accepted_by,
                        "source": str(waiver.source)})
