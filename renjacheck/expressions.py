"""Row expressions for rule files (`target > 0`), parsed and checked once, evaluated safely.

Names are a table's columns (Pendanaan: `kode`, `uraian`, `total` and `satker_sum`, the sum of a
row's satker amounts); figures are Decimal, text is str. Allowed: literals, arithmetic,
comparisons, `in`, `and`/`or`/`not`, `x if c else y`, and the functions abs, min, max, round
(half up), len, lower, upper, startswith, contains. Evaluation is simpleeval's over a checked
tree, never Python's eval.
"""

from __future__ import annotations

import ast
import operator as op
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from simpleeval import InvalidExpression, SimpleEval, safe_add, safe_mult

from renjacheck.i18n import Problem
from renjacheck.rounding import quantize
from renjacheck.tables import registry
from renjacheck.tables.declare import FIGURES

__all__ = ["Compiled", "InvalidExpression", "column_names", "compile_expression", "evaluator",
           "evaluate"]


def column_names(table: str) -> dict[str, bool]:
    """The names a table offers (its kind's columns; `satker_sum` where it has satker), and
    whether each is a figure."""
    kind = registry.kind(table)
    names = {c.name: c.type in FIGURES for c in kind.columns}
    return names | ({"satker_sum": True} if kind.satker else {})



def _text(value: object) -> str:
    """`value` if it is text: a figure passed to a text function is a TypeError, as for len."""
    if not isinstance(value, str):
        raise TypeError(f"a text function got {type(value).__name__}, not text")
    return value


# name -> (function, fewest arguments, most arguments)
FUNCTIONS = {
    "abs": (abs, 1, 1), "min": (min, 2, 9), "max": (max, 2, 9), "len": (len, 1, 1),
    "round": (lambda x, n=0: quantize(x, int(n)), 1, 2),
    "lower": (lambda s: _text(s).lower(), 1, 1), "upper": (lambda s: _text(s).upper(), 1, 1),
    "startswith": (lambda s, prefix: _text(s).startswith(_text(prefix)), 2, 2),
    "contains": (lambda s, part: _text(part) in _text(s), 2, 2),
}
OPERATORS = {
    ast.Add: safe_add, ast.Sub: op.sub, ast.Mult: safe_mult, ast.Div: op.truediv,
    ast.Mod: op.mod, ast.USub: op.neg, ast.UAdd: op.pos, ast.Not: op.not_,
    ast.Eq: op.eq, ast.NotEq: op.ne, ast.Lt: op.lt, ast.LtE: op.le, ast.Gt: op.gt,
    ast.GtE: op.ge, ast.In: lambda x, y: x in y, ast.NotIn: lambda x, y: x not in y,
}
_NODES = (ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.BinOp, ast.UnaryOp, ast.Compare,
          ast.IfExp, ast.Call, ast.Name, ast.Load, ast.Constant, *OPERATORS)


@dataclass(frozen=True)
class Compiled:
    """A checked expression: its tree (numbers as Decimal) and the names it uses, in order."""

    text: str
    tree: ast.expr
    names: tuple[str, ...]


class _Decimals(ast.NodeTransformer):
    """Number literals become Decimal, so `target > 0.5` compares and adds exactly."""

    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return ast.copy_location(ast.Constant(Decimal(repr(node.value))), node)
        return node


# A rule's assertion is a line or two. Parsing, transforming and evaluating a tree all recurse:
# 3,000 `+` terms exhaust Python's stack, 100,000 unary minus signs its memory; both are refused
# when the rule file is loaded, before anything recurses over them.
MAX_CHARS = 2_000
MAX_DEPTH = 100


@lru_cache(maxsize=256)
def compile_expression(text: str, table: str) -> Compiled:
    """Parse `text` and check its names and functions against `table`; ValueError says why."""
    if len(text) > MAX_CHARS:
        raise Problem("expr.too_long", size=len(text), limit=MAX_CHARS)
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise Problem("expr.syntax", detail=exc.msg, column=exc.offset or 1) from None
    except (RecursionError, MemoryError):  # within MAX_CHARS only on an unusual interpreter
        raise Problem("expr.too_deep", limit=MAX_DEPTH) from None
    _check_depth(tree)
    names: list[ast.Name] = []
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise Problem("expr.node", node=type(node).__name__)
        if isinstance(node, ast.Call):
            _check_call(node)
        elif isinstance(node, ast.Name) and id(node) not in called:
            if node.id not in column_names(table):
                known = ", ".join(column_names(table))
                raise Problem("expr.name", name=node.id, table=table, known=known)
            names.append(node)
        elif isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str)):
            raise Problem("expr.literal", value=repr(node.value))
    ordered = sorted(names, key=lambda n: (n.lineno, n.col_offset))
    compiled = Compiled(text=text, tree=_Decimals().visit(tree).body,
                        names=tuple(dict.fromkeys(n.id for n in ordered)))
    _trial(compiled, table)
    return compiled


def _check_depth(tree: ast.AST) -> None:
    """Problem when the tree nests deeper than MAX_DEPTH (walked without recursing)."""
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise Problem("expr.too_deep", limit=MAX_DEPTH)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _check_call(node: ast.Call) -> None:
    name = node.func.id if isinstance(node.func, ast.Name) else None
    if name not in FUNCTIONS:
        raise Problem("expr.function", name=name or ast.unparse(node.func),
                      known=", ".join(FUNCTIONS))
    if node.keywords:
        raise Problem("expr.keywords", name=name)
    _, least, most = FUNCTIONS[name]
    if not least <= len(node.args) <= most:
        raise Problem("expr.arity" if most > least else "expr.arity1", name=name, least=least,
                      most=most, given=len(node.args))


def _trial(compiled: Compiled, table: str) -> None:
    """Run once on sample values so that text compared with a figure fails at load, not later."""
    sample = {n: Decimal(1) if figure else "x" for n, figure in column_names(table).items()}
    try:
        evaluate(compiled, sample)
    except TypeError:
        raise Problem("expr.mixed") from None
    except InvalidExpression as exc:
        raise ValueError(str(exc)) from None
    except (ArithmeticError, ValueError):
        pass  # depends on the row's values: such a row is skipped


def evaluator() -> SimpleEval:
    """An evaluator with only the allowed operators and functions; reuse it across rows."""
    return SimpleEval(operators=OPERATORS,
                      functions={name: f for name, (f, _, _) in FUNCTIONS.items()})


def evaluate(compiled: Compiled, values: dict, with_: SimpleEval | None = None) -> object:
    """The value of `compiled` with its names bound to `values`."""
    ev = with_ or evaluator()
    ev.names = values
    return ev.eval(compiled.text, previously_parsed=compiled.tree)
