# Without walrus — duplicate call or extra variable
line = f.readline()
while line:
    process(line)
    line = f.readline()

# With walrus — clean, no duplication
while line := f.readline():
    process(line)

# Filtering where the transformation is expensive
results = [
    processed
    for x in data
    if (processed := expensive_transform(x)) is not None
]
# Without walrus: expensive_transform would run twice — once for filter, once for value

# Capturing a regex match (common idiom)
import re
if m := re.search(r'(\d+)', text):
    print(m.group(1))  # m is in scope
