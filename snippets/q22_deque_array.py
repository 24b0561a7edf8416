from collections import deque
import array, sys

# deque for queue — O(1) both ends
queue = deque()
queue.append('first')
queue.append('second')
queue.appendleft('zeroth')   # O(1) — unlike list.insert(0, ...)
print(queue.popleft())       # 'zeroth' — O(1) — unlike list.pop(0)

# Sliding window with maxlen
recent = deque(maxlen=3)  # automatically drops oldest when full
for item in range(6):
    recent.append(item)
print(list(recent))  # [3, 4, 5]

# array for memory-efficient numeric storage
numbers_list  = list(range(100_000))
numbers_array = array.array('i', range(100_000))  # 'i' = signed int
print(sys.getsizeof(numbers_list))   # ~800,056 bytes
print(sys.getsizeof(numbers_array))  # ~400,064 bytes — roughly 2x smaller
