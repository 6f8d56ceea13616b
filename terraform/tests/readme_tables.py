#!/usr/bin/env python3
"""Checks that a module's README lists every variable in its Inputs tables and every output in its Outputs table,
and nothing that no longer exists.

Usage: readme_tables.py <module directory> (reads <module directory>/*.tf and <module directory>/README.md)
"""
import glob
import os
import re
import sys

module = sys.argv[1]
declared = {"variable": set(), "output": set()}
for path in glob.glob(os.path.join(module, "*.tf")):
    with open(path) as f:
        for kind, name in re.findall(r'^(variable|output)\s+"([^"]+)"', f.read(), re.M):
            declared[kind].add(name)

with open(os.path.join(module, "README.md")) as f:
    readme = f.read()


def first_column_names(section):
    match = re.search(rf"^## {section}\n(.*?)(?=^## |\Z)", readme, re.M | re.S)
    if not match:
        return None
    names = set()
    for row in re.findall(r"^\|([^|\n]*)\|", match.group(1), re.M):
        names.update(re.findall(r"`([a-z0-9_]+)`", row))
    return names


problems = []
for kind, section in (("variable", "Inputs"), ("output", "Outputs")):
    listed = first_column_names(section)
    if listed is None:
        problems.append(f"README.md has no '## {section}' section")
        continue
    for name in sorted(declared[kind] - listed):
        problems.append(f"{kind} {name} is missing from the {section} table")
    for name in sorted(listed - declared[kind]):
        problems.append(f"the {section} table lists {name}, which is no {kind} of the module")

for problem in problems:
    print(f"readme: {problem}")
print(f"readme: {len(declared['variable'])} inputs, {len(declared['output'])} outputs, {len(problems)} problems")
sys.exit(1 if problems else 0)
