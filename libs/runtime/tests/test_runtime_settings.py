"""Shared infrastructure settings: the service's own prefix first, then `SF_`, then the default."""

from __future__ import annotations

import os

import pytest
from pydantic_settings import SettingsConfigDict

from soundforge.runtime.settings import SHARED_FIELDS, SHARED_PREFIX, ServiceSettings


class DemoSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DEMO_", extra="ignore")

    grpc_port: int = 50099
    worker_concurrency: int = 1


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in os.environ:
        if name.upper().startswith((SHARED_PREFIX, "DEMO_")):
            monkeypatch.delenv(name)


def test_the_service_prefix_wins_over_the_shared_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SF_NATS_URL", "nats://shared:4222")
    monkeypatch.setenv("DEMO_NATS_URL", "nats://own:4222")
    assert DemoSettings().nats_url == "nats://own:4222"


def test_the_shared_prefix_is_read_when_the_service_sets_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SF_NATS_URL", "nats://shared:4222")
    monkeypatch.setenv("SF_BLOB_URL", "s3://bucket")
    monkeypatch.setenv("SF_S3_SECURE", "true")
    monkeypatch.setenv("SF_SHUTDOWN_GRACE_SECONDS", "3")
    settings = DemoSettings()
    assert settings.nats_url == "nats://shared:4222"
    assert settings.blob_url == "s3://bucket"
    assert settings.s3_secure is True
    assert settings.shutdown_grace_seconds == 3.0


def test_per_service_settings_never_come_from_the_shared_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SF_GRPC_PORT", "1234")
    monkeypatch.setenv("SF_WORKER_CONCURRENCY", "8")
    settings = DemoSettings()
    assert (settings.grpc_port, settings.worker_concurrency) == (50099, 1)
    assert "grpc_port" not in SHARED_FIELDS


def test_constructor_arguments_win_over_both_prefixes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SF_NATS_URL", "nats://shared:4222")
    monkeypatch.setenv("DEMO_NATS_URL", "nats://own:4222")
    assert DemoSettings(nats_url="nats://given:4222").nats_url == "nats://given:4222"


def test_every_shared_field_is_a_setting_of_every_service() -> None:
    assert SHARED_FIELDS.issubset(ServiceSettings.model_fields)


def test_s3_credentials_are_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SF_S3_SECRET_KEY", "hunter2-secret")
    monkeypatch.setenv("DEMO_S3_ACCESS_KEY", "AKIA-access")
    settings = DemoSettings()
    for shown in (repr(settings), str(settings), settings.model_dump_json()):
        assert "hunter2-secret" not in shown
        assert "AKIA-access" not in shown
    assert settings.s3_secret_key.get_secret_value() == "hunter2-secret"
    assert settings.s3_access_key.get_secret_value() == "AKIA-access"
