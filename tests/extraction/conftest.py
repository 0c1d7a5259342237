from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SEED = HERE / "seeds" / "000_4e1cd2cae35460fe.txt"


@pytest.fixture
def seed_article() -> str:
    return SEED.read_text(encoding="utf-8")
