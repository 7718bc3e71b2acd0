"""Throttles password guessing and sign-up floods: POST /users/log-in and /users/register.

Every attempt costs the library a password hash (~0.2 s of CPU), so attempts are counted per
client address (the one the rate limiter trusts: X-Forwarded-For only from trusted proxies). A
log-in is also counted per (address, email), which bounds guessing at one account from one address
without locking its owner out from theirs, and per email across all addresses at a much higher
limit, the bound on a guess spread over many addresses.
"""

from __future__ import annotations

from starlette.requests import Request

from soundforge.gateway.ratelimit import RateLimiter, Throttled, parse_networks, request_address
from soundforge.gateway.settings import GatewaySettings

LOG_IN_BY_ADDRESS = "log_in_ip"
LOG_IN_BY_ADDRESS_AND_EMAIL = "log_in_ip_email"
LOG_IN_BY_EMAIL = "log_in_email"
REGISTER_BY_ADDRESS = "register_ip"


class SignInThrottle:
    """Counts attempts on the rate limiter's shared counters; raises Throttled past a limit."""

    def __init__(self, limiter: RateLimiter, settings: GatewaySettings) -> None:
        self._limiter = limiter
        self._settings = settings
        self._trusted = parse_networks(settings.trusted_proxies)

    def address(self, request: Request) -> str:
        return request_address(request, self._trusted)

    async def log_in_from(self, request: Request) -> None:
        """Before the body is read: a flood from one address stops here, unparsed."""
        await self._hit(LOG_IN_BY_ADDRESS, self._settings.rate_limit_log_in, self.address(request))

    async def log_in_as(self, request: Request, email: str) -> None:
        """After the body is read, before the password is checked: a throttled attempt verifies nothing."""
        # Case and surrounding spaces do not make another account, so they make no fresh budget.
        account = email.strip().lower()
        pair = f"{self.address(request)}\n{account}"
        # The pair first: one address's attempts past its own budget do not spend the account's.
        await self._hit(LOG_IN_BY_ADDRESS_AND_EMAIL, self._settings.rate_limit_log_in_address_email, pair)
        await self._hit(LOG_IN_BY_EMAIL, self._settings.rate_limit_log_in_email, account)

    async def register_from(self, request: Request) -> None:
        await self._hit(REGISTER_BY_ADDRESS, self._settings.rate_limit_register, self.address(request))

    async def _hit(self, pipeline: str, limit: int, identity: str) -> None:
        verdict = await self._limiter.hit(pipeline, limit, identity)
        if not verdict.allowed:
            raise Throttled(verdict)
