# Dict as a fast lookup table (O(1) vs list O(n))
large_list = list(range(1_000_000))
large_dict = {i: True for i in range(1_000_000)}

999_999 in large_list  # O(n) — iterates up to 1M items
999_999 in large_dict  # O(1) — hash lookup

# Word frequency counter
from collections import Counter
text = "the quick brown fox jumps over the lazy dog the"
counts = Counter(text.split())
print(counts.most_common(3))  # [('the', 3), ('quick', 1), ('brown', 1)]
