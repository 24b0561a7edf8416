#!/usr/bin/env bash
# Three of the guide's micro-benchmarks, timed by guidecheck and by pyperf's
# timeit (from PyPI, in a virtual environment of /usr/bin/python3.11), in one run:
# both medians, both spreads (MAD), their ratio, and each tool's wall time.
# The goal: medians within ±5 %, guidecheck's spread no wider, in less wall time.
#
# guidecheck embeds Debian's libpython3.11.so; Debian's /usr/bin/python3.11 is a
# separate, statically linked PGO+LTO build that runs such loops up to about 2x
# faster. So pyperf runs twice: on a three-line launcher linked against the same
# libpython3.11.so (the same interpreter code: this compares the two methods),
# and as the venv's python3.11 (this shows what the build alone changes).
#
# join allocates and frees a 1 MB string per call: its time depends on where
# glibc's malloc puts that block in each process's heap, which differs between
# pyperf's processes and guidecheck's by several percent either way.
# Usage: benchmarks/compare-pyperf.sh   (from the repository root; needs PyPI)
set -euo pipefail
cd "$(dirname "$0")/.."
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

# The same statements for both tools: Q9's sum, Q21's list scan, Q20's join,
# Q10's generator expression.
cat > "$work/micro.py" <<'PY'
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
cat > "$work/benchmarks.yaml" <<'YAML'
benchmarks:
  - {name: sum_range, question: Q9, claim: "sum(range(10_000_000))", guide: "-", file: micro.py, measure: time, figure: {value: sum_range}, unit: s, expect: {at_least: 0}}
  - {name: list_membership, question: Q21, claim: "999_999 in large_list", guide: "-", file: micro.py, measure: time, figure: {value: list_membership}, unit: s, expect: {at_least: 0}}
  - {name: join, question: Q20, claim: "''.join(chunks)", guide: "-", file: micro.py, measure: time, figure: {value: join}, unit: s, expect: {at_least: 0}}
  - {name: generator_sum, question: Q10, claim: "sum(x * x for x in range(n))", guide: "-", file: micro.py, measure: time, figure: {value: generator_sum}, unit: s, expect: {at_least: 0}}
YAML

seconds() { /usr/bin/python3.11 -c 'import time; print(time.monotonic())'; }

start=$(seconds)
"$bin" bench --benchmarks "$work" --json "$work/guidecheck.json" >/dev/null
guidecheck_wall=$(/usr/bin/python3.11 -c "print($(seconds) - $start)")

declare -A statements=(
  [sum_range]="sum(range(10_000_000))"
  [list_membership]="999_999 in LIST"
  [join]="''.join(CHUNKS)"
  [generator_sum]="sum(x * x for x in range(1_000_000))"
)
setup="LIST = list(range(1_000_000)); CHUNKS = ['x'] * 1_000_000"
run_pyperf() {  # run_pyperf LABEL PYTHON...: pyperf timeit each statement, wall seconds to $work/LABEL.wall
  local label=$1; shift
  local start
  start=$(seconds)
  for name in sum_range list_membership join generator_sum; do
    PYTHONPATH="$site" "$@" -m pyperf timeit --quiet --inherit-environ PYTHONPATH \
      -s "$setup" "${statements[$name]}" -o "$work/$label-$name.json" >/dev/null
  done
  /usr/bin/python3.11 -c "print($(seconds) - $start)" > "$work/$label.wall"
}
run_pyperf shared "$work/python3.11-shared"
run_pyperf static "$work/venv/bin/python"

"$work/venv/bin/python" - "$work" "$guidecheck_wall" <<'PY'
import json, sys
import pyperf
work, guidecheck_wall = sys.argv[1], float(sys.argv[2])
report = {claim['benchmark']: claim for claim in json.load(open(f'{work}/guidecheck.json'))['claims']}

def ms(value): return f'{value * 1e3:8.3f}'

for label, title in [('shared', 'pyperf on the same libpython3.11.so as guidecheck (the methods compared)'),
                     ('static', "pyperf on Debian's python3.11 binary (a different build: PGO + LTO, static)")]:
    wall = float(open(f'{work}/{label}.wall').read())
    print(title)
    print(f"  {'benchmark':<16} {'guidecheck ms':>20} {'pyperf ms':>20} {'ratio':>6}  verdict")
    for name in ['sum_range', 'list_membership', 'join', 'generator_sum']:
        ours = report[name]
        theirs = pyperf.Benchmark.load(f'{work}/{label}-{name}.json')
        median, mad = theirs.median(), theirs.median_abs_dev()
        ratio = ours['measured'] / median
        verdict = ('median within ±5 %' if abs(ratio - 1) <= 0.05 else 'median outside ±5 %') + \
                  (', spread no wider' if ours['spread'] <= mad else ', spread wider')
        print(f"  {name:<16} {ms(ours['measured'])} ± {ms(ours['spread'])} {ms(median)} ± {ms(mad)} {ratio:6.3f}  {verdict}")
    runs = len(pyperf.Benchmark.load(f'{work}/{label}-sum_range.json').get_runs())
    print(f"  wall time: guidecheck {guidecheck_wall:.1f} s, pyperf {wall:.1f} s ({wall / guidecheck_wall:.1f}x); "
          f"values: guidecheck {report['sum_range']['processes']} processes x {report['sum_range']['values_per_process']}, "
          f"pyperf {runs} runs")
    print()
PY
