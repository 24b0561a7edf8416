def handle_command(command):
    match command.split():
        case ['quit']:
            return 'Quitting'
        case ['go', direction] if direction in ('north', 'south', 'east', 'west'):
            return f'Going {direction}'
        case ['get', obj, 'from', container]:
            return f'Getting {obj} from {container}'
        case ['help', *args]:    # *args captures remaining words
            return f'Help requested for: {args}'
        case _:                  # wildcard — matches anything
            return f'Unknown command: {command}'

print(handle_command('go north'))                # Going north
print(handle_command('get key from chest'))      # Getting key from chest
print(handle_command('help inventory spells'))   # Help requested for: ['inventory', 'spells']
