"""Q17: a blocking call inside async def stalls the whole event loop;
asyncio.to_thread() runs it in a thread pool and the loop goes on.

Four tasks each make a 0.1 s blocking call (time.sleep, which holds no CPU):
called directly they run one after another; through asyncio.to_thread they
overlap. A ticker task, waking every millisecond, shows how long the loop was
stalled around one such call: the longest gap between its ticks.
"""
import asyncio
import time

TASKS = 4
BLOCK = 0.1


async def _ticker(ticks):
    while True:
        ticks.append(time.perf_counter())
        await asyncio.sleep(0.001)


async def _run(blocking_in_loop, tasks, block):
    async def worker():
        if blocking_in_loop:
            time.sleep(block)                          # the guide's WRONG
        else:
            await asyncio.to_thread(time.sleep, block)  # the guide's CORRECT

    ticks = []
    ticker = asyncio.create_task(_ticker(ticks))
    await asyncio.sleep(0)  # the ticker starts
    await asyncio.gather(*(worker() for _ in range(tasks)))
    ticker.cancel()
    ticks.append(time.perf_counter())
    return max(b - a for a, b in zip(ticks, ticks[1:]))


# Wall time of 4 tasks, each calling time.sleep(0.1) inside async def.
def blocking_tasks(tasks=TASKS, block=BLOCK):
    asyncio.run(_run(True, tasks, block))


# Wall time of 4 tasks, each awaiting asyncio.to_thread(time.sleep, 0.1).
def to_thread_tasks(tasks=TASKS, block=BLOCK):
    asyncio.run(_run(False, tasks, block))


# The longest stretch (s) in which the ticker could not run, around one
# time.sleep(0.1) called inside async def.
def stall_blocking(block=BLOCK):
    return asyncio.run(_run(True, 1, block))


# The same around one asyncio.to_thread(time.sleep, 0.1).
def stall_to_thread(block=BLOCK):
    return asyncio.run(_run(False, 1, block))
