"""Files the command-line tests write again and again: an organisation's own rule file, and a
waiver file, each valid as written (tests break them on purpose by replacing a part)."""

ORG_RULE = """\
id: ORG001
slug: uraian-pendek
kind: expression
severity: warning
title: {id: Uraian terlalu pendek, en: Label too short}
message: {id: "Uraian {uraian} terlalu pendek", en: "Label {uraian} is too short"}
rationale: {id: Alasan, en: Reason}
params: {table: pendanaan, assert: len(uraian) > 5}
"""
WAIVER_FILE = ('waivers:\n  - fingerprint: "811d1e3cf414f8e9"\n    reason: Menunggu revisi\n'
               "    accepted_by: Inspektur\n")
