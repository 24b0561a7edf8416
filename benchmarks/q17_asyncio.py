"""Q17: two awaits in a row take the sum of their waits; two tasks, the longest."""
import asyncio


async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f'{name}_result'


def sequential_awaits():
    async def main():
        await fetch_data('A', 2)
        await fetch_data('B', 1)
    asyncio.run(main())


def concurrent_awaits():
    async def main():
        task1 = asyncio.create_task(fetch_data('A', 2))
        task2 = asyncio.create_task(fetch_data('B', 1))
        await task1
        await task2
    asyncio.run(main())
