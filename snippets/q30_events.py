def process_event(event):
    match event:
        case {'type': 'click', 'x': x, 'y': y}:  # mapping pattern
            handle_click(x, y)
        case {'type': 'keypress', 'key': key}:
            handle_key(key)
        case int() | float():     # OR pattern — matches numeric types
            handle_number(event)
        case str() as text if len(text) > 0:
            handle_text(text)
