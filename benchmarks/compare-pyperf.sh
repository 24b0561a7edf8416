#!/usr/bin/env bash
# guidecheck's timing method against pyperf's, fairly: the same four statements,
# the same number of processes and values (6 processes × 3 values, one warm-up
# value each, loops calibrated so a value lasts at least 100 ms), run alternately
# (guidecheck then pyperf, then pyperf then guidecheck, …) and repeated three
# times, so a drift of the machine's load falls on both. Each tool's figure per
# process (the median of that process's values) goes into one JSON document per
# tool, and `guidecheck bench --compare` gives, per statement, guidecheck's
# median relative to pyperf's with a 95 % interval (Welch's t over the 18
# processes of each), and whether the difference is significant.
#
# guidecheck embeds Debian's libpython3.11.so; Debian's /usr/bin/python3.11 is a
# separate static PGO+LTO build that runs such loops up to about 2x faster. So
# pyperf runs on a three-line launcher linked against the same libpython3.11.so
# (the same interpreter code: this compares the two methods), and once more as the
# venv's python3.11 (this shows what the build alone changes).
#
# Usage: benchmarks/compare-pyperf.sh [repetitions]   (from the repository root; needs pyperf from PyPI)
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=${1:-3}
swift build -c release --product guidecheck >/dev/null
bin=$PWD/.build/release/guidecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3.11 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pyperf
site=$("$work/venv/bin/python" -c 'import site; print(site.getsitepackages()[0])')

# python3.11 as a shared-library program: the interpreter guidecheck embeds.
printf '#include <Python.h>\nint main(int argc, char **argv) { return Py_BytesMain(argc, argv); }\n' > "$work/shared.c"
gcc -O2 "$work/shared.c" $(pkg-config --cflags --libs python3-embed) -o "$work/python3.11-shared"

mkdir -p "$work/catalog"
cat > "$work/catalog/micro.py" <<'PY'
LIST = list(range(1_000_000))
CHUNKS = ['x'] * 1_000_000


def sum_range():
    return sum(range(10_000_000))


def list_membership():
    return 999_999 in LIST


def join():
    return ''.join(CHUNKS)


def generator_sum():
    return sum(x * x for x in range(1_000_000))
PY
names=(sum_range list_membership join generator_sum)
declare -A statements=(
  [sum_range]="sum(range(10_000_000))"
  [list_membership]="999_999 in LIST"
  [join]="''.join(CHUNKS)"
  [generator_sum]="sum(x * x for x in range(1_000_000))"
)
{
  echo "benchmarks:"
  for name in "${names[@]}"; do
    echo "  - {name: $name, question: Q0, claim: \"${statements[$name]}\", guide: \"-\", file: micro.py, measure: time, figure: {value: $name}, unit: s, processes: 6, values: 3, expect: {at_least: 0}}"
  done
} > "$work/catalog/benchmarks.yaml"
setup="LIST = list(range(1_000_000)); CHUNKS = ['x'] * 1_000_000"

clock() { /usr/bin/python3.11 -c 'import time; print(time.monotonic())'; }
add() { /usr/bin/python3.11 -c "import sys; print(float(sys.argv[1]) + float(sys.argv[2]) - float(sys.argv[3]))" "$@"; }
declare -A wall=([guidecheck]=0 [shared]=0 [static]=0)
run_guidecheck() {  # run_guidecheck NAME REP
  local start; start=$(clock)
  "$bin" bench "$1" --quiet --benchmarks "$work/catalog" --json "$work/guidecheck-$1-$2.json" >/dev/null
  wall[guidecheck]=$(add "${wall[guidecheck]}" "$(clock)" "$start")
}
run_pyperf() {  # run_pyperf LABEL NAME REP PYTHON
  local start; start=$(clock)
  PYTHONPATH="$site" "$4" -m pyperf timeit --quiet --inherit-environ PYTHONPATH -p 6 -n 3 -w 1 --min-time 0.1 \
    -s "$setup" "${statements[$2]}" -o "$work/$1-$2-$3.json" >/dev/null
  wall[$1]=$(add "${wall[$1]}" "$(clock)" "$start")
}
for rep in $(seq 1 "$repetitions"); do
  for name in "${names[@]}"; do
    if (( rep % 2 )); then
      run_guidecheck "$name" "$rep"; run_pyperf shared "$name" "$rep" "$work/python3.11-shared"; run_pyperf static "$name" "$rep" "$work/venv/bin/python"
    else
      run_pyperf static "$name" "$rep" "$work/venv/bin/python"; run_pyperf shared "$name" "$rep" "$work/python3.11-shared"; run_guidecheck "$name" "$rep"
    fi
  done
  echo "repetition $rep of $repetitions done" >&2
done

# One bench document per tool, every process of every repetition: pyperf's runs
# become per-process figures (the median of each run's values), as guidecheck's are.
"$work/venv/bin/python" - "$work" "$repetitions" "${names[@]}" <<'PY'
import json, statistics, sys
import pyperf
work, repetitions, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def document(claims, processes):
    return {'python': '3.11.2', 'quick': False, 'seconds': 0,
            'machine': {'cores': 0, 'cpu': 'this machine', 'load_average': 0}, 'claims': claims}

def claim(name, figures, values):
    return {'benchmark': name, 'question': 'Q0', 'claim': name, 'guide': '-', 'verdict': 'reproduced',
            'measured': statistics.median(figures), 'unit': 's', 'per_process': figures, 'conditions': [],
            'values': values, 'samples': {}, 'cpu': {}, 'growth': [], 'warnings': [],
            'processes': len(figures), 'values_per_process': 3}

ours = []
for name in names:
    figures, values = [], []
    for rep in range(1, repetitions + 1):
        found = json.load(open(f'{work}/guidecheck-{name}-{rep}.json'))['claims'][0]
        figures += found['per_process']
        values += found['values']
    ours.append(claim(name, figures, values))
json.dump(document(ours, 0), open(f'{work}/guidecheck.json', 'w'))
for label in ('shared', 'static'):
    theirs = []
    for name in names:
        figures, values = [], []
        for rep in range(1, repetitions + 1):
            for run in pyperf.Benchmark.load(f'{work}/{label}-{name}-{rep}.json').get_runs():
                if run.values:
                    figures.append(statistics.median(run.values))
                    values += run.values
        theirs.append(claim(name, figures, values))
    json.dump(document(theirs, 0), open(f'{work}/pyperf-{label}.json', 'w'))
PY

echo "guidecheck relative to pyperf on the same libpython3.11.so (the methods compared; a change of +x % means guidecheck's median is x % higher):"
"$bin" bench --compare "$work/pyperf-shared.json" "$work/guidecheck.json" | sed 's/^/  /'
echo
echo "guidecheck (embedded libpython3.11.so) relative to pyperf on Debian's python3.11 binary (the build's effect):"
"$bin" bench --compare "$work/pyperf-static.json" "$work/guidecheck.json" | sed 's/^/  /'
echo
printf 'wall time over %s repetitions: guidecheck %.1f s, pyperf (shared) %.1f s, pyperf (static) %.1f s; each 6 processes × 3 values per statement and repetition\n' \
  "$repetitions" "${wall[guidecheck]}" "${wall[shared]}" "${wall[static]}"
