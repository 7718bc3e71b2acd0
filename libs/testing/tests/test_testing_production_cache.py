"""A production's output is cached under its steps' code too: a step retuned produces afresh."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from soundforge.testing import production, production_bus

SR = 22050


def _tone() -> np.ndarray:
    t = np.arange(SR) / SR
    return (0.5 * np.sin(2 * np.pi * 220.0 * t)).astype(np.float32)


def test_a_retuned_step_produces_afresh_and_the_old_output_is_still_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE", str(tmp_path))
    produced = tmp_path / "produced"
    first = production.produce(_tone(), SR, "vinyl", seed=3)
    assert len(list(produced.glob("*.npy"))) == 1
    # What a changed module gives: another digest. The first output, overwritten with silence, must
    # not be what comes back.
    (kept,) = produced.glob("*.npy")
    np.save(kept, np.zeros_like(first))
    monkeypatch.setattr(production, "STEPS_CODE", "retuned")
    second = production.produce(_tone(), SR, "vinyl", seed=3)
    assert len(list(produced.glob("*.npy"))) == 2
    np.testing.assert_array_equal(second, first)  # computed afresh, by the same arithmetic
    monkeypatch.undo()
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE", str(tmp_path))
    assert not production.produce(_tone(), SR, "vinyl", seed=3).any()  # the old key reads its own entry


def test_the_steps_code_digest_moves_with_either_module(tmp_path: Path) -> None:
    sources = [Path(production.__file__), Path(production_bus.__file__)]
    copies = [Path(shutil.copy(source, tmp_path / source.name)) for source in sources]
    assert production.code_digest(*copies) == production.STEPS_CODE
    for copy in copies:
        text = copy.read_text()
        copy.write_text(text.replace("from __future__", "# retuned\nfrom __future__", 1))
        assert production.code_digest(*copies) != production.STEPS_CODE
        copy.write_text(text)
