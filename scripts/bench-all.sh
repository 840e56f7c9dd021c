#!/usr/bin/env bash
# Every criterion bench of benches/benches/ with modest times (whole run about 10 minutes on
# this 2-core machine), then the BENCHMARKS.md table from the medians of this run
# (benches/report.py): written to target/benchmarks-table.md and, with --write, into
# BENCHMARKS.md between the bench-table markers.
#   scripts/bench-all.sh            run + print the table
#   scripts/bench-all.sh --write    run + update BENCHMARKS.md
#   scripts/bench-all.sh --report   no run: table from the last run in target/criterion
#   scripts/bench-all.sh --report --write   both
# Env: AVALO_BENCH_ARGS overrides the criterion arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=; WRITE=0
for a in "$@"; do case $a in --write) WRITE=1 ;; --report) MODE=--report ;; *) echo "usage: $0 [--report] [--write]" >&2; exit 2 ;; esac; done
ARGS=${AVALO_BENCH_ARGS:---warm-up-time 1 --measurement-time 2 --noplot}
if [ "$MODE" != "--report" ]; then
  start=$(date +%s)
  mkdir -p target/bench-logs
  for b in benches/benches/*.rs; do
    name=$(basename "$b" .rs)
    echo "--- cargo bench --bench $name"
    # shellcheck disable=SC2086
    cargo bench -q -p avalo-benches --bench "$name" -- $ARGS 2>&1 | tr '\r' '\n' \
      | grep -v -E '^Benchmarking|^$|^Found|outliers|^  [0-9]+ \(|change:|Performance has|No change|Change within' \
      | tee "target/bench-logs/$name.log"
  done
  echo "--- criterion run took $(( $(date +%s) - start )) s"
fi
python3 benches/report.py > target/benchmarks-table.md
cat target/benchmarks-table.md
if [ "$WRITE" = 1 ]; then
  python3 - <<'PY'
import re
table = open("target/benchmarks-table.md").read().rstrip("\n")
doc = open("BENCHMARKS.md").read()
start, end = "<!-- bench-table:start -->", "<!-- bench-table:end -->"
new = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: f"{start}\n{table}\n{end}", doc, flags=re.S)
open("BENCHMARKS.md", "w").write(new)
PY
  echo "BENCHMARKS.md table updated"
fi
