def read_config(path):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError as e:
        raise ConfigError(f'Config not found: {path}') from e
        # Traceback shows BOTH: ConfigError AND the original FileNotFoundError

def load_user(user_id):
    try:
        return db.query(user_id)
    except Exception:
        raise  # re-raises with original traceback — correct

def parse_user_id(raw):
    try:
        return int(raw)
    except ValueError as e:
        raise e  # DON'T DO THIS — traceback now starts here, original context lost

# raise from None — suppress context intentionally
class APIClient:
    def get_user(self, user_id):
        try:
            return self._http_get(f'/users/{user_id}')
        except HTTPError as e:
            if e.status_code == 404:
                # HTTPError is an internal detail — callers should see UserNotFoundError only
                raise UserNotFoundError(user_id) from None  # __cause__ and __context__ both suppressed
            raise
