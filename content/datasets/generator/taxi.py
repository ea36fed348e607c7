"""Generates content/datasets/taxi.sql (deterministic: fixed seed)."""
import datetime as dt
import math
import random
import sqlite3

from common import Money, fmt_ts, inserts, write, ids_text

SEED = 20240506
START = dt.date(2024, 5, 6)   # Monday
DAYS = 21                     # to Sunday 2024-05-26
N_TAXIS = 60
N_BASE = 4160
FALLBACKS = []  # trips no on-shift taxi was free for (given to an off-shift taxi)

# id, borough, zone_name, x km, y km, pickup weight
ZONES = [
    (1, "Manhattan", "Financial District", 0.5, 0.0, 5),
    (2, "Manhattan", "Tribeca", 0.5, 2.0, 3),
    (3, "Manhattan", "Greenwich Village", 1.0, 4.0, 5),
    (4, "Manhattan", "East Village", 2.2, 4.2, 5),
    (5, "Manhattan", "Chelsea", 0.3, 6.0, 5),
    (6, "Manhattan", "Gramercy", 2.0, 6.2, 4),
    (7, "Manhattan", "Midtown Center", 1.5, 8.5, 9),
    (8, "Manhattan", "Times Square", 0.9, 8.7, 8),
    (9, "Manhattan", "Murray Hill", 2.6, 7.8, 5),
    (10, "Manhattan", "Upper East Side", 3.2, 11.5, 7),
    (11, "Manhattan", "Upper West Side", 1.2, 12.5, 6),
    (12, "Manhattan", "Central Park", 2.2, 11.8, 2),
    (13, "Manhattan", "Harlem", 2.5, 16.0, 2),
    (14, "Manhattan", "Washington Heights", 1.8, 20.0, 1),
    (15, "Brooklyn", "Williamsburg", 4.5, 3.0, 2.5),
    (16, "Brooklyn", "DUMBO", 2.0, -0.8, 1),
    (17, "Brooklyn", "Park Slope", 2.0, -5.0, 1.2),
    (18, "Brooklyn", "Bushwick", 7.0, 1.0, 0.8),
    (19, "Brooklyn", "Crown Heights", 5.5, -4.0, 0.6),
    (20, "Brooklyn", "Coney Island", 1.0, -14.0, 0.2),
    (21, "Queens", "Astoria", 5.0, 11.5, 1.2),
    (22, "Queens", "Long Island City", 4.0, 7.5, 1.2),
    (23, "Queens", "Flushing", 14.0, 10.0, 0.4),
    (24, "Queens", "Jamaica", 15.0, 2.0, 0.4),
    (25, "Queens", "JFK Airport", 15.0, -5.0, 4),
    (26, "Queens", "LaGuardia Airport", 9.0, 12.0, 3.5),
    (27, "Bronx", "Mott Haven", 4.0, 16.5, 0.4),
    (28, "Bronx", "Fordham", 5.0, 21.0, 0.3),
    (29, "Bronx", "Riverdale", 2.5, 25.0, 0.15),
    (30, "Staten Island", "St. George", -4.0, -8.0, 0.08),
    (31, "Staten Island", "Great Kills", -9.0, -17.0, 0.0),
    (32, "EWR", "Newark Airport", -14.0, -5.0, 0.3),
    (33, "Unknown", "Unknown", None, None, 0),
]
Z = {z[0]: z for z in ZONES}
AIRPORTS = {25, 26, 32}
JFK = 25
WEEKDAY_HOURS = [1.2, 0.7, 0.45, 0.3, 0.35, 0.7, 1.8, 3.4, 4.6, 4.4, 3.6, 3.5, 3.7, 3.8, 4.0, 4.3,
                 4.6, 5.0, 5.4, 5.0, 4.3, 3.8, 3.2, 2.2]
WEEKEND_HOURS = [2.8, 2.4, 1.8, 1.2, 0.8, 0.6, 0.8, 1.1, 1.8, 2.6, 3.2, 3.6, 3.9, 4.0, 4.0, 4.0,
                 3.9, 4.0, 4.2, 4.2, 4.0, 3.9, 3.8, 3.4]


def dist(a, b):
    (ax, ay), (bx, by) = Z[a][3:5], Z[b][3:5]
    return math.hypot(ax - bx, ay - by)


def speed_kmh(hour, highway):
    v = 13 if hour in (7, 8, 9, 16, 17, 18) else 17 if 10 <= hour <= 20 else 26
    return v * (1.5 if highway else 1.0)


def build():
    rng = random.Random(SEED)
    real = [z for z in ZONES if z[3] is not None]
    trips = []
    day_factor = {d: rng.uniform(0.85, 1.15) for d in range(DAYS)}
    day_factor[11] *= 1.35  # Friday 2024-05-17: rainy evening, busy day
    slots = []
    for d in range(DAYS):
        day = START + dt.timedelta(days=d)
        weights = WEEKEND_HOURS if day.weekday() >= 5 else WEEKDAY_HOURS
        if day.weekday() == 4:
            weights = [w * (1.25 if h >= 18 else 1.0) for h, w in enumerate(weights)]
        for h, w in enumerate(weights):
            slots.append((day, h, w * day_factor[d]))
    picks = rng.choices(slots, [s[2] for s in slots], k=N_BASE)
    for day, h, _ in picks:
        pickup = dt.datetime(day.year, day.month, day.day, h, rng.randrange(60), rng.randrange(60))
        pz = rng.choices(real, [z[5] for z in real])[0][0]
        dw = []
        for z in real:
            w = max(z[5], 0.3) * math.exp(-dist(pz, z[0]) / 5.0)
            if z[0] in AIRPORTS and pz not in AIRPORTS:
                w *= 2.2
            if pz in AIRPORTS and z[0] in AIRPORTS:
                w *= 0.1
            dw.append(w)
        dz = rng.choices(real, dw)[0][0]
        highway = pz in AIRPORTS or dz in AIRPORTS
        km = max(0.4, dist(pz, dz) * 1.3 * rng.uniform(0.9, 1.2) + rng.uniform(0.2, 1.2))
        minutes = km / speed_kmh(h, highway) * 60 * rng.uniform(0.85, 1.3) + rng.uniform(1, 4)
        dropoff = pickup + dt.timedelta(seconds=int(minutes * 60))
        if {Z[pz][1], Z[dz][1]} == {"Queens", "Manhattan"} and JFK in (pz, dz):
            fare = 70.00
        else:
            fare = round(3.00 + 1.75 * km + 0.35 * minutes, 2)
            if 32 in (pz, dz):
                fare = round(fare + 20.00, 2)
        pay = rng.choices(["card", "cash", "no_charge", "dispute"], [74, 23.5, 1.6, 0.9])[0]
        if pay == "card":
            tip = round(fare * rng.choice([0.15, 0.18, 0.20, 0.20, 0.22, 0.25, 0.30]), 2) if rng.random() < 0.8 else 0.0
            if tip and rng.random() < 0.3:
                tip = float(rng.choice([2, 3, 5, 5, 10]))
        else:
            tip = 0.0
        pc = rng.choices([1, 2, 3, 4, 5, 6, 0, None], [70, 14, 4.5, 2.5, 3, 2, 1, 3])[0]
        trips.append(dict(pickup=pickup, dropoff=dropoff, pz=pz, dz=dz, pc=pc, km=km, fare=fare,
                          tip=tip, pay=pay))

    # ---- deliberate data-quality problems ----
    quirks = {}
    pool = list(range(len(trips)))
    rng.shuffle(pool)

    def take(n):
        return [trips[pool.pop()] for _ in range(n)]

    for t in take(14):      # meter started and stopped on the spot
        t["dz"], t["km"] = t["pz"], 0.0
        t["dropoff"] = t["pickup"] + dt.timedelta(seconds=rng.randrange(20, 240))
        t["fare"], t["tip"] = 3.00, 0.0
        t["q"] = "zero_distance"
    for t in take(10):      # GPS failed: time passed, distance not recorded
        t["km"] = 0.0
        t["q"] = "zero_distance"
    for t in take(6):
        t["pickup"], t["dropoff"] = t["dropoff"], t["pickup"]
        t["q"] = "dropoff_before_pickup"
    for t in take(3):
        t["pay"] = "dispute"
        t["fare"], t["tip"] = -t["fare"], 0.0
        t["q"] = "negative_fare"
    t = take(1)[0]
    t["dropoff"] = t["pickup"] + dt.timedelta(hours=13, minutes=41, seconds=12)
    t["fare"] = round(3.00 + 1.75 * t["km"] + 0.35 * (13 * 60 + 41), 2)
    t["q"] = "meter_left_running"
    t = take(1)[0]
    t["km"] = round(t["km"], 2) * 100
    t["q"] = "distance_typo"
    for t in take(8):
        if rng.random() < 0.5:
            t["pz"] = 33
        else:
            t["dz"] = 33
        t["q"] = "unknown_zone"

    # ---- taxis: shifts and assignment (no overlapping trips per taxi) ----
    taxis = []
    for k in range(1, N_TAXIS + 1):
        night = k % 3 == 0
        off = set(rng.sample(range(7), rng.choice([1, 1, 2])))
        absent = set(rng.sample(range(DAYS), rng.choice([0, 0, 1, 2, 3])))
        taxis.append(dict(id=k, night=night, off=off, absent=absent, free=dt.datetime(2000, 1, 1)))

    def on_shift(tx, ts):
        if tx["night"]:
            start_day = ts.date() if ts.hour >= 17 else ts.date() - dt.timedelta(days=1)
            if not (ts.hour >= 17 or ts.hour < 6):
                return False
        else:
            start_day = ts.date()
            if not (6 <= ts.hour < 18):
                return False
        d = (start_day - START).days
        return start_day.weekday() not in tx["off"] and d not in tx["absent"]

    trips.sort(key=lambda t: t["pickup"])
    for t in trips:
        start, end = min(t["pickup"], t["dropoff"]), max(t["pickup"], t["dropoff"])
        cands = [tx for tx in taxis if tx["free"] <= start and on_shift(tx, start)]
        if not cands:
            FALLBACKS.append(t)
            cands = [tx for tx in taxis if tx["free"] <= start]
        tx = rng.choice(cands)
        tx["free"] = end + dt.timedelta(minutes=rng.randrange(1, 6))
        t["taxi"] = tx["id"]

    # ---- duplicates: identical rows (a re-sent batch) ----
    dup_src = rng.sample([t for t in trips if "q" not in t], 34)
    extra_adjacent, extra_end = [], []
    for k, t in enumerate(dup_src):
        copies = 2 if k < 3 else 1
        for _ in range(copies):
            c = dict(t)
            c["dup_of"] = t
            (extra_end if k >= 24 else extra_adjacent).append(c)
    allt = trips + extra_adjacent
    allt.sort(key=lambda t: (t["pickup"], "dup_of" in t))
    allt += sorted(extra_end, key=lambda t: t["pickup"])
    for i, t in enumerate(allt, start=1):
        t["id"] = i

    rows = [(t["id"], fmt_ts(t["pickup"]), fmt_ts(t["dropoff"]), t["pz"], t["dz"], t["pc"], Money(t["km"]),
             Money(t["fare"]), Money(t["tip"]), t["pay"], t["taxi"]) for t in allt]
    zone_rows = [(z[0], z[1], z[2]) for z in ZONES]
    body = (inserts("zones", ["id", "borough", "zone_name"], zone_rows) + "\n"
            + inserts("trips", ["id", "pickup_at", "dropoff_at", "pickup_zone_id", "dropoff_zone_id",
                                "passenger_count", "distance_km", "fare", "tip", "payment_type", "taxi_id"], rows))
    facts = {}
    for t in allt:
        if "q" in t and "dup_of" not in t:
            facts.setdefault(t["q"], []).append(t["id"])
    facts["dup_end_first"] = min(t["id"] for t in extra_end)
    facts["off_shift"] = sorted(t["id"] for t in FALLBACKS)
    return body, facts


DDL = """
CREATE TABLE zones (
    id        INTEGER PRIMARY KEY,
    borough   TEXT    NOT NULL,
    zone_name TEXT    NOT NULL
);

CREATE TABLE trips (
    id              INTEGER PRIMARY KEY,
    pickup_at       TEXT    NOT NULL,
    dropoff_at      TEXT    NOT NULL,
    pickup_zone_id  INTEGER NOT NULL REFERENCES zones (id),
    dropoff_zone_id INTEGER NOT NULL REFERENCES zones (id),
    passenger_count INTEGER,
    distance_km     REAL    NOT NULL,
    fare            REAL    NOT NULL,
    tip             REAL    NOT NULL,
    payment_type    TEXT    NOT NULL,
    taxi_id         INTEGER NOT NULL
);
"""


def q(db, sql):
    return db.execute(sql).fetchall()


def describe(body, f):
    db = sqlite3.connect(":memory:")
    db.executescript(DDL + body)
    n = {t: q(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("zones", "trips")}
    cols = "pickup_at, dropoff_at, pickup_zone_id, dropoff_zone_id, passenger_count, distance_km, fare, tip, payment_type, taxi_id"
    dup_groups = q(db, f"SELECT GROUP_CONCAT(id, '/'), COUNT(*) FROM (SELECT * FROM trips ORDER BY id) GROUP BY {cols} HAVING COUNT(*) > 1 ORDER BY MIN(id)")
    extra = sum(c - 1 for _, c in dup_groups)
    zero = [r[0] for r in q(db, "SELECT id FROM trips WHERE distance_km = 0 ORDER BY id")]
    zero_same = [r[0] for r in q(db, "SELECT DISTINCT id FROM trips WHERE distance_km = 0 AND pickup_zone_id = dropoff_zone_id AND fare = 3 ORDER BY id")]
    backwards = [r[0] for r in q(db, "SELECT DISTINCT id FROM trips WHERE dropoff_at < pickup_at ORDER BY id")]
    null_pc = q(db, "SELECT COUNT(*) FROM trips WHERE passenger_count IS NULL")[0][0]
    zero_pc = q(db, "SELECT COUNT(*) FROM trips WHERE passenger_count = 0")[0][0]
    midnight = q(db, "SELECT COUNT(*) FROM trips WHERE date(dropoff_at) > date(pickup_at)")[0][0]
    midnight_ex = [r[0] for r in q(db, "SELECT id FROM trips WHERE date(dropoff_at) > date(pickup_at) ORDER BY id LIMIT 5")]
    pay = q(db, "SELECT payment_type, COUNT(*) FROM trips GROUP BY 1 ORDER BY 2 DESC")
    cash_tips = q(db, "SELECT COUNT(*) FROM trips WHERE payment_type = 'cash' AND tip <> 0")[0][0]
    flat = q(db, "SELECT COUNT(*) FROM trips WHERE fare = 70")[0][0]
    neg = [r[0] for r in q(db, "SELECT DISTINCT id FROM trips WHERE fare < 0 ORDER BY id")]
    unknown = [r[0] for r in q(db, "SELECT id FROM trips WHERE 33 IN (pickup_zone_id, dropoff_zone_id) ORDER BY id")]
    longest = q(db, "SELECT id, pickup_at, dropoff_at, fare FROM trips ORDER BY julianday(dropoff_at) - julianday(pickup_at) DESC LIMIT 1")[0]
    far = q(db, "SELECT id, distance_km FROM trips ORDER BY distance_km DESC LIMIT 1")[0]
    rng_ = q(db, "SELECT MIN(pickup_at), MAX(pickup_at) FROM trips")[0]
    taxis = q(db, "SELECT COUNT(DISTINCT taxi_id), MIN(c), MAX(c) FROM (SELECT taxi_id, COUNT(*) c FROM trips GROUP BY 1)")[0]
    no_pickups = [r[0] for r in q(db, "SELECT id FROM zones z WHERE NOT EXISTS (SELECT 1 FROM trips t WHERE t.pickup_zone_id = z.id)")]
    overlaps = q(db, f"""SELECT COUNT(*) FROM (SELECT taxi_id, pickup_at, dropoff_at, LAG(dropoff_at) OVER (PARTITION BY taxi_id ORDER BY pickup_at, id) prev
                        FROM (SELECT MIN(id) id, {cols} FROM trips GROUP BY {cols}) WHERE dropoff_at >= pickup_at) WHERE prev > pickup_at""")[0][0]
    no_trips = [r[0] for r in q(db, "SELECT id FROM zones z WHERE NOT EXISTS (SELECT 1 FROM trips t WHERE z.id IN (t.pickup_zone_id, t.dropoff_zone_id))")]
    assert f["zero_distance"] and f["dropoff_before_pickup"]
    islands = "WITH d AS (SELECT DISTINCT taxi_id, {day} AS day FROM trips), g AS (SELECT taxi_id, julianday(day) - ROW_NUMBER() OVER (PARTITION BY taxi_id ORDER BY day) AS grp FROM d) SELECT MAX(c) FROM (SELECT COUNT(*) c FROM g GROUP BY taxi_id, grp)"
    night_max = q(db, islands.format(day="date(pickup_at)"))[0][0]
    shift_max = q(db, islands.format(day="date(pickup_at, '-6 hours')"))[0][0]
    header = f"""
taxi: three weeks of city taxi trips, Monday 2024-05-06 to Sunday 2024-05-26 (pickups {rng_[0]} .. {rng_[1]}).
Generated by a seeded script (seed {SEED}); regenerate rather than hand-edit.

Tables and row counts
  zones ({n['zones']} rows)   id, borough, zone_name. Boroughs: Manhattan, Brooklyn, Queens, Bronx,
                    Staten Island, EWR (Newark Airport) and 'Unknown' (zone 33, zone_name 'Unknown').
  trips ({n['trips']} rows) id, pickup_at, dropoff_at, pickup_zone_id -> zones, dropoff_zone_id -> zones,
                    passenger_count (NULL-able), distance_km (REAL 2 dp), fare, tip (REAL 2 dp, dollars),
                    payment_type, taxi_id ({taxis[0]} taxis, {taxis[1]}..{taxis[2]} trips each; no taxis table)
  payment_type: {', '.join(f'{p} {c}' for p, c in pay)}.

Conventions
  Timestamps are local wall-clock text 'YYYY-MM-DD HH:MM:SS' (space, no zone, no DST change in the
  period). A trip belongs to the day of pickup_at unless a question says otherwise.
  Trip duration in minutes: (julianday(dropoff_at) - julianday(pickup_at)) * 24 * 60.
  ids follow pickup_at, except the re-sent batch at the end (see duplicates).
  Fares are metered (3.00 + 1.75/km + 0.35/min) except a flat 70.00 between JFK Airport (zone 25)
  and Manhattan ({flat} trips: many exact fare ties) and a 20.00 surcharge to/from Newark Airport.
  Volume: weekday rush hours, busy Friday/Saturday nights (pickups after midnight belong to the
  next calendar day), a busy rainy Friday 2024-05-17. Taxis work day (06-18) or night (17-06)
  shifts with 1-2 days off a week plus a few absences, so each taxi's working days form islands.

Deliberate quirks (question material)
  Exact duplicate trips (all columns equal except id): {len(dup_groups)} groups, {extra} surplus rows; 3 trips
    appear three times. Most copies sit next to the original (id + 1); the copies with ids >= {f['dup_end_first']}
    are a re-sent batch appended at the end, out of pickup order. Groups (ids):
    {'; '.join(g for g, _ in dup_groups)}.
  Zero-distance trips ({len(zero)}): {ids_text(zero)}.
    {len(zero_same)} of them ({ids_text(zero_same)}) are flag-fall-only rides (same zone, under 4 minutes,
    fare 3.00, no tip); the others took real time but lost the distance (GPS failure).
  Dropoff before pickup ({len(backwards)}): {ids_text(backwards)} (timestamps swapped: a negative duration).
  Negative fares (refunded disputes, {len(neg)}): {ids_text(neg)}.
  Meter left running: trip {longest[0]} lasts from {longest[1]} to {longest[2]}, fare {longest[3]:.2f} (skews AVG, not the median).
  Distance typo: trip {far[0]} has distance_km {far[1]:.2f} (decimal point lost).
  Unknown zone 33 on {len(unknown)} trips: {ids_text(unknown)}. Zones with no pickups at all: {ids_text(no_pickups)}
    (zone 31 Great Kills only receives dropoffs); zones with no trips at all: {ids_text(no_trips) or 'none'}.
  passenger_count is NULL on {null_pc} trips and 0 on {zero_pc}: AVG(passenger_count) ignores the NULLs,
    COUNT(passenger_count) differs from COUNT(*).
  Cash tips are not recorded: every cash trip has tip 0.00 (cash trips with tip <> 0: {cash_tips}), so tip-rate
    questions should look at card trips only. About 20% of card trips also have no tip.
  Trips crossing midnight: {midnight} (dropoff on a later date than pickup), e.g. {ids_text(midnight_ex)}.
  Taxi shifts: night-shift taxis (taxi_id divisible by 3) work 17:00-06:00, so their shift spans two
    calendar dates; streaks of working days by date(pickup_at) merge across days off (up to {night_max} days),
    by shift day date(pickup_at, '-6 hours') they are at most {shift_max} days. Trips {ids_text(f['off_shift'])} were driven by a
    taxi outside its shift (no on-shift taxi was free).
  Per taxi, trips never overlap once exact duplicates are removed and the swapped trips are left out
    ({overlaps} overlapping consecutive pairs then); with the duplicates, each copy overlaps its original.
"""
    return header, n


def main():
    body, facts = build()
    header, n = describe(body, facts)
    path = write("taxi.sql", header, DDL, body)
    print(path, n, "fallback assignments:", len(FALLBACKS))


if __name__ == "__main__":
    main()
