"""Users' plans and the generation queue class they give: admin > premium > standard > free."""

from __future__ import annotations

from typing import Literal, cast, get_args

from soundforge.jobs.v1 import payloads_pb2
from soundforge.runtime.errors import ValidationFailed

Plan = Literal["free", "standard", "premium"]
PLANS: tuple[Plan, ...] = get_args(Plan)
# Sound Box documents "standard" as the priority of a request that names none.
DEFAULT_PLAN: Plan = "standard"
ADMIN_ROLE = "admin"

_PRIORITY_OF_PLAN: dict[str, payloads_pb2.Priority] = {
    "free": payloads_pb2.PRIORITY_FREE,
    "standard": payloads_pb2.PRIORITY_STANDARD,
    "premium": payloads_pb2.PRIORITY_PREMIUM,
}


def checked_plan(name: str, field: str = "plan") -> Plan:
    """`name` if it is a plan; ValidationFailed naming `field` and the plans otherwise."""
    if name not in PLANS:
        raise ValidationFailed({field: [f"unknown plan {name!r}: must be one of {', '.join(PLANS)}"]})
    return cast(Plan, name)


def highest_priority(role: str, plan: str) -> payloads_pb2.Priority:
    """The highest generation queue class a user may ask for: admin by role, else their plan's.

    A plan this version does not know (written by a newer one) counts as free, never higher.
    """
    if role == ADMIN_ROLE:
        return payloads_pb2.PRIORITY_ADMIN
    return _PRIORITY_OF_PLAN.get(plan, payloads_pb2.PRIORITY_FREE)
