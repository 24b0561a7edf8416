import asyncio

# gather — simple parallel execution with optional error collection
async def use_gather():
    results = await asyncio.gather(
        fetch('/api/users'),
        fetch('/api/orders'),
        return_exceptions=True,  # don't fail-fast; collect errors as values
    )
    for r in results:
        if isinstance(r, Exception):
            print(f'Error: {r}')

# TaskGroup — Python 3.11+, structured concurrency
async def use_task_group():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(fetch('/api/users'))
        task2 = tg.create_task(fetch('/api/orders'))
    # Both tasks done here. ExceptionGroup raised if any failed.
    print(task1.result(), task2.result())
