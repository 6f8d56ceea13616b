#!/usr/bin/env python3
"""Checks that a second plan after an apply (`terraform show -json` of it) changes nothing, except attributes moto
is known not to store.

Usage: e2e_plan.py <plan.json> [<resource address>:<attribute> ...]
Each allowance names one resource and one top-level attribute whose drift is expected (moto 5.2 does not store a
function's LoggingConfig or KMSKeyArn, so the provider plans to set them again). Prints every other change and
exits 1 if there is any.
"""
import json
import sys

with open(sys.argv[1]) as f:
    plan = json.load(f)
allowed = {}
for allowance in sys.argv[2:]:
    address, attribute = allowance.rsplit(":", 1)
    allowed.setdefault(address, set()).add(attribute)

unexpected, tolerated = [], []
for change in plan.get("resource_changes", []):
    actions = change["change"]["actions"]
    if actions in (["no-op"], ["read"]):
        continue
    before, after = change["change"].get("before") or {}, change["change"].get("after") or {}
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if actions == ["update"] and changed and set(changed) <= allowed.get(change["address"], set()):
        tolerated.append(f"{change['address']} ({', '.join(changed)})")
    else:
        unexpected.append(f"{change['address']}: {'/'.join(actions)} {', '.join(changed)}")

for line in unexpected:
    print(f"plan: unexpected change {line}")
for line in tolerated:
    print(f"plan: drift moto cannot avoid: {line}")
print(f"plan: {len(unexpected)} unexpected changes")
sys.exit(1 if unexpected else 0)
