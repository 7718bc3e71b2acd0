"""A synthetic Sound Box community library written straight into the library's database (tests, bench).

Rows are inserted in bulk through the library's own table (so SQLite's FTS triggers run) with
deterministic prompts, models, categories, creators, ages and vote counts.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

WORDS = [
    "ambient",
    "piano",
    "melody",
    "soft",
    "warm",
    "pad",
    "deep",
    "bass",
    "drum",
    "groove",
    "upbeat",
    "electronic",
    "synth",
    "retro",
    "dark",
    "cinematic",
    "epic",
    "orchestral",
    "strings",
    "choir",
    "gentle",
    "rain",
    "forest",
    "wind",
    "birds",
    "calm",
    "night",
    "city",
    "lofi",
    "guitar",
    "acoustic",
    "jazz",
    "smooth",
    "funky",
    "disco",
    "techno",
    "house",
    "trance",
    "glitch",
    "noise",
    "crunchy",
    "bright",
    "shimmering",
    "dreamy",
    "haunting",
    "tense",
    "heroic",
    "playful",
    "slow",
    "fast",
    "pulsing",
    "distant",
    "echo",
    "reverb",
]
MUSIC_CATEGORIES = ("ambient", "electronic", "piano", "cinematic", "orchestral", "jazz", "lofi", "techno")
AUDIO_CATEGORIES = ("notification", "explosion", "nature", "rain", "wind", "impact", "whoosh", "ui")
BATCH = 2000


def generation_rows(count: int, *, seed: int = 0, now: datetime | None = None) -> list[dict[str, Any]]:
    from soundforge.library.soundbox_votes import wilson_lower_bound

    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    creators = [f"creator-{seed}-{i}" for i in range(50)]
    rows = []
    for i in range(count):
        model = "music" if rng.random() < 0.4 else "audio"
        pool = MUSIC_CATEGORIES if model == "music" else AUDIO_CATEGORIES
        up = int(rng.expovariate(0.3)) if rng.random() < 0.5 else 0
        down = int(rng.expovariate(1.0)) if rng.random() < 0.3 else 0
        generation_id = str(uuid.UUID(int=rng.getrandbits(128)))
        rows.append(
            {
                "id": generation_id,
                "filename": f"{generation_id}.wav",
                "prompt": " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9))),
                "model": model,
                "duration": float(rng.randint(1, 30)),
                "is_loop": rng.random() < 0.2,
                "quality_score": rng.randint(40, 100),
                "quality_issues": [],
                "categories": rng.sample(pool, rng.randint(0, 2)),
                "object_key": "",
                "spectrogram": f"{generation_id}.png",
                "spectrogram_key": "",
                "upvotes": up,
                "downvotes": down,
                "net_votes": up - down,
                "wilson_lower": wilson_lower_bound(up, down),
                "rating": 0,
                "user_id": rng.choice(creators),
                "created_at": now - timedelta(minutes=i),
                "job_id": None,
                "private": rng.random() < 0.02,
                "shuffle_key": rng.random(),
            }
        )
    return rows


async def insert_generations(database_url: str, rows: list[dict[str, Any]]) -> None:
    """Bulk-inserts `rows` (see generation_rows) into the library database at `database_url`."""
    from sqlalchemy import insert

    from soundforge.db import make_engine
    from soundforge.library.soundbox_models import Generation

    engine = make_engine(database_url)
    try:
        for start in range(0, len(rows), BATCH):
            async with engine.begin() as connection:
                await connection.execute(insert(Generation), rows[start : start + BATCH])
    finally:
        await engine.dispose()
