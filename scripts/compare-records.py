#!/usr/bin/env python3
"""Compares two JSON Lines files of case records (`caseingest ingest --out`), matched by submissionId.

Usage: python3 scripts/compare-records.py BEFORE.jsonl AFTER.jsonl [--ignore-plugin NAME ...]

What may differ between two runs of the same packages is left out: processedAt, each plugin run's elapsedMs, and the
timings some plugins write (any key ending in "Ms"). --ignore-plugin drops a plugin's run, findings and nothing else
(a plugin that exists on one side only). Prints every difference by record and JSON path; exit code 1 when any.
"""
import json
import sys

VOLATILE = {"processedAt"}


def load(path):
    records = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                records[record["submissionId"]] = record
    return records


def scrub(value, ignored_plugins):
    if isinstance(value, dict):
        return {k: scrub(v, ignored_plugins) for k, v in value.items()
                if k not in VOLATILE and not k.endswith("Ms")}
    if isinstance(value, list):
        kept = [v for v in value if not (isinstance(v, dict) and
                                         (v.get("plugin") in ignored_plugins or
                                          ("outcome" in v and v.get("name") in ignored_plugins)))]
        return [scrub(v, ignored_plugins) for v in kept]
    return value


def differences(before, after, path=""):
    if type(before) is not type(after):
        yield f"{path}: {json.dumps(before, ensure_ascii=False)[:200]} → {json.dumps(after, ensure_ascii=False)[:200]}"
    elif isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            if key not in after:
                yield f"{path}.{key}: removed"
            elif key not in before:
                yield f"{path}.{key}: added {json.dumps(after[key], ensure_ascii=False)[:200]}"
            else:
                yield from differences(before[key], after[key], f"{path}.{key}")
    elif isinstance(before, list):
        if len(before) != len(after):
            yield f"{path}: {len(before)} items → {len(after)} items"
        for i, (b, a) in enumerate(zip(before, after)):
            yield from differences(b, a, f"{path}[{i}]")
    elif before != after:
        yield f"{path}: {json.dumps(before, ensure_ascii=False)[:200]} → {json.dumps(after, ensure_ascii=False)[:200]}"


def main(argv):
    args = [a for a in argv[1:]]
    ignored = set()
    while "--ignore-plugin" in args:
        i = args.index("--ignore-plugin")
        ignored.add(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    before, after = load(args[0]), load(args[1])
    count = 0
    for sid in sorted(set(before) | set(after)):
        if sid not in after or sid not in before:
            print(f"{sid}: only in {'BEFORE' if sid in before else 'AFTER'}")
            count += 1
            continue
        for line in differences(scrub(before[sid], ignored), scrub(after[sid], ignored)):
            print(f"{sid}{line}")
            count += 1
    print(f"{len(before)} records before, {len(after)} after: {count} differences", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
