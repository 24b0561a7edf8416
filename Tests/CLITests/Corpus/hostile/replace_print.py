import builtins
builtins.print = lambda *args, **kwargs: None
