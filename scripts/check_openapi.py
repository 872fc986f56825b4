#!/usr/bin/env python3
"""Validate every JSON request body the test suite sent against Discord's OpenAPI spec.

Usage: check_openapi.py --spec openapi.json DIR

DIR holds `*.jsonl` files written by the emulator when SIMLANE_BODY_LOG_DIR is set; each line
is `{"method": "POST", "path": "/api/v10/guilds/1/channels", "body": {...}}`. Each body is
matched to the OpenAPI operation by method and path (the `/api/v10` prefix stripped) and
validated against the operation's requestBody schema (JSON Schema Draft 2020-12, refs into
`#/components/...` resolved against the spec). Prints counts per operation and every
failure with its reason. Exits 1 on any failure, on an unknown route, or if DIR holds body
files but no bodies.

Note: the spec allows `content` up to 4000 characters; Discord's docs say 2000 and the
client follows the docs. That rule is not checked here.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover
    print("openapi check: python3-jsonschema is not installed (apt-get install python3-jsonschema)",
          file=sys.stderr)
    sys.exit(1)

PREFIXES = ("/api/v10", "/api/v9", "/api")


def compile_paths(spec):
    """[(regex, template, operations)] for every path in the spec, literal segments first."""
    compiled = []
    for template, item in spec.get("paths", {}).items():
        parts = []
        for segment in template.strip("/").split("/"):
            if segment.startswith("{") and segment.endswith("}"):
                parts.append("[^/]+")
            else:
                parts.append(re.escape(segment))
        regex = re.compile("^/" + "/".join(parts) + "$")
        literal_count = sum(1 for s in template.split("/") if s and not s.startswith("{"))
        compiled.append((regex, template, item, literal_count))
    # Prefer the most specific template (`/thread-members/@me` over `/thread-members/{user_id}`).
    compiled.sort(key=lambda entry: -entry[3])
    return compiled


def strip_prefix(path):
    path = path.split("?", 1)[0]
    for prefix in PREFIXES:
        if path.startswith(prefix + "/"):
            return path[len(prefix):]
    return path


def find_operation(compiled, method, path):
    for regex, template, item, _ in compiled:
        if regex.match(path) and method.lower() in item:
            return template, item[method.lower()]
    return None, None


def request_schema(operation):
    body = operation.get("requestBody")
    if not body:
        return None
    content = body.get("content", {})
    media = content.get("application/json")
    if media is None:
        return None
    return media.get("schema")


def make_validator(spec, schema):
    # Wrap the operation schema in a document that carries the spec's components, so
    # `#/components/schemas/X` refs resolve inside the same resource.
    document = dict(schema)
    document["components"] = spec.get("components", {})
    return Draft202012Validator(document, format_checker=None)


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(body)"
    reason = error.message
    if error.context:
        best = sorted(error.context, key=lambda e: -len(list(e.absolute_path)))[0]
        inner = "/".join(str(p) for p in best.absolute_path) or where
        reason += f" [closest: {inner}: {best.message}]"
    if len(reason) > 600:
        reason = reason[:600] + "…"
    return f"{where}: {reason}"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", required=True, help="path to Discord's openapi.json")
    parser.add_argument("dir", help="directory of *.jsonl body logs")
    args = parser.parse_args(argv)

    with open(args.spec, encoding="utf-8") as handle:
        spec = json.load(handle)
    compiled = compile_paths(spec)
    files = sorted(glob.glob(os.path.join(args.dir, "*.jsonl")))

    counts = collections.Counter()
    failures = []
    validators = {}
    total = 0
    for file in files:
        with open(file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.strip()
                if not line:
                    continue
                where = f"{os.path.basename(file)}:{number}"
                try:
                    entry = json.loads(line)
                    method, path, body = entry["method"].upper(), entry["path"], entry["body"]
                except (ValueError, KeyError, AttributeError) as error:
                    failures.append(f"{where}: unreadable log line ({error})")
                    continue
                total += 1
                api_path = strip_prefix(path)
                template, operation = find_operation(compiled, method, api_path)
                if operation is None:
                    failures.append(f"{where}: {method} {api_path}: no such operation in the spec")
                    continue
                op_id = operation.get("operationId", f"{method} {template}")
                counts[op_id] += 1
                schema = request_schema(operation)
                if schema is None:
                    failures.append(f"{where}: {op_id} ({method} {api_path}): the spec defines no JSON body")
                    continue
                validator = validators.get(op_id)
                if validator is None:
                    validator = validators[op_id] = make_validator(spec, schema)
                errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
                for error in errors:
                    failures.append(f"{where}: {op_id} ({method} {api_path}): {describe(error)}")

    for op_id in sorted(counts):
        print(f"  {counts[op_id]:6d}  {op_id}")
    print(f"openapi check: {total} bodies in {len(files)} files, {len(counts)} operations, "
          f"{len(failures)} failures")
    if not files:
        print(f"note: no *.jsonl body logs in {args.dir} (was SIMLANE_BODY_LOG_DIR set for the tests?)")
    if counts.get("create_message") or counts.get("update_message"):
        print("note: message content is limited to 2000 characters by Discord's docs; the spec's 4000 is not used")
    for failure in failures:
        print(f"FAIL {failure}")
    if files and total == 0:
        print("FAIL body log files exist but hold no bodies")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
