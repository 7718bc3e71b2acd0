"""A numpy set's renders are cached under its parameters too: a patch retuned renders afresh."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from soundforge.testing import arithmetic_render
from soundforge.testing.midi_render import Note, render_notes


def test_a_retuned_patch_renders_afresh_and_the_old_one_is_still_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOUNDFORGE_MIDI_CACHE", str(tmp_path))
    original = arithmetic_render.ARITHMETIC
    notes = [Note(0.0, 0.5, 60, 100)]
    first = render_notes(notes, {0: 2}, 0.8, soundfont=original.root)
    darker = dataclasses.replace(original.programs[2], cutoff=original.programs[2].cutoff / 8.0)
    retuned = dataclasses.replace(original, programs={**original.programs, 2: darker})
    monkeypatch.setitem(arithmetic_render.ARITHMETIC_SETS, original.root, retuned)
    second = render_notes(notes, {0: 2}, 0.8, soundfont=original.root)
    assert len(list(tmp_path.glob("*.wav"))) == 2  # not the first render read back
    assert not np.allclose(first, second, atol=1e-3)
    monkeypatch.setitem(arithmetic_render.ARITHMETIC_SETS, original.root, original)
    np.testing.assert_array_equal(render_notes(notes, {0: 2}, 0.8, soundfont=original.root), first)
    assert len(list(tmp_path.glob("*.wav"))) == 2
