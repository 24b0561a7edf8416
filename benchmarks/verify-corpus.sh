#!/usr/bin/env bash
# What isolation costs: guidecheck against a python3.11 process per snippet, on
# generated corpora of N small snippets (two functions and three `expr  # result`
# claims each), N = 50, 200 and 1000, or on a folder you give.
#
# In one run, alternated (guidecheck first, then the loop; the next repetition the
# other way round) and repeated, it times `guidecheck report` on the corpus and a
# shell-free loop starting `python3.11 snippet.py` for each snippet, and prints wall
# and CPU (user, sys) per snippet with their ratio, guidecheck's peak RSS (its own
# and its largest worker's), and where guidecheck's time goes, from its own phase
# timings (`report --timings`).
#
# With a Sybil environment it times Sybil too (an in-process runner that does not
# isolate, on the same code as Markdown blocks):
#   /usr/bin/python3.11 -m venv ~/.venvs/sybil && ~/.venvs/sybil/bin/pip install sybil pytest
#   SYBIL_VENV=~/.venvs/sybil benchmarks/verify-corpus.sh
#
# With --baseline BINARY it also times another guidecheck build (an older commit,
# built with `swift build -c release` in a worktree) in the same run, alternated.
#
# Usage: benchmarks/verify-corpus.sh [--repeat R] [--sizes "50 200 1000"] [--baseline BINARY] [FOLDER]
#        (from the repository root; builds release first)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=3
sizes="50 200 1000"
folder=""
baseline=""
while [ $# -gt 0 ]; do
  case $1 in
    --repeat) repeat=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --baseline) baseline=$(realpath "$2"); shift 2 ;;
    *) folder=$1; shift ;;
  esac
done
swift build -c release --product guidecheck >/dev/null
bin=$PWD/.build/release/guidecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

exec /usr/bin/python3.11 - "$bin" "$work" "$repeat" "${SYBIL_VENV:-}" "$folder" "$baseline" $sizes <<'PY'
import json, os, resource, statistics, subprocess, sys, time

binary, work, repeat, sybil, folder, baseline = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
sizes = [int(n) for n in sys.argv[7:]]


def snippet(i):
    """Two functions and three `expr  # result` claims: deterministic in i."""
    k = i % 7 + 1
    return (f"def area_{i}(w, h):\n    return w * h\n\n\n"
            f"def label_{i}(name):\n    return name.upper() + '-{i}'\n\n\n"
            f"area_{i}(3, {k})  # {3 * k}\n"
            f"label_{i}('x')  # 'X-{i}'\n"
            f"len([area_{i}(1, j) for j in range(5)])  # 5\n")


def corpus(n):
    root = f'{work}/corpus-{n}'
    os.makedirs(f'{root}/snippets', exist_ok=True)
    with open(f'{root}/guide.md', 'w') as markdown:
        for i in range(n):
            source = snippet(i)
            with open(f'{root}/snippets/s{i:04d}.py', 'w') as file:
                file.write(source)
            markdown.write(f'## Example {i}\n\n```python\n{source}```\n\n')
    return root


def measured(command, cwd):
    """Wall, user and sys seconds of a command and its children, and their peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        sys.exit(f'{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}')
    return {'wall': wall, 'user': after.ru_utime - before.ru_utime, 'sys': after.ru_stime - before.ru_stime,
            'stderr': result.stderr}


def python_loop(root):
    files = sorted(os.listdir(f'{root}/snippets'))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    for name in files:
        if name.endswith('.py'):
            subprocess.run(['/usr/bin/python3.11', name], cwd=f'{root}/snippets', stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {'wall': wall, 'user': after.ru_utime - before.ru_utime, 'sys': after.ru_stime - before.ru_stime}


def guidecheck(root):
    run = measured([binary, 'report', '--timings', '--json', f'{root}/report.json'], root)
    run['phases'] = json.load(open(f'{root}/report.json')).get('timings', {})
    return run


def guidecheck_baseline(root):
    return measured([baseline, 'report', '--json', f'{root}/baseline.json'], root)


def sybil_run(root):
    with open(f'{root}/conftest.py', 'w') as conftest:
        conftest.write('from sybil import Sybil\nfrom sybil.parsers.markdown import PythonCodeBlockParser\n'
                       "pytest_collect_file = Sybil(parsers=[PythonCodeBlockParser()], patterns=['*.md']).pytest()\n")
    return measured([f'{sybil}/bin/python', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'guide.md'], root)


roots = {n: corpus(n) for n in sizes} if not folder else {len([f for f in os.listdir(f'{folder}/snippets') if f.endswith('.py')]): folder}
tools = ['guidecheck'] + (['guidecheck (baseline)'] if baseline else []) + ['python3.11 per snippet'] + (['sybil'] if sybil else [])
results = {(n, tool): [] for n in roots for tool in tools}
for repetition in range(repeat):
    for n, root in roots.items():
        order = tools if repetition % 2 == 0 else list(reversed(tools))
        for tool in order:
            if tool == 'guidecheck':
                results[n, tool].append(guidecheck(root))
            elif tool == 'guidecheck (baseline)':
                results[n, tool].append(guidecheck_baseline(root))
            elif tool == 'sybil':
                results[n, tool].append(sybil_run(root))
            else:
                results[n, tool].append(python_loop(root))
    print(f'repetition {repetition + 1} of {repeat} done', file=sys.stderr)


def median(runs, key):
    return statistics.median(run[key] for run in runs)


print(f'{"N":>5}  {"tool":<24} {"wall ms/snippet":>16} {"user ms":>9} {"sys ms":>8} {"CPU ms":>8} {"CPU ratio":>10}')
for n in roots:
    base = results[n, 'python3.11 per snippet']
    base_cpu = median(base, 'user') + median(base, 'sys')
    for tool in tools:
        runs = results[n, tool]
        wall, user, system = median(runs, 'wall'), median(runs, 'user'), median(runs, 'sys')
        print(f'{n:>5}  {tool:<24} {wall / n * 1e3:>16.2f} {user / n * 1e3:>9.2f} {system / n * 1e3:>8.2f} '
              f'{(user + system) / n * 1e3:>8.2f} {(user + system) / base_cpu:>10.2f}')
    phases = results[n, 'guidecheck'][-1].get('phases') or {}
    if phases:
        order = ['main_start_and_corpus', 'worker_read', 'worker_runs_overhead', 'worker_code', 'worker_other', 'judge']
        spent = ', '.join(f'{name} {phases[name] * 1e3 / n:.2f}' for name in order if name in phases)
        print(f'{"":>5}  where guidecheck\'s time goes (ms per snippet, wall, summed over workers; last run): {spent}')
        print(f'{"":>5}  peak RSS: guidecheck {phases.get("guidecheck_peak_rss_mb", 0):.0f} MB, largest worker {phases.get("workers_peak_rss_mb", 0):.0f} MB')
print(f'medians of {repeat} repetitions; CPU = user + sys of the command and all its children; '
      'guidecheck runs each snippet twice (as a module and statement by statement), each in a fresh isolated process')
PY
