"""How the connection pool checks a connection before handing it to a request."""

import select

import psycopg
from psycopg_pool import ConnectionPool


def check_pooled_connection(conn) -> None:
    """Raise when `conn` cannot serve a request, as `ConnectionPool.check_connection` does,
    without its round trip to the server on every request (a sixth of a small request's time).

    A connection resting in the pool has nothing to read unless the server has spoken: when it
    ends a session (a restart, a terminated backend, an idle timeout) it says so and closes the
    socket. Only then is the full check run, which raises and makes the pool discard the
    connection and hand out another, so the site still recovers by itself after a restart.
    """
    if conn.closed or conn.broken:
        raise psycopg.OperationalError("the connection is closed")
    readable, _, _ = select.select([conn.fileno()], [], [], 0)
    if readable:
        ConnectionPool.check_connection(conn)
