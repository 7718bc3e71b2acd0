"""`python -m soundforge.gateway.admin create-user ...`: bootstrap accounts through the library over gRPC."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from soundforge.gateway.settings import GatewaySettings
from soundforge.library.v1 import library_pb2, library_pb2_grpc
from soundforge.runtime.errors import SoundForgeError
from soundforge.runtime.grpc_client import open_channel

CLI_KEY_NAME = "admin-cli"


@dataclass(frozen=True)
class CreatedUser:
    user_id: str
    api_token: str | None


async def create_user(
    library_addr: str, email: str, password: str, *, admin: bool = False, api_key: bool = False
) -> CreatedUser:
    """Creates the user (role admin when asked) and, when asked, an API key whose token is returned."""
    channel = open_channel(library_addr)
    try:
        library = library_pb2_grpc.LibraryServiceStub(channel)
        user = await library.CreateUser(
            library_pb2.CreateUserRequest(email=email, password=password, role="admin" if admin else "user")
        )
        token = None
        if api_key:
            created = await library.CreateApiKey(
                library_pb2.CreateApiKeyRequest(user_id=user.id, name=CLI_KEY_NAME)
            )
            token = created.token
        return CreatedUser(user_id=user.id, api_token=token)
    finally:
        await channel.close()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m soundforge.gateway.admin", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-user", help="create a user (prints its id, then the API token)")
    create.add_argument("--email", required=True)
    create.add_argument("--password", required=True)
    create.add_argument("--admin", action="store_true", help="give the user the admin role")
    create.add_argument("--api-key", action="store_true", help="also create an API key and print its token")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = GatewaySettings()
    try:
        created = asyncio.run(
            create_user(
                settings.library_addr, args.email, args.password, admin=args.admin, api_key=args.api_key
            )
        )
    except SoundForgeError as err:
        details = f" {err.details}" if err.details else ""
        print(f"error: {err.code}: {err.message}{details}", file=sys.stderr)
        return 1
    print(created.user_id)
    if created.api_token is not None:
        print(created.api_token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
