python -m cProfile -s cumulative my_script.py | head -20
