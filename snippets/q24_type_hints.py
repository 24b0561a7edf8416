def process(
    items: list[int],           # Python 3.9+ — no need for List from typing
    label: str | None = None,   # Python 3.10+ — union with | operator
    multiplier: float = 1.0,
) -> dict[str, int]:
    return {str(i * multiplier): i for i in items}
