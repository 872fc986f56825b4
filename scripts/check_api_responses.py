#!/usr/bin/env python3
"""Validate every response the `serve` tests received against docs/api.yaml (OpenAPI 3.1).

Usage: check_api_responses.py SPEC LOG.jsonl...

Each line of a log is `{"method": "GET", "path": "/healthz", "status": 200,
"content_type": "application/json", "body": <JSON value or text>}`. The path is matched to the
spec's templates; the operation must exist and document the status; a JSON body is validated
against the response schema (JSON Schema 2020-12, `#/components/...` refs resolved against the
spec). A path no template matches must be a 404/405 error body. Exits 1 on any failure.
"""
import json
import re
import sys

try:
    import yaml
    from jsonschema import Draft202012Validator, FormatChecker
except ImportError:  # pragma: no cover
    print("api check: needs python3 yaml and jsonschema", file=sys.stderr)
    sys.exit(1)


def compile_paths(spec):
    compiled = []
    for template, item in spec.get("paths", {}).items():
        parts = ["[^/]+" if s.startswith("{") else re.escape(s) for s in template.strip("/").split("/")]
        literal = sum(1 for s in template.split("/") if s and not s.startswith("{"))
        compiled.append((re.compile("^/" + "/".join(parts) + "$"), template, item, literal))
    compiled.sort(key=lambda e: -e[3])
    return compiled


def resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node and len(node) == 1:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def validate(spec, schema, body):
    root = dict(schema)
    root["components"] = spec["components"]
    validator = Draft202012Validator(root, format_checker=FormatChecker())
    return ["%s at %s" % (e.message, "/".join(str(p) for p in e.absolute_path) or "(root)")
            for e in validator.iter_errors(body)]


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    spec = yaml.safe_load(open(sys.argv[1]))
    paths = compile_paths(spec)
    error_schema = {"$ref": "#/components/schemas/Error"}
    failures, checked = [], 0
    for log in sys.argv[2:]:
        for number, line in enumerate(open(log), 1):
            if not line.strip():
                continue
            entry = json.loads(line)
            checked += 1
            where = "%s %s -> %s" % (entry["method"], entry["path"], entry["status"])
            match = next((e for e in paths if e[0].match(entry["path"])), None)
            if match is None:
                if entry["status"] not in (404, 405):
                    failures.append("%s: no documented path" % where)
                else:
                    failures += ["%s: %s" % (where, p) for p in validate(spec, error_schema, entry["body"])]
                continue
            operation = match[2].get(entry["method"].lower())
            if operation is None:
                if entry["status"] != 405:
                    failures.append("%s: %s has no %s" % (where, match[1], entry["method"]))
                else:
                    failures += ["%s: %s" % (where, p) for p in validate(spec, error_schema, entry["body"])]
                continue
            response = operation.get("responses", {}).get(str(entry["status"]))
            if response is None:
                failures.append("%s: status not documented for %s %s" % (where, entry["method"], match[1]))
                continue
            response = resolve(spec, response)
            content = response.get("content", {})
            kind = (entry.get("content_type") or "").split(";")[0].strip()
            if kind not in content:
                failures.append("%s: content type %r not documented (%s)" % (where, kind, ", ".join(content)))
                continue
            schema = content[kind].get("schema")
            if schema and kind == "application/json":
                failures += ["%s: %s" % (where, p) for p in validate(spec, schema, entry["body"])]
    for failure in failures:
        print("api check: " + failure)
    print("api check: %d responses checked against %s, %d failures" % (checked, sys.argv[1], len(failures)))
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
