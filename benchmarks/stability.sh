#!/usr/bin/env bash
# Are the benchmark verdicts stable? Runs `guidecheck bench --quick` three times
# in a row and prints each claim's three verdicts side by side, with its three
# figures. The goal: identical verdicts on a 2-core machine (inconclusive is an
# allowed answer: it says the interval straddles a bound, or the machine was busy).
#
# Usage: benchmarks/stability.sh [runs] [bench options…]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
swift build --product guidecheck >/dev/null
bin=$PWD/.build/debug/guidecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  "$bin" bench --quick --quiet --json "$work/run-$run.json" "$@" >/dev/null
  echo "run $run: $(( $(date +%s) - start )) s" >&2
done

/usr/bin/python3.11 - "$work" "$runs" <<'PY'
import json, sys
work, runs = sys.argv[1], int(sys.argv[2])
documents = [json.load(open(f'{work}/run-{run}.json')) for run in range(1, runs + 1)]
names = [claim['benchmark'] for claim in documents[0]['claims']]
by_run = [{claim['benchmark']: claim for claim in document['claims']} for document in documents]

def figure(claim):
    if claim.get('conditions'):
        return '/'.join(condition['verdict'][:4] for condition in claim['conditions'])
    if claim.get('measured') is None:
        return claim.get('observed') or '-'
    low, high = claim.get('interval') or [claim['measured']] * 2
    return f"{claim['measured']:.3g} [{low:.3g}, {high:.3g}]"

width = max(map(len, names))
print(f"{'benchmark':<{width}}  " + '  '.join(f'{"run " + str(run):<20}' for run in range(1, runs + 1)) + '  identical')
same = 0
for name in names:
    claims = [run[name] for run in by_run]
    verdicts = [claim['verdict'] for claim in claims]
    identical = len(set(verdicts)) == 1
    same += identical
    print(f'{name:<{width}}  ' + '  '.join(f'{verdict:<20}' for verdict in verdicts) + ('  yes' if identical else '  NO'))
    print(f"{'':<{width}}  " + '  '.join(f'{figure(claim):<20}' for claim in claims))
print(f'{same} of {len(names)} claims got the same verdict in all {runs} runs; '
      + ', '.join(f"run {run + 1}: {document['seconds']:.0f} s" for run, document in enumerate(documents)))
PY
