import sys
sys.setrecursionlimit(50)
