"""schemathesis against the app's own OpenAPI spec (WSGI, no network): no 5xx, no answer the spec does not allow.

schemathesis' own pytest loader does not work with pytest 9 (it sets `Function._nodeid`), so each operation is
a parametrized test that draws cases from the operation's hypothesis strategy.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, negative_data_rejection, response_schema_conformance, status_code_conformance,
)

from foodca import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection]  # the last one: input that breaks the schema must get a 4xx
EXAMPLES_PER_OPERATION = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 8}


def operations() -> list[tuple[str, str]]:
    # The spec is made without touching a database, so a throwaway app can list the operations at collection.
    spec = create_app({"FOODCA_DATABASE_URL": "sqlite://"}).extensions["foodca_api"].spec
    return [(method.upper(), path) for path, item in spec.to_dict()["paths"].items() for method in item
            if method in ("get", "post", "put", "patch", "delete")]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda mode: mode.value)
@pytest.mark.parametrize(("method", "path"), operations(), ids=lambda value: value)
def test_operation_conforms_to_the_spec(app, client, auth, food_ids, method, path, mode):
    """Valid inputs (positive) and inputs that break the schema (negative: wrong types, missing fields ...)."""
    # Objects with small ids, which hypothesis tries early, so id paths reach more than 404.
    client.post("/api/v1/meals", json={"text": "一个馒头，两个鸡蛋，一个土豆"}, headers=auth)
    client.post("/api/v1/weights", json={"weight_kg": 70}, headers=auth)
    operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION[mode], deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case):
        # A negative case may leave out the Authorization header on purpose; sending ours then made a valid
        # request of it, and schemathesis failed the 200 as "schema-violating request accepted" (1 run in ~10).
        left_out = mode == GenerationMode.NEGATIVE and "Authorization" not in (case.headers or {})
        case.call_and_validate(headers={} if left_out else auth, checks=CHECKS)

    check()
