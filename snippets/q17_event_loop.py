import asyncio

async def fetch_data(name, delay):
    print(f'{name}: starting')
    await asyncio.sleep(delay)  # yields control — simulates network I/O
    print(f'{name}: done after {delay}s')
    return f'{name}_result'

async def main():
    # Sequential: total time = 2 + 1 = 3 seconds
    # result1 = await fetch_data('A', 2)
    # result2 = await fetch_data('B', 1)

    # Concurrent: total time = max(2, 1) = 2 seconds
    task1 = asyncio.create_task(fetch_data('A', 2))
    task2 = asyncio.create_task(fetch_data('B', 1))
    result1 = await task1
    result2 = await task2
    print(result1, result2)

asyncio.run(main())
# B: starting
# A: starting
# B: done after 1s
# A: done after 2s
