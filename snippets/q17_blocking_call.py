async def main():
    # WRONG: blocks the event loop for 1 second
    import time
    time.sleep(1)

    # CORRECT: runs in a thread, yields control while waiting
    await asyncio.to_thread(time.sleep, 1)
