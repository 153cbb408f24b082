"""Typed configs: typos and wrong types fail loudly, stored configs stay loadable."""

from __future__ import annotations

import logging

import pytest

from models.configs import (
    CONFIGS,
    BaselineConfig,
    PhobertConfig,
    describe,
    known_keys,
    resolve_config,
)
from models.errors import InputError, RegistryError
from models.text import TextConfig


def test_a_typo_names_the_key_suggests_and_lists_the_known_ones() -> None:
    with pytest.raises(InputError) as info:
        resolve_config("baseline", "toxicity", {"knnn": 5})
    message = info.value.message
    assert "unknown baseline config key knnn" in message
    assert "did you mean knn?" in message
    assert (
        "known keys: accent_blind, augment_plain, C, char_ngrams" in message
        and "text.segment" in message
    )
    assert "\n" not in message


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"C": "abc"}, "C='abc': Input should be a valid number"),
        ({"C": 0}, "C=0: Input should be greater than 0"),
        ({"knn": 2.5}, "knn=2.5"),
        ({"knn": True}, "knn=True"),
        ({"metadata": "yes"}, "metadata='yes'"),
        ({"word_ngrams": [3, 1]}, "runs backwards"),
        ({"char_ngrams": [1, 2, 3]}, "char_ngrams"),
        ({"class_weight": "balance"}, "class_weight='balance'"),
        ({"text": {"segment": "true"}}, "text.segment='true'"),
        ({"text": True}, "text=True"),
        ({"nb_view": "yes"}, "nb_view='yes'"),
        ({"nb_view": True, "knn": 5}, "nb_view applies to the plain model"),
    ],
)
def test_wrong_types_and_values_are_refused(overrides: dict[str, object], fragment: str) -> None:
    with pytest.raises(InputError, match="bad baseline config value") as info:
        resolve_config("baseline", "toxicity", overrides)
    assert fragment in info.value.message


def test_nested_keys_merge_over_the_kind_and_task_defaults() -> None:
    cfg = resolve_config("baseline", "misinformation", {"text": {"segment": True}, "C": 2})
    assert isinstance(cfg, BaselineConfig)
    assert cfg.text == TextConfig(lowercase=True, teencode=True, segment=True)
    assert cfg.C == 2.0 and isinstance(cfg.C, float)
    assert cfg.knn == 10 and cfg.char_ngrams is None  # misinformation's defaults
    assert BaselineConfig.resolve("toxicity").knn == 0
    with pytest.raises(InputError, match=r"unknown baseline config key text\.segmnt"):
        resolve_config("baseline", None, {"text": {"segmnt": True}})


def test_phobert_text_override_keeps_phobert_text_defaults() -> None:
    cfg = PhobertConfig.resolve(None, {"text": {"lowercase": True}, "lr": 1})
    assert cfg.text == TextConfig(lowercase=True, teencode=False, segment=True)
    assert cfg.lr == 1.0
    with pytest.raises(InputError, match="stride 254 must be below max_len - 2"):
        PhobertConfig.resolve(None, {"stride": 254})
    with pytest.raises(InputError, match="unknown model kind 'forest'"):
        resolve_config("forest")


def test_stored_config_fills_defaults_and_drops_old_keys_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    old = {"char_accented": False, "C": 2, "text": {"lowercase": True, "stemming": False}}
    with caplog.at_level(logging.WARNING, logger="models.configs"):
        cfg = BaselineConfig.from_stored(old, "20250101-000000-baseline-abcd")
    assert cfg.C == 2.0 and cfg.knn == 0 and cfg.folds == 5  # missing keys: kind defaults
    assert "20250101-000000-baseline-abcd" in caplog.text
    assert "char_accented, text.stemming" in caplog.text
    # the task's defaults never leak into a stored version
    assert BaselineConfig.from_stored({}, "v").knn == 0


def test_stored_config_with_a_bad_value_is_a_registry_error() -> None:
    with pytest.raises(RegistryError, match=r"v1: stored config is invalid: .*C='x'"):
        BaselineConfig.from_stored({"C": "x"}, "v1")


def test_every_key_is_described_and_round_trips() -> None:
    for kind, cls in CONFIGS.items():
        rows = describe(cls)
        assert rows, kind
        for key, _default, text in rows:
            assert text and "\n" not in text, f"{kind}.{key} has no one-line description"
        defaults = cls().to_dict()
        assert cls.model_validate(defaults) == cls()
        assert {key.split(".")[0] for key in known_keys(cls)} == set(defaults)


def test_text_config_from_dict_is_strict() -> None:
    assert TextConfig.from_dict({"segment": True}) == TextConfig(segment=True)
    with pytest.raises(ValueError, match="segmnt"):
        TextConfig.from_dict({"segmnt": True})
    with pytest.raises(ValueError, match="valid boolean"):
        TextConfig.from_dict({"segment": "yes"})
