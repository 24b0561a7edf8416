import os
os.environ['GUIDECHECK_HOSTILE'] = 'leaked'
