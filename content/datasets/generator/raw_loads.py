"""Generates content/datasets/raw_loads.sql (deterministic: fixed seed).

A landing table as an hourly API extract leaves it: every change to an order is appended again, a
load was re-sent, loads stopped for a few hours, and a few changes arrived a day late, after a newer
version of the same order. Material for de-duplication (latest row per key) and incremental loads by
a data interval (half-open bounds, event time vs load time, MERGE actions).
"""
import datetime as dt
import random
import sqlite3

from common import Money, fmt_ts, inserts, write, ids_text

SEED = 20240301
T0 = dt.datetime(2024, 3, 1)
WINDOW_END = dt.datetime(2024, 3, 8)        # changes up to 2024-03-07 23:59:59
N_ORDERS = 260
OUTAGE = [dt.datetime(2024, 3, 4, h) for h in (11, 12, 13)]   # loads that never ran
RESENT_AT = dt.datetime(2024, 3, 5, 8)     # this load is delivered twice
LATE_LOAD_AT = dt.datetime(2024, 3, 5, 16)  # late changes turn up in this load

DDL = """
CREATE TABLE raw_orders (
    row_id      INTEGER PRIMARY KEY,
    load_id     INTEGER NOT NULL,
    loaded_at   TEXT    NOT NULL,
    order_id    INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    amount      REAL    NOT NULL,
    updated_at  TEXT    NOT NULL
);
"""


def build():
    rnd = random.Random(SEED)
    versions = []   # (order_id, customer_id, status, amount, updated_at)
    span = (WINDOW_END - dt.timedelta(days=1) - T0).total_seconds()
    created = sorted(T0 + dt.timedelta(seconds=rnd.randrange(int(span))) for _ in range(N_ORDERS))
    # boundary instants: orders created exactly at midnight and one second before
    created[60] = dt.datetime(2024, 3, 2, 23, 59, 59)
    created[61] = dt.datetime(2024, 3, 3, 0, 0, 0)
    created[100] = dt.datetime(2024, 3, 4, 0, 0, 0)
    created[101] = dt.datetime(2024, 3, 4, 0, 0, 0)
    created[170] = dt.datetime(2024, 3, 5, 0, 0, 0)
    created[171] = dt.datetime(2024, 3, 5, 23, 59, 59)
    created[172] = dt.datetime(2024, 3, 6, 0, 0, 0)
    created.sort()
    same_second = set()
    for i, c in enumerate(created, start=1):
        cust = rnd.randint(1, 90)
        amount = round(rnd.uniform(8, 400), 2)
        t = c
        vs = [(i, cust, "placed", amount, t)]
        r = rnd.random()
        if r < 0.08:
            vs.append((i, cust, "cancelled", amount, t + dt.timedelta(minutes=rnd.randint(10, 300))))
        elif r < 0.93:
            t = t + dt.timedelta(minutes=rnd.randint(3, 120))
            if rnd.random() < 0.1:                  # discount applied on payment
                amount = round(amount * 0.9, 2)
            vs.append((i, cust, "paid", amount, t))
            if rnd.random() < 0.85:
                t = t + dt.timedelta(hours=rnd.randint(6, 30), seconds=rnd.randint(0, 3599))
                vs.append((i, cust, "shipped", amount, t))
                if rnd.random() < 0.75:
                    t = t + dt.timedelta(hours=rnd.randint(20, 60), seconds=rnd.randint(0, 3599))
                    vs.append((i, cust, "delivered", amount, t))
        versions.extend(v for v in vs if v[4] < WINDOW_END)
    # same-second changes: an amount correction in the same second as the payment
    paid = [v for v in versions if v[2] == "paid" and dt.datetime(2024, 3, 2) <= v[4] < dt.datetime(2024, 3, 6)]
    for v in rnd.sample(paid, 3):
        versions.append((v[0], v[1], "paid", Money(v[3] - 5).value, v[4]))
        same_second.add(v[0])
    return versions, same_second


def load_hour(t):
    """The hourly load that picks a change up: the first HH:05 after the end of its hour."""
    h = t.replace(minute=0, second=0) + dt.timedelta(hours=1)
    while h in OUTAGE:
        h += dt.timedelta(hours=1)
    return h


def main():
    rnd = random.Random(SEED + 1)
    versions, same_second = build()
    # late changes: 'paid' versions of orders already shipped, delivered a day late in LATE_LOAD_AT
    by_order = {}
    for v in versions:
        by_order.setdefault(v[0], []).append(v)
    cands = [o for o, vs in by_order.items()
             if any(v[2] == "shipped" for v in vs)
             and all(load_hour(v[4]) < dt.datetime(2024, 3, 5) for v in vs if v[2] != "paid")
             and any(v[2] == "paid" and dt.datetime(2024, 3, 2, 12) <= v[4] < dt.datetime(2024, 3, 4, 6) for v in vs)
             and o not in same_second]
    late_orders = sorted(rnd.sample(cands, 4))
    late_keys = {(v[0], v[2]) for o in late_orders for v in by_order[o] if v[2] == "paid"}
    # plus two late 'placed' versions whose order has no newer version loaded yet (just late, not stale)
    cands2 = [o for o, vs in by_order.items() if len(vs) == 1 and dt.datetime(2024, 3, 4, 6) <= vs[0][4] < dt.datetime(2024, 3, 4, 20)]
    late_new = sorted(rnd.sample(cands2, 2))
    late_keys |= {(o, "placed") for o in late_new}

    loads = {}
    for v in versions:
        key = (v[0], v[2])
        h = LATE_LOAD_AT if key in late_keys else load_hour(v[4])
        if h >= WINDOW_END + dt.timedelta(hours=1):
            continue
        loads.setdefault(h, []).append(v)
    hours = []
    h = T0 + dt.timedelta(hours=1)
    while h <= WINDOW_END:
        if h not in OUTAGE:
            hours.append(h)
        h += dt.timedelta(hours=1)
    rows = []
    load_id = 0
    row_id = 0
    resent_ids = []
    for h in hours:
        batch = sorted(loads.get(h, []), key=lambda v: (v[4], v[0]))
        copies = 2 if h == RESENT_AT else 1
        for c in range(copies):
            load_id += 1
            loaded = h + dt.timedelta(minutes=5 + 14 * c, seconds=rnd.randint(0, 59))
            for v in batch:
                row_id += 1
                if c == 1:
                    resent_ids.append(row_id)
                rows.append((row_id, load_id, fmt_ts(loaded), v[0], v[1], v[2], Money(v[3]), fmt_ts(v[4])))
    body = inserts("raw_orders", ["row_id", "load_id", "loaded_at", "order_id", "customer_id", "status", "amount", "updated_at"], rows)

    db = sqlite3.connect(":memory:")
    db.executescript(DDL + body)
    q = lambda s: db.execute(s).fetchall()
    n_rows = q("SELECT COUNT(*) FROM raw_orders")[0][0]
    n_loads = q("SELECT COUNT(DISTINCT load_id) FROM raw_orders")[0][0]
    n_orders = q("SELECT COUNT(DISTINCT order_id) FROM raw_orders")[0][0]
    statuses = q("SELECT status, COUNT(*) FROM raw_orders GROUP BY status ORDER BY 2 DESC")
    latest = """SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY updated_at DESC, row_id DESC) rn
                FROM raw_orders r) WHERE rn = 1"""
    current = q(f"SELECT status, COUNT(*) FROM ({latest}) GROUP BY status ORDER BY 2 DESC")
    resent = q("SELECT DISTINCT load_id, loaded_at FROM raw_orders WHERE row_id IN (%s)" % ",".join(map(str, resent_ids)))
    orig = q("SELECT DISTINCT load_id, loaded_at FROM raw_orders WHERE load_id = %d" % (resent[0][0] - 1))
    late_rows = q("SELECT row_id, order_id, status, updated_at, loaded_at FROM raw_orders WHERE loaded_at >= '2024-03-05 16:00:00' AND loaded_at < '2024-03-05 17:00:00' AND updated_at < '2024-03-05 00:00:00' ORDER BY row_id")
    ties = q("""SELECT order_id, updated_at, GROUP_CONCAT(row_id || ':' || amount, ', ') FROM raw_orders
                WHERE row_id NOT IN (%s) GROUP BY order_id, updated_at HAVING COUNT(*) > 1 ORDER BY order_id""" % ",".join(map(str, resent_ids)))
    bounds = q("""SELECT updated_at, GROUP_CONCAT(DISTINCT order_id) FROM raw_orders
                  WHERE substr(updated_at, 12) IN ('00:00:00', '23:59:59') GROUP BY updated_at ORDER BY updated_at""")
    by_load_gap = q("SELECT COUNT(*) FROM raw_orders WHERE loaded_at >= '2024-03-04 11:00:00' AND loaded_at < '2024-03-04 14:00:00'")[0][0]
    day3 = q("SELECT COUNT(*) FROM raw_orders WHERE updated_at >= '2024-03-03 00:00:00' AND updated_at < '2024-03-04 00:00:00'")[0][0]
    day3_loaded = q("SELECT COUNT(*) FROM raw_orders WHERE loaded_at >= '2024-03-03 00:00:00' AND loaded_at < '2024-03-04 00:00:00'")[0][0]
    # stale late versions: latest by loaded_at differs from latest by updated_at
    stale = q(f"""SELECT order_id FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY loaded_at DESC, row_id DESC) rn
                 FROM raw_orders r) a WHERE rn = 1 AND row_id NOT IN (SELECT row_id FROM ({latest})) ORDER BY order_id""")
    assert by_load_gap == 0 and len(resent_ids) > 0 and len(ties) == 3 and len(stale) >= 4, (by_load_gap, ties, stale)
    assert late_rows and len(late_rows) == 6, late_rows

    header = f"""raw_orders: a landing table fed by an hourly API extract of changed orders, 2024-03-01 .. 2024-03-07 (UTC).
Generated by a seeded script (seed {SEED}); regenerate rather than hand-edit.

Tables and row counts
  raw_orders ({n_rows} rows) row_id (landing order, grows with every row written), load_id (one per load run,
             {n_loads} runs), loaded_at (when that load ran), order_id ({n_orders} orders), customer_id,
             status, amount (REAL 2 dp), updated_at (when the order changed at the source)
  Every change to an order is appended as a new row: an order has one row per version
  (placed -> paid -> shipped -> delivered, or placed -> cancelled), so it appears 1 to 5 times.
  Rows by status: {', '.join(f'{s} {c}' for s, c in statuses)}.
  Current state (latest version per order): {', '.join(f'{s} {c}' for s, c in current)}.

Conventions
  Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS' (space, no zone), whole seconds.
  Loads run hourly at about HH:05 and pick up the changes of the previous clock hour.
  The latest version of an order is the row with the greatest updated_at; for equal updated_at the
  greater row_id is the later change (the API returns changes in order and row_id follows it).

Deliberate quirks (question material)
  Re-sent load: load {orig[0][0]} (loaded_at {orig[0][1]}) was delivered twice; load {resent[0][0]} ({resent[0][1]})
    holds exact copies of its rows (same order_id, status, amount, updated_at; new row_id, load_id, loaded_at):
    row_ids {ids_text(resent_ids)}.
  Outage: no loads ran at 2024-03-04 11:05, 12:05 and 13:05; the 14:05 load caught up with every
    change from 10:00 to 14:00 (hours with zero rows loaded on 2024-03-04: 11, 12, 13).
  Late and out-of-order changes: 6 rows changed before 2024-03-05 landed in the 2024-03-05 16:05 load:
    {'; '.join(f'row {r} order {o} {s} updated {u}' for r, o, s, u, _ in late_rows)}.
    For orders {', '.join(str(o[0]) for o in stale)} a newer version (shipped or later) had already been loaded, so the
    latest row by loaded_at (or row_id) is NOT the latest version: order by updated_at.
  Same-second changes: an amount correction in the same second as the payment (equal updated_at,
    the higher row_id wins): {'; '.join(f'order {o} at {u} (row:amount {g})' for o, u, g in ties)}.
    RANK() or a join back on MAX(updated_at) returns two rows for these orders.
  Interval boundaries: changes at exactly midnight and one second before:
    {'; '.join(f'{u} (orders {o})' for u, o in bounds)}.
    Changes with updated_at in [2024-03-03 00:00:00, 2024-03-04 00:00:00): {day3} rows; rows loaded in that
    interval: {day3_loaded} (the 00:05 load carries the previous day's last hour).
"""
    path = write("raw_loads.sql", header, DDL, body)
    print(path, n_rows)


if __name__ == "__main__":
    main()
