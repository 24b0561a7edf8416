from contextlib import contextmanager

@contextmanager
def managed_connection(host, port):
    conn = create_connection(host, port)
    try:
        yield conn  # the value bound to `as`
    except Exception:
        conn.rollback()
        raise  # re-raise — never swallow exceptions silently
    finally:
        conn.close()  # always runs, even on exception

with managed_connection('localhost', 5432) as conn:
    conn.execute('SELECT 1')
# conn.close() is guaranteed to run
