import gc
gc.disable()
gc.set_threshold(1, 1, 1)
