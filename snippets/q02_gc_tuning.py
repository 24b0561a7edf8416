import gc

# Inspect current GC thresholds (default: (700, 10, 10))
# gen0 collected after 700 allocations, gen1 after 10 gen0 collections, etc.
print(gc.get_threshold())  # (700, 10, 10)

# Tune for lower latency: collect more frequently to avoid large pauses
gc.set_threshold(100, 5, 5)

# Or disable entirely if you have no cycles (measure first!)
gc.disable()

# Manually collect during a known idle window
gc.collect()
