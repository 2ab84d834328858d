"""Read YAML keeping the line of every mapping and key, and refusing duplicate keys.

PyYAML's safe_load forgets where things are and lets a repeated key overwrite the first
one in silence; authors need both the line and the warning.
"""
import re

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import Problem


# libyaml's parser, where PyYAML was built with it, reads a bank several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml builds nested lists and mappings by recursion in C: some ten thousand `[` crash the process, so
# deeper files are refused before they are built. A course file nests a few levels.
MAX_DEPTH = 100


class Mapping(dict):
    """A dict that remembers its own line and the line of each key."""

    line = 1
    key_lines: dict


class Sequence(list):
    """A list that remembers its own line and the line each item starts on."""

    line = 1
    item_lines: list


def _describe_syntax_error(error, source_line=""):
    """Turn PyYAML's parser message into one an author can act on."""
    text = str(getattr(error, "problem", "") or error)
    indent = source_line[:len(source_line) - len(source_line.lstrip())]
    # "tab" as a word: libyaml's "unacceptable character" holds it too.
    if "'\\t'" in text or re.search(r"\btab\b", text) or "\t" in indent:
        return "the line is indented with a tab; YAML needs spaces: replace the tab with spaces"
    hint = "check the indentation and quote text that contains ': ' or starts with a special character"
    return f"the YAML does not parse ({text}); {hint}"


def load(text, path):
    """Parse YAML text. Returns (data, problems); data is None when it does not parse."""
    loader = None
    try:
        if line := _too_deep(text):
            return None, [Problem(path, line, f"lists and mappings nest more than {MAX_DEPTH} levels deep here; "
                                              "a course file needs a few: write the values out flat")]
        loader = LOADER(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        lines = text.splitlines()
        return None, [Problem(path, line, _describe_syntax_error(error, lines[line - 1] if line <= len(lines) else ""))]
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        return None, [Problem(path, 1, _describe_syntax_error(error))]
    finally:
        if loader is not None:
            loader.dispose()
    problems = []
    if node is None:
        return None, problems
    # PyYAML's constructors fail with KeyError on `!!bool maybe` and AttributeError on `!!timestamp soon`.
    try:
        return _build(node, loader, path, problems, {}), problems
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, KeyError, AttributeError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else node.start_mark.line + 1
        return None, problems + [Problem(path, line, f"this value cannot be read ({error}); write plain text, numbers, lists and mappings")]


def _too_deep(text):
    """The line where lists and mappings first nest deeper than MAX_DEPTH, or None. The parser's events come
    one after another, without recursion; a syntax error is left for the full load to report."""
    loader, depth = LOADER(text), 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def _build(node, loader, path, problems, seen):
    """seen: the lists and mappings built so far. An alias (`*name`) is the node it names, met again: nine aliases
    of a list of nine aliases of ... grow a few lines of YAML into billions of values, so none is followed."""
    if isinstance(node, (MappingNode, SequenceNode)):
        if id(node) in seen:
            if not seen[id(node)]:
                seen[id(node)] = True
                problems.append(Problem(path, node.start_mark.line + 1, "this list or mapping is repeated elsewhere "
                                        "with a YAML alias (`*name`); write it out in full where it is needed"))
            return Mapping() if isinstance(node, MappingNode) else Sequence()
        seen[id(node)] = False
    if isinstance(node, MappingNode):
        result = Mapping()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem(path, line, "a key must be a plain word, not a list or mapping"))
                continue
            key = loader.construct_object(key_node)
            if key in result:
                problems.append(Problem(path, line, f"the key '{key}' appears twice in the same mapping "
                                        f"(first on line {result.key_lines[key]}); keep one"))
                continue
            result[key] = _build(value_node, loader, path, problems, seen)
            result.key_lines[key] = line
        return result
    if isinstance(node, SequenceNode):
        result = Sequence(_build(item, loader, path, problems, seen) for item in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result
    return loader.construct_object(node)


def item_lines(sequence):
    """The line each item of a list read by load() starts on: a plain-text item knows no line of its own."""
    lines = getattr(sequence, "item_lines", None)
    return lines if lines is not None and len(lines) == len(sequence) else [getattr(sequence, "line", 1)] * len(sequence)


def line_of(mapping, key):
    """The line of key in mapping, or of the mapping itself when the key is absent."""
    lines = getattr(mapping, "key_lines", {})
    return lines.get(key, getattr(mapping, "line", 1))
