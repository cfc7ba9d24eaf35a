#!/usr/bin/python3
"""Validate YAML files against a JSON Schema, reading YAML the way oldc's C loader does.

This is the independent half of the test that checks that the C loader and the JSON
Schemas in schemas/ agree: the same files must be accepted, and rejected, by both.

    /usr/bin/python3 tests/schema/jsonschema_check.py SCHEMA FILE...

YAML is read as the YAML 1.2 core schema, strictly: `true`/`false` are the only booleans
(`yes`, `on`, `是` stay strings), dates stay strings (the "date" format checks them),
integers are [-+]?[0-9]+, floats only plain decimals, read as exact Decimals (so that
multipleOf 0.01 is exact), null is `null`, `~` or empty. Duplicate keys, anchors,
aliases, explicit tags, several documents, an empty file, a top level that is not a
mapping and invalid UTF-8 are errors. A UTF-8 BOM and CRLF line ends are fine.

Prints `PATH: valid` or `PATH: invalid: REASON` per file; exits 0 if all are valid,
1 if any is invalid, 2 on a usage error (or a schema that is not valid 2020-12).
Needs the Debian packages python3-jsonschema (4.10) and python3-yaml.
"""
import decimal
import fractions
import json
import re
import sys

import jsonschema
import yaml
from jsonschema import Draft202012Validator, ValidationError


class Dec(decimal.Decimal):
    """An exact decimal from the YAML text; repr is the plain text for messages."""
    def __repr__(self):
        return str(self)


class StrictYAMLError(yaml.MarkedYAMLError):
    pass


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolvers and no anchors, aliases or tags."""
    yaml_implicit_resolvers = {}

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise StrictYAMLError(problem="aliases are not allowed", problem_mark=event.start_mark)
        if event.anchor is not None:
            raise StrictYAMLError(problem="anchors are not allowed", problem_mark=event.start_mark)
        if getattr(event, "tag", None) is not None:
            raise StrictYAMLError(problem=f"explicit tags are not allowed ({event.tag})",
                                  problem_mark=event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise StrictYAMLError(problem="a mapping key must be a scalar",
                                      problem_mark=key_node.start_mark)
            key = key_node.value          # keys are strings, as in JSON
            if key in mapping:
                raise StrictYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


for tag, regex, first, construct in [
        ("bool", r"^(?:true|false)$", "tf", lambda loader, node: node.value == "true"),
        ("int", r"^[-+]?[0-9]+$", "-+0123456789", lambda loader, node: int(node.value)),
        ("float", r"^[-+]?[0-9]+\.[0-9]+$", "-+0123456789", lambda loader, node: Dec(node.value)),
        ("null", r"^(?:~|null|)$", ["~", "n", ""], lambda loader, node: None)]:
    StrictLoader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(regex), list(first))
    StrictLoader.add_constructor("tag:yaml.org,2002:" + tag, construct)


def load_strict(path):
    """Return (data, marks); marks maps a path tuple to the (line, column) of its node."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"invalid UTF-8 at byte {e.start}") from None
    loader = StrictLoader(text[1:] if text.startswith("\ufeff") else text)
    try:
        node = loader.get_single_node()   # raises on a second document
        if node is None:
            raise ValueError("empty file")
        if not isinstance(node, yaml.MappingNode):
            raise ValueError("the top level is not a mapping")
        data, marks = loader.construct_document(node), {}
        walk(node, (), marks)
        return data, marks
    finally:
        loader.dispose()


def walk(node, path, marks):
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            walk(value_node, path + (key_node.value,), marks)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            walk(item, path + (i,), marks)


def exact(x):
    return fractions.Fraction(repr(x)) if isinstance(x, float) else fractions.Fraction(x)


def multiple_of(validator, divisor, instance, schema):
    """multipleOf in exact rational arithmetic: 126500.55 is a multiple of 0.01."""
    if validator.is_type(instance, "number") and (exact(instance) / exact(divisor)).denominator != 1:
        yield ValidationError(f"{instance!r} is not a multiple of {divisor!r}")


def pattern(validator, regex, instance, schema):
    """pattern with ECMA-262 `$` (Python's `$` also matches before a final newline)."""
    if regex.endswith("$") and not regex.endswith("\\$"):
        regex = regex[:-1] + "\\Z"
    if validator.is_type(instance, "string") and not re.search(regex, instance):
        yield ValidationError(f"{instance!r} does not match {schema['pattern']!r}")


StrictValidator = jsonschema.validators.extend(
    Draft202012Validator, {"multipleOf": multiple_of, "pattern": pattern})


def first_error(validator, data, marks):
    """The error earliest in the file, narrowed to its most relevant sub-error."""
    def position(error):
        path = tuple(error.absolute_path)
        while path not in marks:
            path = path[:-1]
        return marks[path]
    errors = list(validator.iter_errors(data))
    if not errors:
        return None
    error = min(errors, key=position)   # min keeps schema order among equals
    best = jsonschema.exceptions.best_match([error])
    line, column = position(best)
    message = best.message
    if isinstance(best.instance, (dict, list)):   # do not echo a whole mapping or list
        message = message.replace(repr(best.instance), "{...}" if isinstance(best.instance, dict) else "[...]", 1)
    message = message if len(message) <= 200 else message[:197] + "..."
    return f"{best.json_path}: {message} (line {line}, column {column})"


def check(validator, path):
    try:
        data, marks = load_strict(path)
    except OSError as e:
        return f"cannot read: {e.strerror}"
    except ValueError as e:
        return str(e)
    except RecursionError:
        return "nesting too deep"
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return f"YAML: {' '.join(filter(None, (e.context, e.problem)))}{where}"
    except yaml.YAMLError as e:
        return f"YAML: {e}"
    return first_error(validator, data, marks)


def main(argv):
    if len(argv) < 3 or argv[1].startswith("-"):
        print(f"usage: {argv[0]} SCHEMA FILE...", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        StrictValidator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        print(f"{argv[1]}: not a usable JSON Schema: {getattr(e, 'message', e)}", file=sys.stderr)
        return 2
    validator = StrictValidator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    status = 0
    for path in argv[2:]:
        reason = check(validator, path)
        print(f"{path}: valid" if reason is None else f"{path}: invalid: {reason}")
        status = status if reason is None else 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
