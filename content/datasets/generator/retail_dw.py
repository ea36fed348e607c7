"""Generates content/datasets/retail_dw.sql (deterministic: fixed seed).

A small retail warehouse with two layers:
  * marts: a star schema for in-store sales (fact_sales at receipt-line grain, dim_date, dim_store,
    dim_product snowflaked to dim_category, dim_customer with an unknown member for guests);
  * raw + incremental: raw_order_updates, a change feed of web orders loaded in daily batches
    (late arrivals, redelivered duplicates, arrival order != event order), and fct_orders, the
    incremental model's table as it stood before the batch loaded on 2024-06-10.
"""
import datetime as dt
import random
import sqlite3

from common import Money, fmt_ts, fmt_d, inserts, write, ids_text, FIRST, LAST

SEED = 20240331
D0 = dt.date(2024, 1, 1)
N_DAYS = 91                      # 2024-01-01 .. 2024-03-31
CLOSED_DAYS = {dt.date(2024, 1, 1), dt.date(2024, 2, 13)}   # New Year's Day, storm closure
STORES = [  # key, id, name, city, region, opened_on
    (1, "S01", "Leeds Briggate", "Leeds", "North", "2019-04-01"),
    (2, "S02", "York Minster", "York", "North", "2020-09-12"),
    (3, "S03", "Bristol Harbourside", "Bristol", "West", "2018-06-30"),
    (4, "S04", "Exeter Quay", "Exeter", "West", "2021-03-20"),
    (5, "S05", "Brighton Lanes", "Brighton", "South", "2017-11-04"),
    (6, "S06", "Southampton Docks", "Southampton", "South", "2024-03-01"),
]
CATEGORIES = [  # key, name, department
    (1, "Fresh Produce", "Food"), (2, "Bakery", "Food"), (3, "Pantry", "Food"),
    (4, "Cookware", "Home"), (5, "Bedding", "Home"), (6, "Outerwear", "Clothing"),
    (7, "Footwear", "Clothing"),
]
PRODUCT_NAMES = {
    1: ["Apples 1kg", "Bananas 6pk", "Tomatoes 500g", "Avocados 2pk", "Spinach 250g", "Carrots 1kg"],
    2: ["Sourdough Loaf", "Croissants 4pk", "Bagels 5pk", "Rye Bread", "Cinnamon Buns 2pk"],
    3: ["Olive Oil 1l", "Basmati Rice 2kg", "Pasta 500g", "Coffee Beans 1kg", "Oats 1kg", "Honey 340g"],
    4: ["Cast Iron Pan", "Chef's Knife", "Stock Pot", "Baking Tray", "Wooden Spoon Set"],
    5: ["Duvet Double", "Pillow Pair", "Cotton Sheet Set", "Wool Throw"],
    6: ["Rain Jacket", "Puffer Coat", "Fleece Jumper", "Wool Scarf", "Gloves"],
    7: ["Trail Runners", "Leather Boots", "Canvas Trainers", "Wellies"],
}
PRICE = {1: (1.2, 4.5), 2: (1.8, 5.5), 3: (2.0, 14.0), 4: (8.0, 85.0), 5: (15.0, 120.0),
         6: (12.0, 140.0), 7: (30.0, 130.0)}
UNSOLD_PRODUCTS = {"Stock Pot", "Wool Throw"}
TIERS = ["Bronze", "Silver", "Gold"]

DDL = """
CREATE TABLE dim_date (
  date_key INTEGER PRIMARY KEY,      -- yyyymmdd
  full_date TEXT NOT NULL,           -- 'YYYY-MM-DD'
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL,
  month INTEGER NOT NULL,
  month_name TEXT NOT NULL,
  day_of_week INTEGER NOT NULL,      -- ISO: 1 = Monday .. 7 = Sunday
  day_name TEXT NOT NULL,
  is_weekend INTEGER NOT NULL        -- 1 on Saturday and Sunday
);
CREATE TABLE dim_store (
  store_key INTEGER PRIMARY KEY,
  store_id TEXT NOT NULL,            -- natural key from the POS system
  store_name TEXT NOT NULL,
  city TEXT NOT NULL,
  region TEXT NOT NULL,
  opened_on TEXT NOT NULL
);
CREATE TABLE dim_category (
  category_key INTEGER PRIMARY KEY,
  category_name TEXT NOT NULL,
  department TEXT NOT NULL
);
CREATE TABLE dim_product (
  product_key INTEGER PRIMARY KEY,
  product_id TEXT NOT NULL,          -- natural key (SKU)
  product_name TEXT NOT NULL,
  category_key INTEGER NOT NULL REFERENCES dim_category(category_key),
  list_price REAL NOT NULL
);
CREATE TABLE dim_customer (
  customer_key INTEGER PRIMARY KEY,  -- -1 is the unknown member (guest sales)
  customer_id TEXT,                  -- natural key from the loyalty system; NULL for the unknown member
  customer_name TEXT NOT NULL,
  loyalty_tier TEXT NOT NULL,        -- Bronze, Silver, Gold; 'Unknown' for the unknown member
  home_city TEXT
);
CREATE TABLE fact_sales (
  date_key INTEGER NOT NULL REFERENCES dim_date(date_key),
  store_key INTEGER NOT NULL REFERENCES dim_store(store_key),
  product_key INTEGER NOT NULL REFERENCES dim_product(product_key),
  customer_key INTEGER NOT NULL REFERENCES dim_customer(customer_key),
  receipt_no TEXT NOT NULL,          -- degenerate dimension
  line_no INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price REAL NOT NULL,
  discount_amount REAL NOT NULL,
  net_amount REAL NOT NULL,          -- quantity * unit_price - discount_amount
  PRIMARY KEY (receipt_no, line_no)
);
CREATE TABLE raw_order_updates (
  update_id INTEGER PRIMARY KEY,     -- arrival order in the warehouse, NOT event order
  order_id INTEGER NOT NULL,
  status TEXT NOT NULL,              -- placed, paid, cancelled, shipped, delivered
  amount REAL NOT NULL,
  updated_at TEXT NOT NULL,          -- when the change happened in the shop's database (UTC)
  _loaded_at TEXT NOT NULL           -- when the batch landed in the warehouse (UTC)
);
CREATE TABLE fct_orders (
  order_id INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  amount REAL NOT NULL,
  updated_at TEXT NOT NULL,
  _loaded_at TEXT NOT NULL
);
"""


def build_star(rnd):
    dates = []
    for i in range(N_DAYS):
        d = D0 + dt.timedelta(days=i)
        dates.append((int(d.strftime("%Y%m%d")), fmt_d(d), d.year, (d.month + 2) // 3, d.month,
                      d.strftime("%B"), d.isoweekday(), d.strftime("%A"), 1 if d.isoweekday() >= 6 else 0))
    products = []
    key = 0
    for ck, names in PRODUCT_NAMES.items():
        lo, hi = PRICE[ck]
        for n in names:
            key += 1
            products.append((key, f"SKU-{1000 + key * 7}", n, ck, Money(rnd.uniform(lo, hi))))
    customers = [(-1, None, "Unknown customer", "Unknown", None)]
    cities = [s[3] for s in STORES]
    for k in range(1, 161):
        customers.append((k, f"C-{k:04d}", f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                          rnd.choices(TIERS, [6, 3, 1])[0], rnd.choice(cities)))
    sellable = [p for p in products if p[2] not in UNSOLD_PRODUCTS]
    weights = [rnd.uniform(0.3, 3.0) * (2.5 if p[3] <= 3 else 1.0) for p in sellable]
    facts = []
    rno = 0
    for day in dates:
        d = dt.date.fromisoformat(day[1])
        if d in CLOSED_DAYS:
            continue
        for s in STORES:
            if day[1] < s[5]:
                continue
            n_receipts = rnd.randint(2, 5) + (3 if day[8] else 0) + (1 if s[4] == "South" else 0)
            for _ in range(n_receipts):
                rno += 1
                guest = rnd.random() < 0.22
                ckey = -1 if guest else rnd.randint(1, 160)
                n_lines = rnd.choices([1, 2, 3, 4, 5], [30, 28, 20, 14, 8])[0]
                picked = []
                while len(picked) < n_lines:
                    p = rnd.choices(sellable, weights)[0]
                    if p not in picked:
                        picked.append(p)
                for ln, p in enumerate(picked, 1):
                    qty = rnd.choices([1, 2, 3, 4], [60, 25, 10, 5])[0]
                    price = p[4].value
                    disc = 0.0
                    if not guest and rnd.random() < 0.18:
                        disc = round(qty * price * rnd.choice([0.1, 0.15, 0.2]), 2)
                    net = round(qty * price - disc, 2)
                    facts.append((day[0], s[0], p[0], ckey, f"R{rno:06d}", ln, qty, Money(price),
                                  Money(disc), Money(net)))
    return dates, products, customers, facts


ORDER_T0 = dt.datetime(2024, 6, 1)
SNAP_END = dt.datetime(2024, 6, 10)
PREV_WATERMARK = "2024-06-09 02:00:00"
NEW_BATCH = "2024-06-10 02:00:00"


def load_time(updated_at, extra_days=0):
    return dt.datetime.combine(updated_at.date() + dt.timedelta(days=1 + extra_days), dt.time(2, 0))


def build_orders(rnd):
    events = []   # (order_id, status, amount, updated_at, loaded_at)
    for oid in range(1, 181):
        t = ORDER_T0 + dt.timedelta(seconds=rnd.randint(0, 9 * 86400 - 1))
        amount = round(rnd.uniform(12, 320), 2)
        ev = [("placed", amount, t)]
        r = rnd.random()
        if r < 0.08:
            ev.append(("cancelled", amount, t + dt.timedelta(minutes=rnd.randint(30, 1200))))
        elif r < 0.95:
            pt = t + dt.timedelta(minutes=rnd.randint(3, 180))
            if rnd.random() < 0.12:
                amount = round(amount * 0.9, 2)          # voucher applied at payment
            ev.append(("paid", amount, pt))
            if rnd.random() < 0.85:
                st = pt + dt.timedelta(minutes=rnd.randint(360, 1800))
                ev.append(("shipped", amount, st))
                if rnd.random() < 0.8:
                    ev.append(("delivered", amount, st + dt.timedelta(minutes=rnd.randint(1440, 4320))))
        for status, amt, ts in ev:
            if ts >= SNAP_END:
                break
            events.append([oid, status, amt, ts, load_time(ts)])
    # a few changes exactly at midnight
    for e in rnd.sample([e for e in events if e[1] in ("shipped", "delivered")], 4):
        e[3] = e[3].replace(hour=0, minute=0, second=0)
        e[4] = load_time(e[3])
    # late arrivals: the row lands one or two batches later than its day
    for e in events:
        if rnd.random() < 0.07:
            e[4] = load_time(e[3], rnd.choice([1, 1, 2]))
    # forced cases for the incremental-merge card (see asserts below)
    by_order = {}
    for e in events:
        by_order.setdefault(e[0], []).append(e)
    rows = [e for e in events if e[4] <= SNAP_END + dt.timedelta(hours=2)]
    # redelivered duplicates: exact copies that arrive again in the same or the next batch
    dups = []
    for e in rows:
        if rnd.random() < 0.05:
            lt = e[4] + dt.timedelta(days=rnd.choice([0, 0, 1]))
            if lt <= SNAP_END + dt.timedelta(hours=2):
                dups.append([e[0], e[1], e[2], e[3], lt])
    rows += dups
    # arrival order: batch by batch, rows within a batch in random order (files, not events)
    rnd.shuffle(rows)
    rows.sort(key=lambda e: e[4])
    raw = [(i + 1, e[0], e[1], Money(e[2]), fmt_ts(e[3]), fmt_ts(e[4])) for i, e in enumerate(rows)]
    return raw


def latest(rows):
    best = {}
    for r in rows:
        k = r[1]
        if k not in best or (r[4], r[0]) > (best[k][4], best[k][0]):
            best[k] = r
    return best


def main():
    rnd = random.Random(SEED)
    dates, products, customers, facts = build_star(rnd)
    raw = build_orders(rnd)
    prev = [r for r in raw if r[5] <= PREV_WATERMARK]
    fct = sorted(((r[1], r[2], r[3], r[4], r[5]) for r in latest(prev).values()))
    assert max(r[4] for r in fct) == PREV_WATERMARK

    con = sqlite3.connect(":memory:")
    con.executescript(DDL)
    con.executemany("INSERT INTO dim_date VALUES (?,?,?,?,?,?,?,?,?)", dates)
    con.executemany("INSERT INTO dim_store VALUES (?,?,?,?,?,?)", STORES)
    con.executemany("INSERT INTO dim_category VALUES (?,?,?)", CATEGORIES)
    con.executemany("INSERT INTO dim_product VALUES (?,?,?,?,?)", [p[:4] + (p[4].value,) for p in products])
    con.executemany("INSERT INTO dim_customer VALUES (?,?,?,?,?)", customers)
    con.executemany("INSERT INTO fact_sales VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [f[:7] + (f[7].value, f[8].value, f[9].value) for f in facts])
    con.executemany("INSERT INTO raw_order_updates VALUES (?,?,?,?,?,?)", [r[:3] + (r[3].value,) + r[4:] for r in raw])
    con.executemany("INSERT INTO fct_orders VALUES (?,?,?,?,?)", [f[:2] + (f[2].value,) + f[3:] for f in fct])
    q = lambda s: con.execute(s).fetchall()

    n_receipts = q("SELECT COUNT(DISTINCT receipt_no) FROM fact_sales")[0][0]
    guest_lines, guest_receipts = q("SELECT COUNT(*), COUNT(DISTINCT receipt_no) FROM fact_sales WHERE customer_key = -1")[0]
    unsold = q("SELECT product_key, product_name FROM dim_product WHERE product_key NOT IN (SELECT product_key FROM fact_sales) ORDER BY 1")
    cust_no_sales = q("SELECT COUNT(*) FROM dim_customer WHERE customer_key NOT IN (SELECT customer_key FROM fact_sales)")[0][0]
    no_sale_days = [r[0] for r in q("SELECT full_date FROM dim_date WHERE date_key NOT IN (SELECT date_key FROM fact_sales) ORDER BY 1")]
    disc_lines = q("SELECT COUNT(*) FROM fact_sales WHERE discount_amount > 0")[0][0]
    assert set(no_sale_days) == {fmt_d(d) for d in CLOSED_DAYS}
    assert len(unsold) == 2
    feb_s02_empty = [r[0] for r in q("""SELECT d.full_date FROM dim_date d WHERE d.month = 2 AND NOT EXISTS
        (SELECT 1 FROM fact_sales f WHERE f.date_key = d.date_key AND f.store_key = 2) ORDER BY 1""")]
    s06_first = q("SELECT MIN(date_key) FROM fact_sales WHERE store_key = 6")[0][0]
    assert s06_first == 20240301

    # raw / incremental facts
    n_raw = len(raw)
    n_orders = q("SELECT COUNT(DISTINCT order_id) FROM raw_order_updates")[0][0]
    dup_groups = q("""SELECT COUNT(*) FROM (SELECT order_id, status, updated_at FROM raw_order_updates
                      GROUP BY 1,2,3 HAVING COUNT(*) > 1)""")[0][0]
    late = q("""SELECT COUNT(*) FROM raw_order_updates WHERE date(updated_at) < date(_loaded_at, '-1 day')""")[0][0]
    midnight = [r[0] for r in q("SELECT update_id FROM raw_order_updates WHERE time(updated_at) = '00:00:00' ORDER BY 1")]
    batches = q("SELECT _loaded_at, COUNT(*) FROM raw_order_updates GROUP BY 1 ORDER BY 1")
    new_batch = [r for r in raw if r[5] > PREV_WATERMARK]
    assert all(r[5] == NEW_BATCH for r in new_batch)
    fct_by = {r[0]: r for r in fct}
    newest = latest(new_batch)
    inserts_ = [k for k in newest if k not in fct_by]
    updates_ = [k for k in newest if k in fct_by and newest[k][4] > fct_by[k][3]]
    stale = [k for k in newest if k in fct_by and newest[k][4] <= fct_by[k][3]]
    max_fct_upd = max(r[3] for r in fct)
    missed_by_updated_at = [k for k in inserts_ + updates_ if newest[k][4] <= max_fct_upd]
    new_batch_dups = q(f"""SELECT COUNT(*) FROM (SELECT order_id, updated_at FROM raw_order_updates
                        WHERE _loaded_at = '{NEW_BATCH}' GROUP BY 1,2 HAVING COUNT(*) > 1)""")[0][0]
    multi = q(f"""SELECT COUNT(*) FROM (SELECT order_id FROM raw_order_updates WHERE _loaded_at = '{NEW_BATCH}'
                  GROUP BY 1 HAVING COUNT(DISTINCT updated_at) > 1)""")[0][0]
    # arrival order differs from event order inside the new batch for some orders
    arrival_wrong = 0
    for k, r in newest.items():
        by_arrival = max((x for x in new_batch if x[1] == k), key=lambda x: x[0])
        if by_arrival[4] != r[4]:
            arrival_wrong += 1
    assert stale and missed_by_updated_at and new_batch_dups and arrival_wrong, (stale, missed_by_updated_at, new_batch_dups, arrival_wrong)

    header = f"""retail_dw: a small retail warehouse (seed {SEED}); regenerate with generator/retail_dw.py, do not hand-edit.

Marts: a star schema of in-store sales, 2024-01-01 to 2024-03-31
  fact_sales   ({len(facts)} rows) grain: one row per receipt line. date_key -> dim_date, store_key -> dim_store,
                 product_key -> dim_product, customer_key -> dim_customer, receipt_no (degenerate dimension:
                 no receipt table), line_no, quantity, unit_price, discount_amount, net_amount
                 (= quantity * unit_price - discount_amount, REAL 2 dp). {n_receipts} receipts.
  dim_date     ({len(dates)} rows) date_key (yyyymmdd INTEGER), full_date 'YYYY-MM-DD', year, quarter, month,
                 month_name, day_of_week (ISO 1 = Monday), day_name, is_weekend (0/1). Every day of Q1 2024.
  dim_store    ({len(STORES)} rows) store_key, store_id (natural key), store_name, city, region (North, West, South), opened_on
  dim_product  ({len(products)} rows) product_key, product_id (SKU), product_name, category_key -> dim_category, list_price
  dim_category ({len(CATEGORIES)} rows) category_key, category_name, department (Food, Home, Clothing): the product
                 dimension is snowflaked (product -> category -> department).
  dim_customer ({len(customers)} rows) customer_key, customer_id, customer_name, loyalty_tier (Bronze, Silver, Gold), home_city.
                 customer_key -1 is the unknown member 'Unknown customer' (loyalty_tier 'Unknown', customer_id NULL):
                 guest sales point at it, so fact_sales has no NULL keys and inner joins keep every line.
Quirks (question material)
  Guest (unknown-member) sales: {guest_lines} lines on {guest_receipts} receipts.
  Days with no sales at all (stores closed): {', '.join(no_sale_days)}; they exist in dim_date only.
  Store 6 (S06 Southampton Docks) opened 2024-03-01: no sales before then.
  Store 2 (S02 York Minster) has no sales on these February days: {', '.join(feb_s02_empty) or 'none'}.
  Products never sold: {', '.join(f'{k} {n!r}' for k, n in unsold)}. Customers with no sales: {cust_no_sales}.
  Discounts only for loyalty customers: {disc_lines} lines have discount_amount > 0.
  Receipts have 1-5 lines: counting fact rows counts lines, not receipts (use COUNT(DISTINCT receipt_no)).

Raw + incremental: web orders, a change feed loaded in daily batches, June 2024 (UTC)
  raw_order_updates ({n_raw} rows, {n_orders} orders) update_id (arrival order in the warehouse, NOT event order),
                 order_id, status (placed, paid, cancelled, shipped, delivered), amount, updated_at (when the
                 change happened at the source), _loaded_at (when its batch landed).
                 A batch lands at 02:00 with the changes of the previous day: {', '.join(f'{b[0][:10]} ({b[1]})' for b in batches)}.
  fct_orders   ({len(fct)} rows) the incremental model's table before the batch of {NEW_BATCH}: one row per
                 order, its latest change (by updated_at) among the rows loaded up to {PREV_WATERMARK}
                 (= MAX(fct_orders._loaded_at), the model's watermark).
Quirks (question material)
  Late arrivals: {late} rows landed in a later batch than the day after their updated_at.
  Redelivered duplicates: {dup_groups} (order_id, status, updated_at) groups appear more than once (new update_id).
  Changes at exactly midnight: update_id {ids_text(midnight)}.
  The batch of {NEW_BATCH} ({len(new_batch)} rows): {new_batch_dups} duplicated (order_id, updated_at) pairs, {multi} orders with
    more than one change, {arrival_wrong} orders whose highest update_id is not their latest change.
    Merged into fct_orders it inserts {len(inserts_)} orders and updates {len(updates_)}; for {len(stale)} order(s)
    ({ids_text(stale)}) it carries only changes older than, or a redelivered copy of, the version fct_orders
    already holds: they must not overwrite it. {len(missed_by_updated_at)} of the inserted/updated orders
    ({ids_text(missed_by_updated_at)}) have a latest change older than MAX(fct_orders.updated_at):
    an incremental filter on updated_at instead of _loaded_at misses them.
"""
    body = "".join([
        inserts("dim_date", ["date_key", "full_date", "year", "quarter", "month", "month_name", "day_of_week", "day_name", "is_weekend"], dates),
        inserts("dim_store", ["store_key", "store_id", "store_name", "city", "region", "opened_on"], STORES),
        inserts("dim_category", ["category_key", "category_name", "department"], CATEGORIES),
        inserts("dim_product", ["product_key", "product_id", "product_name", "category_key", "list_price"], products),
        inserts("dim_customer", ["customer_key", "customer_id", "customer_name", "loyalty_tier", "home_city"], customers),
        inserts("fact_sales", ["date_key", "store_key", "product_key", "customer_key", "receipt_no", "line_no", "quantity", "unit_price", "discount_amount", "net_amount"], facts),
        inserts("raw_order_updates", ["update_id", "order_id", "status", "amount", "updated_at", "_loaded_at"], raw),
        inserts("fct_orders", ["order_id", "status", "amount", "updated_at", "_loaded_at"], [f[:2] + (Money(f[2].value),) + f[3:] for f in fct]),
    ])
    print(write("retail_dw.sql", header, DDL, body))
    print(header)


if __name__ == "__main__":
    main()
