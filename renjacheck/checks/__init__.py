"""Shared arithmetic, text matching and narrative reading used by the rule kinds."""
