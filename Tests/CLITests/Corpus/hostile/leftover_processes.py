import subprocess
subprocess.Popen(['/bin/sh', '-c', 'sleep 1000 # guidecheck-hostile-sleeper'])
subprocess.Popen(['/bin/sh', '-c', 'sleep 1000 # guidecheck-hostile-sleeper'], start_new_session=True)
