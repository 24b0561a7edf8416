#!/usr/bin/env bash
# Verifies the whole guide and prints where the time goes:
#   - wall time of the whole guide with --jobs 1 and with the default (all cores),
#     side by side in one run;
#   - guidecheck's harness overhead per snippet and per run (time spent outside the
#     snippets' own code: reading comments, forking pristine interpreters,
#     attributing output, reaping), from the --jobs 1 run;
#   - the same snippets, each run as its own `python3.11 snippet.py` process: wall
#     time minus the time its own code takes (measured by guidecheck) is what a
#     process per snippet costs;
#   - the counts: snippets, claims, claims per verdict.
# Usage: benchmarks/verify-guide.sh   (from the repository root; builds release first)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product guidecheck >/dev/null
bin=.build/release/guidecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

timed() {  # timed NAME COMMAND...: runs it, stores the wall seconds in $work/NAME.wall
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null || true   # verify exits 1 when expected/ differs; the figures still count
  end=$(date +%s.%N)
  echo "$end - $start" | bc > "$work/$name.wall"
}

cores=$(nproc)
timed jobs1 "$bin" verify --jobs 1 --json "$work/jobs1.json"
timed jobsN "$bin" verify --jobs "$cores" --json "$work/jobsN.json"

/usr/bin/python3.11 - "$work" "$cores" <<'PY'
import json, os, statistics, subprocess, sys, tempfile, time
work, cores = sys.argv[1], int(sys.argv[2])
report = json.load(open(f'{work}/jobs1.json'))
reportN = json.load(open(f'{work}/jobsN.json'))
wall1 = float(open(f'{work}/jobs1.wall').read())
wallN = float(open(f'{work}/jobsN.wall').read())

def ms(x): return f'{x * 1000:.2f} ms'
def pct(values, p):
    values = sorted(values); return values[min(len(values) - 1, int(p * len(values)))]

per_snippet, per_run, analysis = [], [], []
module_code = {}
for snippet in report['snippets']:
    timing = snippet['timing']
    if not timing['runs']:
        continue
    code = sum(run['code_seconds'] or 0 for run in timing['runs'])
    per_snippet.append(timing['worker_seconds'] - code)
    analysis.append(timing['analysis_seconds'])
    for run in timing['runs']:
        per_run.append(run['elapsed_seconds'] - (run['code_seconds'] or 0))
        if run['mode'] == 'module':
            module_code[snippet['file']] = run['code_seconds'] or 0

print(f"Python {report['python']}, {cores} cores")
print()
s1, sN = report['summary'], reportN['summary']
print('whole guide, guidecheck verify (both modes, every claim judged, compared with expected/)')
print(f'                          --jobs 1   --jobs {cores} (default)')
print(f'  wall time               {wall1:7.2f} s   {wallN:7.2f} s   ({wall1 / wallN:.2f}x)')
print(f'  snippets side by side   {s1["shared_phase_seconds"]:7.2f} s   {sN["shared_phase_seconds"]:7.2f} s   ({s1["shared_phase_seconds"] / sN["shared_phase_seconds"]:.2f}x)')
print(f'  exclusive, run alone    {s1["exclusive_phase_seconds"]:7.2f} s   {sN["exclusive_phase_seconds"]:7.2f} s   (timing and parallelism claims: never beside another)')
print()
print('guidecheck harness overhead (--jobs 1), time outside the snippets\' own code')
print(f'  per snippet (reading + 2 runs)   median {ms(statistics.median(per_snippet))}   p90 {ms(pct(per_snippet, .9))}   n={len(per_snippet)}')
print(f'  per run (fork to report)         median {ms(statistics.median(per_run))}   p90 {ms(pct(per_run, .9))}   n={len(per_run)}')
print(f'  reading (ast, tokenize, claims)  median {ms(statistics.median(analysis))}')

# The same snippets as python3.11 processes. Snippets with fixtures need names
# or servers python3.11 does not have, so they are left out of this comparison.
manifest = open('snippets/manifest.yaml').read()
chunks = manifest.split('  - file: ')[1:]
with_fixtures = {chunk.split('\n')[0] for chunk in chunks if '    fixtures:' in chunk or 'runnable: false' in chunk}
overhead = []
for name, code in sorted(module_code.items()):
    if name in with_fixtures:
        continue
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        subprocess.run(['/usr/bin/python3.11', os.path.abspath(f'snippets/{name}')], cwd=scratch,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        overhead.append(time.perf_counter() - start - code)
print()
print(f'one python3.11 process per snippet (n={len(overhead)}, snippets without fixtures)')
print(f'  per snippet (start + exit)       median {ms(statistics.median(overhead))}   p90 {ms(pct(overhead, .9))}')
print(f'  guidecheck per run is {statistics.median(overhead) / statistics.median(per_run):.1f}x cheaper; per snippet (two runs) {statistics.median(overhead) / statistics.median(per_snippet):.1f}x')
print()
verdicts = report['summary']['verdicts']
print(f"{report['summary']['snippets']} snippets, {report['summary']['claims']} claims: " +
      ', '.join(f'{verdicts[v]} {v}' for v in ['holds', 'normalised', 'context-dependent', 'wrong', 'not-checkable']))
PY
