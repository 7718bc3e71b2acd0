"""AudioCraft checkpoints with random weights, in AudioCraft's own exported format, for tests and benches.

`build_generation_model_dir(root)` writes `root/<checkpoint>/state_dict.bin` (the language model)
and `root/<checkpoint>/compression_state_dict.bin` (its EnCodec) for the four kinds the platform
offers, under the directory names of the default checkpoints, so `MusicGen.get_pretrained(dir)`,
`AudioGen.get_pretrained(dir)` and `MAGNeT.get_pretrained(dir)` load them through the real loaders.
Each file is what `audiocraft.utils.export` writes: `{'xp.cfg': <yaml>, 'best_state': <state dict>}`.

The models are tiny (LM dim 64, 2 layers, 4 codebooks x 256; a small SEANet), with a `lut` text
conditioner and the `noop` tokenizer (the real T5 needs the hub). What the platform relies on stays
real: sample rates (MusicGen 32 kHz, AudioGen 16 kHz), windows (`dataset.segment_duration`: 30 s
and 10 s, so continuation uses AudioCraft's own extend stride) and MAGNeT's fixed 10 s segment.
The MAGNeT ones use AudioCraft's plain attention (`memory_efficient: false`): the released MAGNeT
checkpoints need xformers kernels (their loader switches to them), which have no CPU version. That
path adds MAGNeT's restricted-context mask, padded to a multiple of 8 frames, to a sequence trimmed
to whole spans, so the tiny MAGNeT codecs run at 40 Hz (400 frames per 10 s) with 2-frame spans,
where both agree.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import torch
from audiocraft.models.builders import get_compression_model, get_lm_model
from omegaconf import OmegaConf

# Directory name of each kind: the last part of its default checkpoint id.
MODEL_DIRS = {
    "music": "musicgen-small",
    "audio": "audiogen-medium",
    "magnet-music": "magnet-small-10secs",
    "magnet-audio": "audio-magnet-small",
}


def _codec(sample_rate: int, ratios: list[int]) -> dict[str, Any]:
    return {
        "compression_model": "encodec",
        "sample_rate": sample_rate,
        "channels": 1,
        "encodec": {
            "autoencoder": "seanet",
            "quantizer": "rvq",
            "sample_rate": sample_rate,
            "channels": 1,
            "causal": False,
            "renormalize": False,
        },
        "seanet": {
            "dimension": 32,
            "channels": 1,
            "causal": False,
            "n_filters": 4,
            "n_residual_layers": 1,
            "ratios": ratios,
            "activation": "ELU",
            "activation_params": {"alpha": 1.0},
            "norm": "weight_norm",
            "norm_params": {},
            "kernel_size": 7,
            "residual_kernel_size": 3,
            "last_kernel_size": 7,
            "dilation_base": 2,
            "pad_mode": "constant",
            "true_skip": True,
            "compress": 2,
            "lstm": 1,
            "disable_norm_outer_blocks": 0,
            "decoder": {"trim_right_ratio": 1.0, "final_activation": None, "final_activation_params": None},
            "encoder": {},
        },
        # Random codebooks: kmeans initialisation would leave them at zero until trained.
        "rvq": {
            "n_q": 4,
            "q_dropout": False,
            "bins": 256,
            "decay": 0.99,
            "kmeans_init": False,
            "kmeans_iters": 50,
            "threshold_ema_dead_code": 2,
            "orthogonal_reg_weight": 0.0,
            "orthogonal_reg_active_codes_only": False,
        },
    }


def _lm(*, segment_duration: int, magnet: bool, dim: int, layers: int) -> dict[str, Any]:
    transformer = {
        "dim": dim,
        "num_heads": 4,
        "num_layers": layers,
        "hidden_scale": 4,
        "n_q": 4,
        "card": 256,
        "dropout": 0.0,
        "emb_lr": None,
        "activation": "gelu",
        "norm_first": True,
        "bias_ff": False,
        "bias_attn": False,
        "bias_proj": False,
        "past_context": None,
        "causal": not magnet,
        "custom": magnet,
        # As the releases (torch's scaled_dot_product_attention on the default backend); see above for MAGNeT.
        "memory_efficient": not magnet,
        "attention_as_float32": False,
        "layer_scale": None,
        "positional_embedding": "sin",
        "xpos": False,
        "checkpointing": "none",
        "weight_init": "gaussian",
        "depthwise_init": "current",
        "zero_bias_init": True,
        "norm": "layer_norm",
        "cross_attention": False,
        "qk_layer_norm": False,
        "qk_layer_norm_cross": False,
        "attention_dropout": None,
        "kv_repeat": 1,
        "two_step_cfg": False,
    }
    cfg: dict[str, Any] = {
        "lm_model": "transformer_lm_magnet" if magnet else "transformer_lm",
        "transformer_lm": transformer,
        "codebooks_pattern": (
            {"modeling": "parallel", "parallel": {"empty_initial": -1}}
            if magnet
            else {
                "modeling": "delay",
                "delay": {"delays": [0, 1, 2, 3], "flatten_first": 0, "empty_initial": 0},
            }
        ),
        "classifier_free_guidance": {"training_dropout": 0.1, "inference_coef": 3.0},
        "attribute_dropout": {},
        "fuser": {
            "cross_attention_pos_emb": False,
            "cross_attention_pos_emb_scale": 1,
            "sum": [],
            "prepend": [],
            "cross": ["description"],
            "input_interpolate": [],
        },
        "conditioners": {
            "description": {"model": "lut", "lut": {"n_bins": 1024, "dim": dim, "tokenizer": "noop"}}
        },
        "dataset": {"segment_duration": segment_duration},
    }
    if magnet:
        # load_lm_model_magnet fills the rest (frame rate, segment, span) from the config itself.
        transformer.update(
            subcodes_context=5, compression_model_framerate=40, segment_duration=0, span_len=-1
        )
        cfg["masking"] = {"span_len": 2}
    return cfg


# kind -> (sample rate, SEANet ratios, LM window in whole seconds as in the releases, MAGNeT?)
_KINDS: dict[str, tuple[int, list[int], int, bool]] = {
    "music": (32000, [10, 8, 8], 30, False),  # 50 Hz, as musicgen-*
    "audio": (16000, [8, 5, 4, 2], 10, False),  # 50 Hz, as audiogen-medium
    "magnet-music": (32000, [10, 10, 8], 10, True),  # 40 Hz
    "magnet-audio": (16000, [10, 8, 5], 10, True),  # 40 Hz
}


def build_checkpoint(
    directory: Path, kind: str, *, seed: int = 0, lm_dim: int = 64, lm_layers: int = 2
) -> Path:
    """Writes one tiny checkpoint of `kind` ("music", "audio", "magnet-music", "magnet-audio").

    `lm_dim` and `lm_layers` size its language model (a bench's larger one does more work per token
    than the platform does per job; musicgen-small is 1024 x 24)."""
    sample_rate, ratios, window, magnet = _KINDS[kind]
    torch.manual_seed(seed)
    codec_cfg = OmegaConf.create({**_codec(sample_rate, ratios), "device": "cpu"})
    with warnings.catch_warnings():
        # AudioCraft builds EnCodec with torch's deprecated weight_norm.
        warnings.filterwarnings("ignore", message=r".*weight_norm.* is deprecated", category=FutureWarning)
        codec = get_compression_model(codec_cfg)
    lm_cfg = OmegaConf.create(
        {
            **_codec(sample_rate, ratios),
            **_lm(segment_duration=window, magnet=magnet, dim=lm_dim, layers=lm_layers),
            "device": "cpu",
        }
    )
    lm_cfg.dtype = "float32"
    if magnet:
        lm_cfg.transformer_lm.segment_duration = window
        lm_cfg.transformer_lm.span_len = lm_cfg.masking.span_len
    lm = get_lm_model(lm_cfg)
    if magnet:
        lm_cfg.transformer_lm.segment_duration = 0
        lm_cfg.transformer_lm.span_len = -1
    directory.mkdir(parents=True, exist_ok=True)
    _save(directory / "compression_state_dict.bin", codec_cfg, codec.state_dict())
    _save(directory / "state_dict.bin", lm_cfg, lm.state_dict())
    return directory


def build_generation_model_dir(
    root: Path, *, seed: int = 0, lm_dim: int = 64, lm_layers: int = 2
) -> dict[str, Path]:
    """Writes all four kinds under `root` (a GENERATION_MODEL_DIR); returns kind -> checkpoint dir."""
    return {
        kind: build_checkpoint(root / name, kind, seed=seed, lm_dim=lm_dim, lm_layers=lm_layers)
        for kind, name in MODEL_DIRS.items()
    }


def _save(path: Path, cfg: Any, state: dict[str, torch.Tensor]) -> None:
    # The exported layout: the config as YAML text, so the file loads with torch.load(weights_only=True).
    torch.save({"xp.cfg": OmegaConf.to_yaml(cfg), "best_state": state, "exported": True}, path)
