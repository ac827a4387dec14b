"""What renjacheck ships besides its code: the rules folder (rule files and the data beside
them), and reading their YAML. A leaf: it imports nothing of renjacheck, so any layer may."""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    """The shipped rules: inside the installed package, or the source tree's rules/."""
    package = Path(__file__).resolve().parent
    shipped = package / "_rules"
    return shipped if shipped.is_dir() else package.parent / "rules"


def data_file(name: str) -> Path:
    """A data file beside the rules (`singkatan.yaml`)."""
    return rules_dir() / "data" / name


def load_yaml(text: str, strings: bool = False):
    """Parse YAML safely, with libyaml's C parser when PyYAML has it (a few times faster).
    With `strings`, every scalar is read as written (`No` stays the text, not false)."""
    import yaml  # only where YAML is read: it costs start-up time `renjacheck --help` need not pay

    if strings:
        return yaml.load(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
