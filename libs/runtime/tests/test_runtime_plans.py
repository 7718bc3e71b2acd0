"""A user's highest generation queue class: admin by role, else their plan's; plans are a closed set."""

from __future__ import annotations

import pytest

from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.errors import ValidationFailed
from soundforge.runtime.plans import DEFAULT_PLAN, PLANS, checked_plan, highest_priority
from soundforge.runtime.vocabulary import PRIORITIES


@pytest.mark.parametrize("plan", PLANS)
def test_a_plan_gives_the_class_of_its_name(plan: str) -> None:
    assert highest_priority("user", plan) == PRIORITIES.value(plan, "priority")


@pytest.mark.parametrize("plan", [*PLANS, "", "enterprise"])
def test_the_admin_role_is_the_admin_class_whatever_the_plan(plan: str) -> None:
    assert highest_priority("admin", plan) == payloads_pb2.PRIORITY_ADMIN


@pytest.mark.parametrize("plan", ["", "enterprise", "admin", "PREMIUM"])
def test_a_plan_this_version_does_not_know_is_free(plan: str) -> None:
    assert highest_priority("user", plan) == payloads_pb2.PRIORITY_FREE


def test_the_default_plan_is_sound_box_s_default_priority() -> None:
    assert DEFAULT_PLAN == "standard"
    assert PLANS == ("free", "standard", "premium")


def test_checked_plan_names_the_field_and_the_plans() -> None:
    assert checked_plan("premium") == "premium"
    with pytest.raises(ValidationFailed) as caught:
        checked_plan("admin", "body.plan")
    assert caught.value.details == {
        "body.plan": ["unknown plan 'admin': must be one of free, standard, premium"]
    }
