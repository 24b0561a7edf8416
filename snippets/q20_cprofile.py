# Or programmatically:
import cProfile
import pstats

with cProfile.Profile() as pr:
    your_expensive_function()

stats = pstats.Stats(pr)
stats.sort_stats('cumulative')
stats.print_stats(20)  # top 20 by cumulative time
