"""Generates content/datasets/web_events.sql (deterministic: fixed seed)."""
import datetime as dt
import random
import sqlite3

from common import Money, fmt_ts, inserts, write, ids_text

SEED = 20240401
W_START = dt.date(2024, 4, 1)
W_DAYS = 61                       # 2024-04-01 .. 2024-05-31
TARGET_EVENTS = 4905              # before duplicates and late copies
COUNTRIES = [("US", 30), ("GB", 12), ("DE", 9), ("FR", 6), ("IN", 8), ("BR", 5), ("CA", 5),
             ("NL", 4), ("ES", 4), ("AU", 3), ("JP", 3), ("PL", 3), ("SE", 2), ("MX", 3)]
CATS = ["kitchen", "books", "electronics", "garden", "toys", "sports", "beauty", "home"]
TERMS = ["coffee grinder", "sql book", "headphones", "yoga mat", "desk lamp", "garden hose",
         "lego", "sunscreen", "usb c hub", "cast iron", "kettle", "puzzle", "running shoes"]
HOUR_W = [0.5, 0.3, 0.2, 0.15, 0.15, 0.3, 0.7, 1.2, 1.6, 1.7, 1.6, 1.6, 1.8, 1.7, 1.5, 1.5, 1.6,
          1.8, 2.1, 2.5, 2.7, 2.5, 1.9, 1.1]


def build():
    rng = random.Random(SEED)

    # ---------- users ----------
    signups = []
    for _ in range(400):
        if rng.random() < 0.7:
            a, b = dt.datetime(2023, 6, 1), dt.datetime(2024, 4, 1)
        else:
            a, b = dt.datetime(2024, 4, 1), dt.datetime(2024, 5, 25)
        signups.append(a + dt.timedelta(seconds=rng.randrange(int((b - a).total_seconds()))))
    signups.sort()
    users = []
    for i, s in enumerate(signups, start=1):
        users.append(dict(id=i, signed_up_at=s,
                          country=None if rng.random() < 0.04 else rng.choices([c for c, _ in COUNTRIES], [w for _, w in COUNTRIES])[0],
                          plan=rng.choices(["free", "pro", "team"], [70, 22, 8])[0]))
    ids = [u["id"] for u in users]
    rng.shuffle(ids)
    kind = {}
    for k, uid in enumerate(ids):
        kind[uid] = "inactive" if k < 40 else "power" if k < 52 else "regular" if k < 115 else "light"

    # ---------- active days ----------
    def active_days(u):
        first = max(W_START, u["signed_up_at"].date())
        days = [first + dt.timedelta(days=d) for d in range((W_START + dt.timedelta(days=W_DAYS) - first).days)]
        if not days:
            return []
        k = kind[u["id"]]
        if k == "inactive":
            return []
        if k == "light":
            n = min(len(days), rng.choice([1, 1, 1, 2, 2, 3]))
            return sorted(rng.sample(days, n))
        p_stay, p_start = (0.86, 0.45) if k == "power" else (0.5, 0.08)
        on, out = rng.random() < 0.6, []
        churn = rng.random() < 0.25 and k == "regular"
        stop = days[0] + dt.timedelta(days=rng.randrange(10, 40)) if churn else None
        for d in days:
            if stop and d >= stop:
                break
            if on:
                out.append(d)
            on = rng.random() < (p_stay if on else p_start)
        return out

    sessions = []  # dict(user, start, events=[(offset_s, type, page, amount)], device)
    for u in users:
        pref = rng.choices(range(24), HOUR_W)[0]
        device = rng.choices(["desktop", "mobile", "tablet"], [48, 45, 7])[0]
        for d in active_days(u):
            n_sess = rng.choices([1, 2, 3], [80, 17, 3])[0] if kind[u["id"]] != "power" else rng.choices([1, 2], [90, 10])[0]
            last_end = None
            for _ in range(n_sess):
                h = (pref + rng.choice([-2, -1, 0, 0, 0, 1, 2, 4, 8])) % 24 if rng.random() < 0.7 else rng.choices(range(24), HOUR_W)[0]
                start = dt.datetime(d.year, d.month, d.day, h, rng.randrange(60), rng.randrange(60))
                if start < u["signed_up_at"]:
                    start = u["signed_up_at"] + dt.timedelta(seconds=rng.randrange(20, 600))
                if last_end and start < last_end + dt.timedelta(minutes=45):
                    start = last_end + dt.timedelta(minutes=rng.randrange(45, 300))
                if start.date() != d:
                    break
                s = make_session(rng, u, start, device if rng.random() < 0.85 else rng.choice(["desktop", "mobile"]),
                                 short=kind[u["id"]] == "power")
                sessions.append(s)
                last_end = s["events"][-1][0]

    # signup events for users who signed up in the window
    signup_events = [dict(user=u, at=u["signed_up_at"], type="signup", page="/signup", amount=None, device="desktop")
                     for u in users if u["signed_up_at"].date() >= W_START]

    # trim whole sessions of light/regular users to the event budget
    def total():
        return sum(len(s["events"]) for s in sessions) + len(signup_events)
    per_user = {}
    for s in sessions:
        per_user.setdefault(s["user"]["id"], []).append(s)
    trimmable = [s for s in sessions if kind[s["user"]["id"]] in ("light", "regular")]
    rng.shuffle(trimmable)
    while total() > TARGET_EVENTS and trimmable:
        s = trimmable.pop()
        if len(per_user[s["user"]["id"]]) > 1:   # never drop a user's last session
            per_user[s["user"]["id"]].remove(s)
            sessions.remove(s)

    # ---------- deliberate edge cases ----------
    facts = {}
    power_users = [u for u in users if kind[u["id"]] == "power"]
    # gaps of exactly 30:00, 30:01 and 29:59 between two consecutive events of one user
    gap_cases = []
    cand = [s for s in sessions if len(s["events"]) >= 4 and kind[s["user"]["id"]] in ("regular", "power")
            and s["events"][0][0].hour < 20]
    rng.shuffle(cand)
    used_users = set()
    for secs in (1800, 1800, 1800, 1801, 1801, 1799):
        s = next(x for x in cand if x["user"]["id"] not in used_users)
        used_users.add(s["user"]["id"])
        k = len(s["events"]) // 2
        shift = dt.timedelta(seconds=secs) - (s["events"][k][0] - s["events"][k - 1][0])
        s["events"] = s["events"][:k] + [(e[0] + shift,) + e[1:] for e in s["events"][k:]]
        gap_cases.append((s["user"]["id"], secs, s["events"][k - 1][0], s["events"][k][0]))
    facts["gaps"] = gap_cases
    # sessions crossing midnight
    mid = []
    for s in rng.sample([s for s in sessions if len(s["events"]) >= 5 and s["user"]["id"] not in used_users
                         and s["events"][0][0].date() < W_START + dt.timedelta(days=W_DAYS - 1)], 4):
        first = s["events"][0][0]
        new_start = dt.datetime(first.year, first.month, first.day, 23, 52, rng.randrange(60))
        shift = new_start - first
        s["events"] = [(e[0] + shift,) + e[1:] for e in s["events"]]
        mid.append(s)
    # purchase without a checkout in the same session (lost tracking)
    no_checkout = []
    seen_users = set()
    for s in sorted(sessions, key=lambda s: rng.random()):
        if len(no_checkout) == 3:
            break
        if s["user"]["id"] in seen_users:
            continue
        types = [e[1] for e in s["events"]]
        if "purchase" in types and "checkout" in types and s not in mid:
            s["events"] = [e for e in s["events"] if e[1] != "checkout"]
            no_checkout.append(s)
            seen_users.add(s["user"]["id"])

    events = []
    for s in sessions:
        for at, typ, page, amount in s["events"]:
            events.append(dict(user=s["user"], at=at, type=typ, page=page, amount=amount, device=s["device"]))
    events += signup_events
    # two events of one user in the same second (tie on event_at)
    same_second = []
    for e in rng.sample([e for e in events if e["type"] == "add_to_cart"], 5):
        prev = max((x for x in events if x["user"] is e["user"] and x["at"] < e["at"]), key=lambda x: x["at"], default=None)
        if prev and prev["type"] == "page_view" and (e["at"] - prev["at"]).total_seconds() < 600:
            e["at"] = prev["at"]
            same_second.append(e)
    events.sort(key=lambda e: (e["at"], e["user"]["id"]))
    # exact duplicates (client retried): same user, type, timestamp, page
    dups = []
    for e in rng.sample([e for e in events if e["type"] in ("page_view", "add_to_cart", "search")], 34) + \
            rng.sample([e for e in events if e["type"] == "purchase"], 6):
        c = dict(e)
        c["dup"] = True
        e["has_dup"] = True
        dups.append(c)
    events += dups
    events.sort(key=lambda e: (e["at"], e["user"]["id"], "dup" in e))
    # late-arriving mobile events: loaded in a later batch, so their ids are out of time order
    late = rng.sample([e for e in events if e["device"] == "mobile" and "dup" not in e and "has_dup" not in e and e["type"] == "page_view"
                       and e["at"] < dt.datetime(2024, 5, 20)], 15)
    for e in late:
        events.remove(e)
        e["late"] = True
    events += sorted(late, key=lambda e: e["at"])
    for i, e in enumerate(events, start=1):
        e["id"] = i

    user_rows = [(u["id"], fmt_ts(u["signed_up_at"]), u["country"], u["plan"]) for u in users]
    ev_rows = [(e["id"], e["user"]["id"], fmt_ts(e["at"]), e["type"], e["page"], e["device"],
                Money(e["amount"]) if e["amount"] is not None else None) for e in events]
    body = (inserts("users", ["id", "signed_up_at", "country", "plan"], user_rows) + "\n"
            + inserts("events", ["id", "user_id", "event_at", "event_type", "page", "device", "amount"], ev_rows))
    facts.update(kind=kind, mid=[(s["user"]["id"], s["events"][0][0], s["events"][-1][0]) for s in mid],
                 no_checkout=[(s["user"]["id"], s["events"][0][0]) for s in no_checkout],
                 same_second=[(e["id"], e["user"]["id"], e["at"]) for e in same_second],
                 late=sorted(e["id"] for e in late), power=sorted(u["id"] for u in power_users))
    return body, facts


def make_session(rng, u, start, device, short=False):
    """A browsing session: a list of (timestamp, type, page, amount)."""
    n_browse = rng.choices([1, 2, 3, 4, 5, 6, 8], [30, 25, 17, 12, 8, 5, 3] if short else [22, 26, 20, 14, 9, 6, 3])[0]
    t = start
    ev = []

    def step(kind="short"):
        nonlocal t
        if kind == "short":
            secs = rng.choices([rng.randrange(3, 60), rng.randrange(60, 240), rng.randrange(240, 900),
                                rng.randrange(900, 1700)], [55, 33, 10, 2])[0]
        else:
            secs = rng.randrange(20, 200)
        t = t + dt.timedelta(seconds=secs)
        return t

    landing = rng.choices(["/", f"/c/{rng.choice(CATS)}", f"/products/p-{rng.randrange(100, 400)}", "/blog/spring-sale"],
                          [40, 20, 30, 10])[0]
    ev.append((t, "page_view", landing, None))
    viewed = landing if landing.startswith("/products/") else None
    for _ in range(n_browse - 1):
        r = rng.random()
        if r < 0.22:
            ev.append((step(), "search", f"/search?q={rng.choice(TERMS).replace(' ', '+')}", None))
        else:
            page = f"/products/p-{rng.randrange(100, 400)}" if rng.random() < 0.7 else f"/c/{rng.choice(CATS)}"
            ev.append((step(), "page_view", page, None))
            if page.startswith("/products/"):
                viewed = page
    if viewed and rng.random() < 0.42:
        ev.append((step(), "add_to_cart", viewed, None))
        if rng.random() < 0.1:
            ev.append((step(), "remove_from_cart", viewed, None))
        elif rng.random() < 0.55:
            ev.append((step("checkout"), "checkout", "/checkout", None))
            if rng.random() < 0.7:
                ev.append((step("checkout"), "purchase", "/checkout/complete",
                           round(rng.choice([12.99, 19.99, 24.5, 29.99, 34.99, 45.0, 59.99, 79.99, 129.0]) * rng.choice([1, 1, 1, 2, 3]), 2)))
    return dict(user=u, device=device, events=ev)


DDL = """
CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    signed_up_at TEXT    NOT NULL,
    country      TEXT,
    plan         TEXT    NOT NULL CHECK (plan IN ('free', 'pro', 'team'))
);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    event_at   TEXT    NOT NULL,
    event_type TEXT    NOT NULL,
    page       TEXT    NOT NULL,
    device     TEXT    NOT NULL,
    amount     REAL
);
"""

SESSIONS_SQL = """
WITH ordered AS (
  SELECT e.*, LAG(event_at) OVER (PARTITION BY user_id ORDER BY event_at, id) AS prev_at
  FROM events e
), flagged AS (
  SELECT *, CASE WHEN prev_at IS NULL
                   OR CAST(strftime('%s', event_at) AS INTEGER) - CAST(strftime('%s', prev_at) AS INTEGER) > 1800 THEN 1 ELSE 0 END AS new_session
  FROM ordered
)
SELECT *, SUM(new_session) OVER (PARTITION BY user_id ORDER BY event_at, id) AS session_no FROM flagged
"""


def q(db, sql):
    return db.execute(sql).fetchall()


def describe(body, f):
    db = sqlite3.connect(":memory:")
    db.executescript(DDL + body)
    n = {t: q(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("users", "events")}
    types = q(db, "SELECT event_type, COUNT(*) FROM events GROUP BY 1 ORDER BY 2 DESC")
    sessions = q(db, f"SELECT COUNT(*) FROM (SELECT DISTINCT user_id, session_no FROM ({SESSIONS_SQL}))")[0][0]
    no_events = [r[0] for r in q(db, "SELECT id FROM users u WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.user_id = u.id)")]
    active = n["users"] - len(no_events)
    dup_groups = q(db, "SELECT COUNT(*), SUM(c - 1) FROM (SELECT COUNT(*) c FROM events GROUP BY user_id, event_type, event_at, page HAVING c > 1)")[0]
    dup_ids = [r[0] for r in q(db, "SELECT MAX(id) FROM events GROUP BY user_id, event_type, event_at, page HAVING COUNT(*) > 1 ORDER BY 1")]
    dup_purchase = q(db, "SELECT GROUP_CONCAT(id, '/') FROM events WHERE event_type = 'purchase' GROUP BY user_id, event_at HAVING COUNT(*) > 1 ORDER BY MIN(id)")
    null_country = [r[0] for r in q(db, "SELECT id FROM users WHERE country IS NULL")]
    plans = q(db, "SELECT plan, COUNT(*) FROM users GROUP BY 1 ORDER BY 2 DESC")
    streaks = q(db, """
        WITH days AS (SELECT DISTINCT user_id, date(event_at) AS day FROM events),
             g AS (SELECT user_id, day, julianday(day) - ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) AS grp FROM days),
             s AS (SELECT user_id, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS len FROM g GROUP BY user_id, grp)
        SELECT user_id, first_day, last_day, len FROM s ORDER BY len DESC, user_id LIMIT 8""")
    streak_users = q(db, """
        WITH days AS (SELECT DISTINCT user_id, date(event_at) AS day FROM events),
             g AS (SELECT user_id, julianday(day) - ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) AS grp FROM days),
             s AS (SELECT user_id, COUNT(*) AS len FROM g GROUP BY user_id, grp)
        SELECT SUM(len >= 3), SUM(len >= 7), COUNT(DISTINCT CASE WHEN len >= 3 THEN user_id END) FROM s""")[0]
    funnel = q(db, f"""
        WITH s AS ({SESSIONS_SQL})
        SELECT SUM(pv), SUM(atc), SUM(co), SUM(pu) FROM (
          SELECT user_id, session_no, MAX(event_type = 'page_view') pv, MAX(event_type = 'add_to_cart') atc,
                 MAX(event_type = 'checkout') co, MAX(event_type = 'purchase') pu FROM s GROUP BY 1, 2)""")[0]
    no_co = q(db, f"""
        WITH s AS ({SESSIONS_SQL})
        SELECT user_id, MIN(event_at) FROM s GROUP BY user_id, session_no
        HAVING MAX(event_type = 'purchase') = 1 AND MAX(event_type = 'checkout') = 0 ORDER BY 1""")
    span = q(db, "SELECT MIN(event_at), MAX(event_at) FROM events")[0]
    single = q(db, f"SELECT COUNT(*) FROM (SELECT user_id, session_no FROM ({SESSIONS_SQL}) GROUP BY 1, 2 HAVING COUNT(*) = 1)")[0][0]
    revenue = q(db, "SELECT ROUND(SUM(amount), 2) FROM events WHERE event_type = 'purchase'")[0][0]
    revenue_dedup = q(db, "SELECT ROUND(SUM(amount), 2) FROM (SELECT DISTINCT user_id, event_type, event_at, page, amount FROM events WHERE event_type = 'purchase')")[0][0]
    for u, secs, a, b in f["gaps"]:
        got = q(db, f"""SELECT COUNT(*) FROM (SELECT event_at, LAG(event_at) OVER (ORDER BY event_at, id) prev FROM events WHERE user_id = {u})
                       WHERE event_at = '{b:%Y-%m-%d %H:%M:%S}' AND prev = '{a:%Y-%m-%d %H:%M:%S}'""")[0][0]
        assert got >= 1, (u, secs, a, b)
    mid = q(db, f"""WITH s AS ({SESSIONS_SQL}) SELECT user_id, MIN(event_at), MAX(event_at) FROM s GROUP BY user_id, session_no
                    HAVING date(MIN(event_at)) <> date(MAX(event_at)) ORDER BY 2""")
    signup_only = [r[0] for r in q(db, "SELECT user_id FROM events GROUP BY user_id HAVING MIN(event_type) = 'signup' AND MAX(event_type) = 'signup' ORDER BY 1")]
    before_signup = q(db, "SELECT COUNT(*) FROM events e JOIN users u ON u.id = e.user_id WHERE e.event_at < u.signed_up_at")[0][0]
    assert before_signup == 0, before_signup
    signup_in = q(db, "SELECT COUNT(*) FROM users WHERE signed_up_at >= '2024-04-01'")[0][0]
    gap_lines = "\n".join(f"    user {u}: {a:%Y-%m-%d %H:%M:%S} -> {b:%H:%M:%S} ({s} s: {'same session' if s <= 1800 else 'new session'} under 'gap > 30 min')"
                          for u, s, a, b in f["gaps"])
    header = f"""
web_events: clickstream of a web shop, events {span[0]} .. {span[1]} (April-May 2024, UTC).
Generated by a seeded script (seed {SEED}); regenerate rather than hand-edit.

Tables and row counts
  users  ({n['users']} rows)  id, signed_up_at, country (NULL-able), plan ({', '.join(f'{p} {c}' for p, c in plans)})
                  signed up 2023-06-01 .. 2024-05-25; {signup_in} of them during the event window.
  events ({n['events']} rows) id, user_id -> users, event_at, event_type, page, device
                  ('desktop', 'mobile', 'tablet'), amount (REAL 2 dp, only on 'purchase' rows, else NULL)
  event_type counts: {', '.join(f'{t} {c}' for t, c in types)}.

Conventions
  Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS' (space, no zone).
  There is NO session id: sessionise per user with LAG(event_at) and a 30-minute inactivity rule
  (a gap of more than 1800 whole seconds starts a session), then a running SUM. Compare whole
  seconds (strftime('%s', event_at) - strftime('%s', prev) > 1800): with that rule there are {sessions}
  sessions ({single} of them single-event). (julianday(event_at) - julianday(prev)) * 86400 carries
  float error (an exact 1800 s gap comes out as 1800.0000134) and splits the exact-1800 s gaps below.
  Order by (event_at, id), not by id: ids mostly follow event_at, but see the late batch below.
  A 'signup' event (page '/signup') is logged for users who signed up inside the window.
  Funnel inside a session: page_view -> add_to_cart -> checkout -> purchase (remove_from_cart is
  an alternative exit). Sessions with each step: page_view {funnel[0]}, add_to_cart {funnel[1]},
  checkout {funnel[2]}, purchase {funnel[3]}.

Deliberate quirks (question material)
  Users with no events at all ({len(no_events)}): {ids_text(no_events, 25)}.
    {active} users have at least one event; {len(signup_only)} of them only the signup event ({ids_text(signup_only)}).
    No event is earlier than its user's signed_up_at.
  Users with NULL country ({len(null_country)}): {ids_text(null_country)}.
  Exact duplicate events (same user_id, event_type, event_at, page; different id): {dup_groups[0]} groups,
    {dup_groups[1]} surplus rows (the copy has the next id): {ids_text(dup_ids)}.
    Duplicated purchases (double-counted revenue) (ids): {'; '.join(r[0] for r in dup_purchase)}.
    SUM(amount) of purchases is {revenue:.2f} with duplicates, {revenue_dedup:.2f} without.
  Inactivity-gap boundaries (sessionisation edge cases):
{gap_lines}
  Sessions crossing midnight (one session, two calendar days): {len(mid)}, e.g.
    {'; '.join(f'user {u} {a} -> {b}' for u, a, b in mid[:6])}.
  Purchases without a checkout in the same session (lost tracking), by session start:
    {'; '.join(f'user {u} {a}' for u, a in no_co)}.
  Ties on event_at: an add_to_cart in the same second as the previous page_view of the same user
    (ids {', '.join(str(i) for i, _, _ in sorted(f['same_second']))}): order by (event_at, id) to be deterministic.
  Late-arriving mobile events (ids {ids_text(f['late'])}): loaded in a later batch, so their ids are
    larger than those of later events. LAG ... ORDER BY id gives wrong gaps; ORDER BY event_at is right.
  Streaks (gaps-and-islands on distinct active days, day - ROW_NUMBER()): {streak_users[2]} users have a
    run of >= 3 consecutive active days ({streak_users[0]} runs >= 3 days, {streak_users[1]} runs >= 7 days). Longest runs:
    {'; '.join(f'user {u} {a}..{b} ({l} days)' for u, a, b, l in streaks)}.
    A few heavy users (e.g. {ids_text(f['power'][:6])}) are active most days with short breaks; many users
    appear on one to four scattered days; some regulars stop partway (churn).
"""
    return header, n


def main():
    body, facts = build()
    header, n = describe(body, facts)
    path = write("web_events.sql", header, DDL, body)
    print(path, n)


if __name__ == "__main__":
    main()
