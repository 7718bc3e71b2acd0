"""A production's output is cached under the code its chain runs too: a step retuned produces afresh,
a step added elsewhere leaves it valid."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from soundforge.testing import production

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
    monkeypatch.setattr(production, "chain_code", lambda chain: "retuned")
    second = production.produce(_tone(), SR, "vinyl", seed=3)
    assert len(list(produced.glob("*.npy"))) == 2
    np.testing.assert_array_equal(second, first)  # computed afresh, by the same arithmetic
    monkeypatch.undo()
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE", str(tmp_path))
    assert not production.produce(_tone(), SR, "vinyl", seed=3).any()  # the old key reads its own entry


SOURCES = production._SOURCES  # production.py's, then production_bus.py's


def _edited(index: int, old: str, new: str) -> tuple[str, ...]:
    """The two modules' sources with one text of module `index` replaced."""
    assert SOURCES[index].count(old) == 1, old
    return tuple(source.replace(old, new) if at == index else source for at, source in enumerate(SOURCES))


def test_a_step_added_to_the_bus_moves_no_chains_code() -> None:
    # What each new split did until the forty-third pass: two steps appended to production_bus.
    added = (SOURCES[0], SOURCES[1] + "\n\ndef newcomer(samples, rate, rng):\n    return samples * 0.5\n")
    for chain in ("room", "vinyl+mp3", "concourse", "tape+opus", "saturate"):
        assert production.chain_code(chain, added) == production.chain_code(chain)


def test_a_retuned_step_or_helper_moves_the_chains_that_run_it_and_no_other() -> None:
    room = _edited(0, "_RT60 = (0.4, 1.1)", "_RT60 = (0.4, 1.2)")
    assert production.chain_code("room", room) != production.chain_code("room")
    assert production.chain_code("hall+room", room) != production.chain_code("hall+room")
    assert production.chain_code("mp3", room) == production.chain_code("mp3")
    # vinyl's rumble is production_bus's: a helper of a step is followed into the other module.
    rumble = _edited(1, "def rumble(", "def rumble(  # retuned\n")
    assert production.chain_code("vinyl", rumble) != production.chain_code("vinyl")
    assert production.chain_code("room", rumble) == production.chain_code("room")


def test_produces_own_code_moves_every_chain() -> None:
    edited = _edited(0, "def produce(", "def produce(  # retuned\n")
    for chain in ("room", "mp3", "concourse+opus"):
        assert production.chain_code(chain, edited) != production.chain_code(chain)
