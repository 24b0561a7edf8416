print('fine')
print('unclosed'
