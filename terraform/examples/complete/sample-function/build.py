#!/usr/bin/env python3
"""Rebuilds sample-function.zip from index.py, byte for byte reproducibly (fixed timestamp and mode).

Usage: build.py [output.zip]   (default: sample-function.zip next to this file)
Why a checked-in zip: the example must plan without the hashicorp/archive provider, which the offline
provider mirror does not hold. scripts/test-terraform.sh rebuilds it and fails if the two differ.
"""
import pathlib
import sys
import zipfile

here = pathlib.Path(__file__).resolve().parent
out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here / "sample-function.zip"
info = zipfile.ZipInfo("index.py", date_time=(2020, 1, 1, 0, 0, 0))
info.external_attr = 0o644 << 16
info.compress_type = zipfile.ZIP_DEFLATED
with zipfile.ZipFile(out, "w") as archive:
    archive.writestr(info, (here / "index.py").read_bytes())
