import functools

class DataProcessor:
    def __init__(self, data):
        self.data = data

    @functools.lru_cache(maxsize=128)  # BUG: cache lives on DataProcessor.process
    def process(self, multiplier):     # every `self` that ever calls this is retained
        return [x * multiplier for x in self.data]

# Each instance is leaked:
for _ in range(1000):
    dp = DataProcessor(list(range(100)))
    dp.process(2)
# All 1000 DataProcessor instances are still alive in the lru_cache

# Fix 1: functools.cached_property for no-argument computed properties
class DataProcessor:
    def __init__(self, data):
        self.data = data

    @functools.cached_property          # stored in instance __dict__, garbage collected with instance
    def processed(self):
        return [x * 2 for x in self.data]

# Fix 2: cache on the instance itself (explicit, safe)
class DataProcessor:
    def __init__(self, data):
        self.data = data
        self._cache = {}

    def process(self, multiplier):
        if multiplier not in self._cache:
            self._cache[multiplier] = [x * multiplier for x in self.data]
        return self._cache[multiplier]
