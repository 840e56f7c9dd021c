#!/usr/bin/env python3
"""Summarise `jfr print --events jdk.ExecutionSample` output: self time by frame and
inclusive time by frame (share of samples whose stack holds it), top N of each.
Usage: jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | jfr_top.py [N]"""
import re
import sys
from collections import Counter

N = int(sys.argv[1]) if len(sys.argv) > 1 else 25
FRAME = re.compile(r"^\s+(\S+?)\(.*\)\s+line:")
self_c, incl_c, total = Counter(), Counter(), 0
stack = None
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack = []
        continue
    m = FRAME.match(line)
    if m and stack is not None:
        stack.append(m.group(1))
    elif line.strip() == "]" and stack is not None:
        # end of stackTrace
        if stack:
            total += 1
            self_c[stack[0]] += 1
            for f in set(stack):
                incl_c[f] += 1
        stack = None
print(f"{total} samples")
print("--- self (top frame)")
for f, c in self_c.most_common(N):
    print(f"{100 * c / total:5.1f}%  {f}")
print("--- inclusive")
for f, c in incl_c.most_common(N):
    print(f"{100 * c / total:5.1f}%  {f}")
