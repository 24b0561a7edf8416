from collections import defaultdict, Counter

# defaultdict — no KeyError, no setdefault boilerplate
word_positions = defaultdict(list)
for i, word in enumerate("the cat sat on the mat".split()):
    word_positions[word].append(i)
# word_positions['the'] → [0, 4], word_positions['xyz'] → [] (not KeyError)

# Counter — frequency map with extras
letters = Counter("mississippi")
print(letters.most_common(3))  # [('s', 4), ('i', 4), ('p', 2)]
print(letters['z'])            # 0 — not KeyError

# Counter arithmetic
a = Counter("aab")
b = Counter("bbc")
print(a + b)  # Counter({'b': 3, 'a': 2, 'c': 1})
print(a - b)  # Counter({'a': 2}) — only positive counts kept
