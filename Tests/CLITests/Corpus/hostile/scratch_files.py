import os, tempfile
open('temp_file.txt', 'w').write('x')
open(os.path.join(os.environ['HOME'], '.hostile'), 'w').write('x')
tempfile.mkdtemp()
os.remove('temp_file.txt')
