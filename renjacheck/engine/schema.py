"""The JSON Schema of a rule file, generated from the rule model and every kind's `Params`.

Committed as rules/renjacheck-rule.schema.json for editors; regenerate it after adding or
changing a kind with `renjacheck rules --schema > rules/renjacheck-rule.schema.json`.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Union

from pydantic import Field, RootModel, create_model

from renjacheck.engine.rules import RuleFile
from renjacheck.kinds import KINDS

SCHEMA_NAME = "renjacheck-rule.schema.json"


def rule_schema() -> dict[str, Any]:
    """A discriminated union on `kind`: per kind, the common fields and that kind's params."""
    common = {name: (info.annotation, info) for name, info in RuleFile.model_fields.items()
              if name not in ("kind", "params")}
    branches = []
    for name in sorted(KINDS):
        # A subclass only to give the schema a readable name (Params_table_schema).
        params = create_model(f"Params_{name}", __base__=KINDS[name].params,
                              __doc__=KINDS[name].params.__doc__)
        required = any(f.is_required() for f in params.model_fields.values())
        branches.append(create_model(
            f"Rule_{name}", __config__=RuleFile.model_config, __doc__=f"A rule of kind {name}.",
            **common, kind=(Literal[name], ...),
            params=(params, ... if required else Field(default_factory=dict))))
    union = Annotated[Union[tuple(branches)], Field(discriminator="kind")]
    schema = RootModel[union].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "renjacheck rule",
            "description": "One rule of renjacheck: a rule kind, its parameters, its severity, "
                           "and its texts in Bahasa Indonesia (id) and English (en).",
            **{k: v for k, v in schema.items() if k != "title"}}


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(rule_schema(), ensure_ascii=False, indent=2) + "\n"
