def example(
    pos_only,          # positional-only (before /)
    /,                 # / marker: everything before is positional-only
    normal,            # can be positional or keyword
    *args,             # variadic positional — remaining positional args
    kw_only,           # keyword-only (after *args or bare *)
    **kwargs           # variadic keyword — remaining keyword args
):
    pass
