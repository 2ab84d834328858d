"""The JSON Schema editors use agrees with the check: it accepts every bank and rejects a typo."""
import json

import jsonschema
import pytest
import yaml

from conftest import ROOT
from macros.bank import QUESTION_FIELDS

SCHEMA = json.loads((ROOT / "quizzes/schema.json").read_text(encoding="utf-8"))


def as_json(data):
    # YAML reads `true:`/`false:` feedback keys as booleans; JSON keys are strings.
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("path", sorted((ROOT / "quizzes").glob("*.yml")), ids=lambda p: p.name)
def test_every_bank_matches_the_schema(path):
    jsonschema.validate(as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), SCHEMA)


def test_the_schema_knows_exactly_the_question_fields():
    assert set(SCHEMA["$defs"]["question"]["properties"]) == set(QUESTION_FIELDS)


# What a schema can see in one question. Whether `answer: z` names one of the options it cannot express:
# the check reports that (tests/test_bank_validation.py, `answer: z` names no option).
@pytest.mark.parametrize("change", [{"promt": "typo"}, {"type": "essay"}, {"answer": ["a"]},
                                    {"type": "multiple", "answer": ["a", "a"]}, {"options": {"a": "A"}}],
                         ids=["unknown field", "unknown type", "single with a list", "option twice", "one option"])
def test_the_schema_rejects_mistakes(change):
    question = {"id": "q", "type": "single", "objective": "o", "prompt": "P", "options": {"a": "A", "b": "B"},
                "answer": "a", "feedback": {"a": "x", "b": "y"}}
    valid = {"lesson": "x", "questions": [question]}
    jsonschema.validate(valid, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"lesson": "x", "questions": [{**question, **change}]}, SCHEMA)
