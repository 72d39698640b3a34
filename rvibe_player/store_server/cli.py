"""``rvibe-store``: serve, migrate, create-user, assign, seed-demo and compact.

``serve`` migrates first (once, before any worker starts), binds the socket itself so
``--port 0`` works, and prints one line ``RVIBE_STORE_URL=http://127.0.0.1:PORT`` on stdout
as soon as the socket accepts connections; the player reads that line.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import socket
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rvibe_player import appinfo, paths
from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server import lifeline, server_log
from rvibe_player.store_server.addresses import LOOPBACK_NAMES, is_loopback, parse_networks
from rvibe_player.store_server.capacity import raise_open_file_limit
from rvibe_player.store_server.config import (
    ENV_ALLOWED_HOSTS,
    ENV_DATABASE_URL,
    ENV_TRUSTED_PROXIES,
    StoreConfig,
)
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.errors import ApiError
from rvibe_player.store_server.security import Passwords

log = logging.getLogger("rvibe_player.store_server")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rvibe-store", description=f"The rVibe store service {appinfo.VERSION}"
    )
    parser.add_argument("--version", action="version", version=appinfo.VERSION)
    parser.add_argument(
        "--database-url",
        help=f"SQLAlchemy URL (default: ${ENV_DATABASE_URL}, else a SQLite file in the data dir)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the HTTP service (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="0 picks a free port (default 8765)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL)")
    serve.add_argument("--port-file", type=Path, help="also write the bound port to this file")
    serve.add_argument(
        "--seed-demo-if-empty", action="store_true", help="load the demo data into an empty store"
    )
    serve.add_argument("--no-migrate", action="store_true", help="do not migrate on start")
    serve.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="believe X-Forwarded-For from this proxy address or network (repeatable)",
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="answer this Host name (repeatable; default on a loopback bind: loopback names)",
    )

    commands.add_parser("migrate", help="create or upgrade the database schema")

    user = commands.add_parser("create-user", help="create an account")
    user.add_argument("username")
    user.add_argument("--role", choices=[r.value for r in Role], required=True)
    user.add_argument("--name", help="display name (default: the user name)")
    user.add_argument("--bio", default="", help="a line about a curator")
    user.add_argument("--capacity", type=int, help="listeners a curator may have")
    user.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin, not a prompt"
    )

    assign = commands.add_parser("assign", help="assign (or hand over) a listener to a curator")
    assign.add_argument("listener", help="the listener's user name")
    assign.add_argument("curator", help="the curator's user name")

    seed = commands.add_parser("seed-demo", help="load the demo catalog, curator and listeners")
    seed.add_argument("--json", action="store_true", help="print the demo credentials as JSON")
    seed.add_argument(
        "--listeners", type=int, default=None, metavar="N",
        help="listeners the demo curator has besides the four with a story (default 40)",
    )  # fmt: skip

    commands.add_parser("check", help="check the database and count the rows of each table")
    backup = commands.add_parser(
        "backup", help="copy the store to a file (SQLite; PostgreSQL: prints pg_dump)"
    )
    backup.add_argument("path", type=Path, help="the new backup file")
    restore = commands.add_parser("restore", help="restore a backup (stop the store first)")
    restore.add_argument("path", type=Path, help="a file made by 'rvibe-store backup'")
    compact = commands.add_parser("compact", help="compact the logs, forget old client ids")
    compact.add_argument("--tombstone-days", type=int, default=90)
    compact.add_argument("--client-id-days", type=int, default=90)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``rvibe-store``; returns the exit status."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    server_log.configure(args.verbose, paths.log_dir() / "rvibe-store.log")
    config = StoreConfig.from_env(args.database_url)
    try:
        if args.command == "serve":
            return _serve(config, args)
        db = Database(config.database_url, pool_size=2)
        try:
            return _run(db, config, args)
        finally:
            db.dispose()
    except ApiError as exc:
        print(f"rvibe-store: {exc.message}", file=sys.stderr)
        return 2 if exc.status == 422 else 1
    except ValueError as exc:
        print(f"rvibe-store: {exc}", file=sys.stderr)
        return 2


def _run(db: Database, config: StoreConfig, args: argparse.Namespace) -> int:
    from rvibe_player.store_server import demo

    db.migrate()
    if args.command == "migrate":
        print(f"The store schema is up to date ({db.url.get_backend_name()}).")
        return 0
    passwords = Passwords(config.argon2_time_cost, config.argon2_memory_kib)
    if args.command == "create-user":
        return _create_user(db, passwords, args)
    if args.command == "assign":
        return _assign(db, args.listener, args.curator)
    if args.command == "seed-demo":
        crowd = demo.CROWD if args.listeners is None else max(0, args.listeners)
        credentials = demo.seed(db, passwords, crowd)
        _print_credentials(credentials, as_json=args.json)
        return 0
    if args.command == "compact":
        return _compact(db, config, args)
    if args.command in ("check", "backup", "restore"):
        return _maintain(db, args)
    raise AssertionError(args.command)


def _maintain(db: Database, args: argparse.Namespace) -> int:
    from rvibe_player.store_server import maintenance

    if args.command == "check":
        problems = maintenance.integrity_problems(db)
        for table, count in maintenance.table_counts(db).items():
            print(f"{table:<28}{count:>10,}")
        if db.is_postgres:
            print("PostgreSQL checks its own pages; for indexes run pg_amcheck on this database.")
        for problem in problems:
            print(f"rvibe-store: damaged: {problem}", file=sys.stderr)
        print("The store's database is sound." if not problems else "The database is damaged.")
        return 1 if problems else 0
    if db.is_postgres:
        dump, load = maintenance.pg_commands(db, args.path)
        print("PostgreSQL backs up with its own tools; run:")
        print(f"  {dump if args.command == 'backup' else load}")
        return 0
    if args.command == "backup":
        maintenance.backup(db, args.path)
        print(f"Backed up to {args.path}.")
        return 0
    kept = maintenance.restore(db, args.path)
    db.migrate()  # a backup from an older version gets the current schema
    print(f"Restored {args.path}; the store as it was is kept as {kept}.")
    print("Start the store again: players read their logs again and re-send what is missing.")
    return 0


def _create_user(db: Database, passwords: Passwords, args: argparse.Namespace) -> int:
    from rvibe_player.store_server.services.accounts import check_account_rules, create_account

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {args.username}: ")
    check_account_rules(args.username.strip().lower(), password, args.name)  # 422: exit 2
    with db.write() as session:
        account = create_account(
            session,
            passwords,
            username=args.username,
            password=password,
            role=Role(args.role),
            display_name=args.name,
            bio=args.bio,
            capacity=args.capacity,
        )
        print(f"Created {account.role} {account.username!r} (id {account.id}).")
    return 0


def _assign(db: Database, listener_name: str, curator_name: str) -> int:
    from rvibe_player.store_server.models import Account
    from rvibe_player.store_server.services.admin import assign

    with db.write() as session:
        ids = {}
        for name in (listener_name, curator_name):
            found = session.scalar(select(Account.id).where(Account.username == name.lower()))
            if found is None:
                print(f"rvibe-store: there is no account {name!r}", file=sys.stderr)
                return 1
            ids[name] = found
        assign(session, ids[listener_name], ids[curator_name], None)
    print(f"{listener_name} is now with {curator_name}.")
    return 0


def _compact(db: Database, config: StoreConfig, args: argparse.Namespace) -> int:
    from rvibe_player.store_server import idempotency, synclog
    from rvibe_player.store_server.models import Relationship, utcnow
    from rvibe_player.store_server.services.throttle import forget_old

    horizon = utcnow() - timedelta(days=args.tombstone_days)
    with db.read() as session:
        listeners = list(session.scalars(select(Relationship.listener_id)))
    removed = 0
    for listener_id in listeners:
        with db.write() as session:
            removed += synclog.compact(session, listener_id, horizon).removed
    with db.write() as session:
        forgotten = idempotency.prune(session, utcnow() - timedelta(days=args.client_id_days))
        forget_old(session, utcnow(), config.login_window)
    print(f"Removed {removed} log entries; forgot {forgotten} client ids.")
    return 0


def _print_credentials(credentials: list[dict[str, str]], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"accounts": credentials}, indent=2))
        return
    print("Demo accounts (user name / password):")
    for entry in credentials:
        print(f"  {entry['role']:<9} {entry['username']:<10} {entry['password']}")


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket (``port`` 0 picks a free one), shared by all workers.

    Created with ``IPPROTO_TCP`` on purpose: asyncio sets ``TCP_NODELAY`` on accepted
    connections only when the listening socket says so, and without it every keep-alive
    answer waits ~40 ms for a delayed ACK (uvicorn's own ``bind_socket`` passes protocol 0).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(socket.SOMAXCONN)  # queue connections from now on, before workers are up
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def server_settings(verbose: bool = False) -> dict[str, Any]:
    """uvicorn settings every store server uses (the CLI and the tests' live server).

    uvicorn's own proxy-header handling is off: by default it believes ``X-Forwarded-For``
    from 127.0.0.1, which would let anyone on the machine pick their address; the store
    reads that header itself, from configured proxies only (``addresses``).
    """
    return {
        "log_config": None,  # uvicorn's loggers propagate to ours, behind the repeat filter
        "access_log": False,
        "log_level": "debug" if verbose else "warning",
        "timeout_graceful_shutdown": 3,
        "server_header": False,
        "proxy_headers": False,
    }


def _network_settings(config: StoreConfig, args: argparse.Namespace) -> None:
    """Proxies and Host names for the workers (they read them from the environment)."""
    trusted = config.trusted_proxies + parse_networks(args.trusted_proxy)
    os.environ[ENV_TRUSTED_PROXIES] = ",".join(str(n) for n in trusted)
    allowed = args.allowed_host or list(config.allowed_hosts or ())
    if not allowed and is_loopback(args.host):
        allowed = list(LOOPBACK_NAMES)
    os.environ[ENV_ALLOWED_HOSTS] = ",".join(allowed)


def _serve(config: StoreConfig, args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    db = Database(config.database_url, pool_size=2)
    try:
        if db.url.get_backend_name() == "sqlite" and args.workers > 1:
            print("rvibe-store: SQLite serves from one process; use PostgreSQL for --workers > 1")
            return 2
        if not args.no_migrate:
            db.migrate()
        if args.seed_demo_if_empty:
            from rvibe_player.store_server import demo

            passwords = Passwords(config.argon2_time_cost, config.argon2_memory_kib)
            if demo.is_empty(db):
                _print_credentials(demo.seed(db, passwords), as_json=False)
    finally:
        db.dispose()
    # Workers read their settings from the environment (they are separate processes).
    os.environ[ENV_DATABASE_URL] = config.database_url
    _network_settings(config, args)
    uv_config = uvicorn.Config(
        "rvibe_player.store_server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        **server_settings(args.verbose),
    )
    try:
        sock = listening_socket(args.host, args.port)
    except OSError as exc:
        print(f"rvibe-store: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    fd_limit = raise_open_file_limit()  # workers inherit it
    port = sock.getsockname()[1]
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{port}"
    if args.port_file:
        args.port_file.write_text(f"{port}\n", encoding="utf-8")
    print(f"RVIBE_STORE_URL={url}", flush=True)
    log.info(
        "serving %s with %d worker(s), database %s, open-file limit %s",
        url,
        args.workers,
        db.url.get_backend_name(),
        fd_limit or "none",
    )
    if args.workers > 1:
        os.environ[lifeline.ENV_SUPERVISOR] = str(os.getpid())  # workers stop if we die
        Multiprocess(uv_config, sockets=[sock]).run()
    else:
        uvicorn.Server(uv_config).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
