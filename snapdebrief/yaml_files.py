"""Every YAML file the program reads goes through here: one strict reading for all (#18).

Strict because a rules team edits these files by hand: a key given twice, a file that is no
mapping, a key the schema does not know or a value of the wrong shape is refused with a
`RuleFileError` that names the file, the line and what to do, never skipped or guessed at.
libyaml's parser is used when present (the pure-Python one took ~1 s of a cold start on
senders.yaml, #17). `load(path, Schema)` reads and checks one file; its callers cache what they build from it.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, SequenceNode

from .errors import RuleFileError

M = TypeVar("M", bound=BaseModel)

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20x faster


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _DecimalLoader(_Loader):
    """The same, with every float in the file a Decimal made from its own digits: a money table
    (WIK's 2500.00, 0.5 %) is read exactly, never through a binary float (#18)."""


def _decimal(loader: _DecimalLoader, node: Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise yaml.constructor.ConstructorError(None, None, f"{text!r} is not a number here",
                                                node.start_mark)
    return value


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def parse(path: Path, *, decimals: bool = False) -> tuple[Any, Node]:
    """The file's data and its node tree (for line numbers); RuleFileError when it is no mapping.
    `decimals`: floats come as Decimal (money tables)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise RuleFileError(
            str(path), None, f"not UTF-8 text ({e.reason})", "save as UTF-8"
        ) from None
    except OSError as e:
        raise RuleFileError(str(path), None, f"cannot read the file ({e.strerror})") from None
    loader = (_DecimalLoader if decimals else _Loader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RuleFileError(str(path), 1, "the file is empty", "copy a rule file as a start")
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise RuleFileError(
            str(path),
            mark.line + 1 if mark else None,
            f"not valid YAML: {e.problem or e.context}",
            "check the indentation and the quotes on this line; "
            "put text with a colon (:) or # between quotes",
        ) from None
    except yaml.YAMLError as e:
        raise RuleFileError(str(path), None, f"not valid YAML: {e}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise RuleFileError(
            str(path), node.start_mark.line + 1, "the file must be a mapping (key: value lines)"
        )
    return data, node


def node_at(root: Node, loc: Sequence[Any]) -> tuple[Node, bool]:
    """The YAML node at a pydantic error location, and whether the whole path was found."""
    node = root
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            for key_node, value_node in node.value:
                if getattr(key_node, "value", None) == part:
                    node = value_node
                    break
            else:
                return node, False
        elif isinstance(node, SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node, False
            node = node.value[part]
        # other parts (union members such as 'str' or 'list[...]') do not move us
    return node, True


def _key_node(root: Node, loc: Sequence[Any]) -> Node:
    """The node of the KEY at loc (for 'unknown key' errors), else the closest node."""
    parent, _ = node_at(root, loc[:-1])
    if isinstance(parent, MappingNode):
        for key_node, _v in parent.value:
            if getattr(key_node, "value", None) == loc[-1]:
                return key_node
    return parent


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def _allowed_keys(schema: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The keys allowed in the mapping at loc, by walking the schema (best effort)."""
    model: Any = schema
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
        info = model.model_fields.get(part)
        if info is None:
            return []
        model = _unwrap(info.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (list, Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            tp = models[0] if models else (args[0] if args else tp)
            if not models and get_origin(tp) is None:
                return tp
        else:
            return tp


def _loc_text(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def explain_validation(path: Path, root: Node, err: ValidationError,
                       schema: type[BaseModel]) -> RuleFileError:
    """The first problem pydantic found, as a RuleFileError on the line it is on."""
    errors = err.errors(include_url=False)

    def position(e: dict[str, Any]) -> tuple[int, int]:
        # A misspelt key also makes the right key "missing": name the typo first.
        return 0 if e["type"] == "extra_forbidden" else 1, line_of(node_at(root, e["loc"])[0])

    errors.sort(key=position)
    e = errors[0]
    loc = [p for p in e["loc"] if isinstance(p, (str, int))]
    where = _loc_text(loc)
    more = f" (and {len(errors) - 1} more problem(s) after it)" if len(errors) > 1 else ""
    kind = e["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(schema, loc[:-1])
        fix = "remove it or fix its spelling"
        if allowed:
            fix += "; allowed here: " + ", ".join(allowed)
        return RuleFileError(
            str(path), line_of(_key_node(root, loc)), f"unknown key '{loc[-1]}'{more}", fix
        )
    node, _found = node_at(root, loc)
    if kind == "missing":
        return RuleFileError(
            str(path),
            line_of(node),
            f"missing key '{loc[-1]}' in {_loc_text(loc[:-1]) or 'the top level'}{more}",
            f"add '{loc[-1]}:' (see rules/README.md for what it holds)",
        )
    if kind == "rule":
        ctx = e.get("ctx") or {}
        return RuleFileError(
            str(path),
            line_of(node),
            f"{where}: {ctx.get('problem', e['msg'])}{more}",
            ctx.get("fix", ""),
        )
    if kind == "literal_error":
        return RuleFileError(
            str(path),
            line_of(node),
            f"{where}: {e['input']!r} is not allowed{more}",
            e["msg"].replace("Input should be", "use"),
        )
    msg = e["msg"].removeprefix("Value error, ")
    fix = ""
    if kind in ("list_type", "dict_type", "model_type"):
        fix = "check the shape: see rules/README.md"
        if loc and loc[-1] == "help":
            fix = "write help ids as a list: help: [geldfit, buurtteam]"
    elif kind == "string_pattern_mismatch":
        fix = "ids use lowercase letters, digits and single dashes, e.g. eerste-aanmaning"
    return RuleFileError(str(path), line_of(node), f"{where}: {msg}{more}", fix)


def check(path: Path, data: Any, root: Node, schema: type[M]) -> M:
    """`data` validated against `schema`; a problem is raised on its line."""
    try:
        return schema.model_validate(data)
    except ValidationError as err:
        raise explain_validation(path, root, err, schema) from None


def load(path: Path | str, schema: type[M], *, decimals: bool = False) -> M:
    """The file read and checked against `schema` (each caller caches what it builds from it,
    keyed on the file's modification time). `decimals`: floats read as Decimal, see parse()."""
    p = Path(path)
    data, root = parse(p, decimals=decimals)
    return check(p, data, root, schema)
