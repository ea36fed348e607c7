"""Generates content/datasets/ecommerce.sql (deterministic: fixed seed)."""
import datetime as dt
import math
import random
import sqlite3

from common import FIRST, LAST, Money, fmt_ts, inserts, write, ids_text

SEED = 20240630
START = dt.date(2023, 1, 1)
END = dt.date(2024, 6, 30)
SNAPSHOT = dt.datetime(2024, 6, 30, 23, 59, 59)
T = "T"  # timestamp separator used throughout this dataset

CATEGORY_WEIGHT = {"Books": 1.2, "Electronics": 1.0, "Kitchen": 1.0, "Home": 0.9, "Garden": 0.6,
                   "Toys": 0.8, "Sports": 0.9, "Beauty": 1.0}

# name, current list price, relative popularity within the category
CATALOGUE = {
    "Books": [
        ("The Data Warehouse Toolkit", 59.99, 3.0),
        ("Designing Data-Intensive Applications", 45.00, 2.2),
        ("SQL Performance Explained", 34.95, 1.0),
        ("Fluent Python", 52.99, 0.9),
        ("Streaming Systems", 47.50, 0.5),
        ("The Pragmatic Programmer", 39.99, 1.0),
        ("Clean Code", 36.49, 0.7),
        ("Python Crash Course", 29.99, 1.2),
        ("Database Internals", 49.99, 0.4),
        ("Fundamentals of Data Engineering", 45.00, 2.2),
    ],
    "Electronics": [
        ("Wireless Earbuds", 79.99, 1.0),
        ("Noise-Cancelling Headphones", 129.00, 1.6),
        ("USB-C Hub", 34.99, 1.5),
        ("Mechanical Keyboard", 129.00, 1.6),
        ("Wireless Mouse", 24.99, 1.8),
        ('27" Monitor', 219.00, 0.35),
        ("Webcam 1080p", 59.99, 0.8),
        ("Portable SSD 1TB", 89.99, 0.7),
        ("Bluetooth Speaker", 49.99, 0.9),
        ("Smart Plug (2-pack)", 19.99, 1.0),
    ],
    "Kitchen": [
        ("Chef's Knife 8in", 64.99, 1.4),
        ("Cast Iron Skillet", 39.99, 1.6),
        ("French Press", 24.50, 1.75),
        ("Electric Kettle", 44.99, 0.6),
        ("Cutting Board", 24.50, 1.75),
        ("Spice Rack", 27.99, 0.8),
        ("Pour-Over Coffee Set", 32.00, 0.8),
        ("Stand Mixer", 299.00, 0.04),
        ("Measuring Cups", 12.99, 1.2),
        ("Silicone Spatula Set", 14.99, 1.0),
    ],
    "Home": [
        ("Desk Lamp", 39.99, 1.2),
        ("Throw Blanket", 34.99, 1.1),
        ("Scented Candle", 18.99, 1.8),
        ("Wall Clock", 29.99, 0.0),
        ("Storage Basket", 21.99, 1.0),
        ("Picture Frame Set", 26.99, 0.7),
        ("Doormat", 19.99, 0.9),
        ("Bath Towel Set", 42.99, 0.9),
        ("Cushion Cover", 15.99, 1.0),
        ("Laundry Hamper", 31.99, 0.5),
    ],
    "Garden": [
        ("Garden Hose 25m", 36.99, 1.0),
        ("Pruning Shears", 22.99, 1.2),
        ("Seed Starter Kit", 17.99, 1.1),
        ("Watering Can", 15.99, 1.0),
        ("Raised Bed Kit", 129.99, 0.0),
        ("Bird Feeder", 24.99, 0.8),
        ("Solar Path Lights", 39.99, 0.9),
        ("Compost Bin", 59.99, 0.0),
        ("Garden Gloves", 9.99, 1.3),
        ("Plant Pot Set", 27.99, 0.9),
    ],
    "Toys": [
        ("Building Blocks 500pc", 44.99, 1.3),
        ("Puzzle 1000pc", 19.99, 1.2),
        ("Remote Control Car", 54.99, 0.8),
        ("Board Game: Rails", 39.99, 1.0),
        ("Plush Bear", 16.99, 1.1),
        ("Card Game: Sprint", 12.99, 1.0),
        ("Kite", 21.99, 0.0),
        ("Wooden Train Set", 64.99, 0.5),
        ("Art Kit", 24.99, 0.9),
        ("Magnetic Tiles", 49.99, 0.8),
    ],
    "Sports": [
        ("Yoga Mat", 29.99, 1.5),
        ("Dumbbell Pair 5kg", 39.99, 0.9),
        ("Resistance Bands", 19.99, 1.2),
        ("Water Bottle", 17.99, 1.6),
        ("Running Belt", 22.99, 0.7),
        ("Jump Rope", 11.99, 0.8),
        ("Foam Roller", 24.99, 0.9),
        ("Tennis Balls (3)", 8.99, 1.0),
        ("Cycling Gloves", 27.99, 0.0),
        ("Gym Bag", 44.99, 0.6),
    ],
    "Beauty": [
        ("Face Moisturiser", 24.99, 1.4),
        ("Sunscreen SPF50", 16.99, 1.5),
        ("Lip Balm", 4.99, 1.3),
        ("Shampoo Bar", 11.99, 1.0),
        ("Hand Cream", 9.99, 1.1),
        ("Beard Oil", 18.99, 0.0),
        ("Hair Dryer", 69.99, 0.5),
        ("Electric Toothbrush", 59.99, 0.6),
        ("Body Wash", 8.99, 1.0),
        ("Makeup Brush Set", 29.99, 0.7),
    ],
}
# pairs forced to the same revenue (same list price, never discounted, equal quantity sold)
TIES = [("Electronics", "Noise-Cancelling Headphones", "Mechanical Keyboard", 1),
        ("Kitchen", "French Press", "Cutting Board", 3),
        ("Books", "Designing Data-Intensive Applications", "Fundamentals of Data Engineering", 2)]
TIE_NAMES = {n for t in TIES for n in t[1:3]}
NEVER_SOLD = {"Wall Clock", "Compost Bin", "Kite", "Cycling Gloves", "Beard Oil"}
ONLY_CANCELLED = "Raised Bed Kit"
# list price changed on a date; before it the old price was charged
PRICE_CHANGES = {"Wireless Earbuds": (dt.date(2023, 9, 1), 69.99),
                 "Cast Iron Skillet": (dt.date(2024, 1, 15), 34.99),
                 "Yoga Mat": (dt.date(2023, 6, 1), 24.99),
                 "Fluent Python": (dt.date(2023, 4, 10), 49.99),
                 "Scented Candle": (dt.date(2024, 3, 1), 16.99),
                 "Sunscreen SPF50": (dt.date(2023, 5, 1), 14.99),
                 "Board Game: Rails": (dt.date(2024, 2, 1), 44.99),
                 "USB-C Hub": (dt.date(2023, 11, 1), 39.99)}
BLACK_FRIDAY = (dt.date(2023, 11, 24), dt.date(2023, 11, 27))
OUTAGE_DAYS = {dt.date(2023, 3, 14), dt.date(2024, 2, 6)}
ALL_CANCELLED_DAY = dt.date(2023, 8, 21)
BUG_DAY = dt.date(2024, 6, 28)
COUNTRIES = [("US", 30), ("GB", 14), ("DE", 10), ("FR", 7), ("NL", 5), ("ES", 5), ("IT", 4),
             ("CA", 6), ("AU", 4), ("SE", 3), ("PL", 3), ("IE", 3), ("BR", 2), ("IN", 3), ("JP", 2)]
HOUR_W = [0.6, 0.4, 0.25, 0.15, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.2, 1.3, 1.5, 1.4, 1.3, 1.3, 1.4,
          1.6, 1.9, 2.2, 2.4, 2.2, 1.7, 1.1]
MONTH_END_ORDERS = [dt.date(2023, 1, 31), dt.date(2023, 3, 31), dt.date(2023, 6, 30),
                    dt.date(2023, 9, 30), dt.date(2023, 12, 31), dt.date(2024, 1, 31),
                    dt.date(2024, 2, 29), dt.date(2024, 3, 31), dt.date(2024, 5, 31)]
MONTH_START_ORDERS = [dt.date(2023, 2, 1), dt.date(2023, 7, 1), dt.date(2024, 1, 1),
                      dt.date(2024, 3, 1)]


def poisson(rng, lam):
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l:
            return k
        k += 1


def rand_time(rng, day):
    h = rng.choices(range(24), HOUR_W)[0]
    return dt.datetime(day.year, day.month, day.day, h, rng.randrange(60), rng.randrange(60))


def build():
    rng = random.Random(SEED)

    # ---------- products ----------
    flat = [(cat, n, p, w) for cat, items in CATALOGUE.items() for n, p, w in items]
    rng.shuffle(flat)
    products = []  # dict rows
    for i, (cat, n, p, w) in enumerate(flat, start=1):
        products.append(dict(id=i, name=n, category=cat, unit_price=p,
                             weight=w * CATEGORY_WEIGHT[cat]))
    by_name = {p["name"]: p for p in products}

    # ---------- customers ----------
    signups = []
    for _ in range(300):
        if rng.random() < 0.35:
            a, b = dt.datetime(2022, 3, 1), dt.datetime(2023, 1, 1)
        else:
            a, b = dt.datetime(2023, 1, 1), dt.datetime(2024, 6, 20)
        signups.append(a + dt.timedelta(seconds=rng.randrange(int((b - a).total_seconds()))))
    signups.sort()
    customers = []
    used_emails = set()
    for i, s in enumerate(signups, start=1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        base = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
        email = f"{base}@{rng.choice(['example.com', 'example.org', 'example.net'])}"
        n = 2
        while email in used_emails:
            email = f"{base}{n}@{rng.choice(['example.com', 'example.org', 'example.net'])}"
            n += 1
        used_emails.add(email)
        customers.append(dict(id=i, name=f"{first} {last}", email=email,
                              country=rng.choices([c for c, _ in COUNTRIES], [w for _, w in COUNTRIES])[0],
                              signed_up_at=s, weight=rng.lognormvariate(0, 0.95)))
    null_country = rng.sample(range(1, 301), 12)
    for cid in null_country:
        customers[cid - 1]["country"] = None
    # the customer who only has the three empty orders of the 2024-06-28 checkout bug
    june = [c for c in customers if dt.datetime(2024, 6, 1) <= c["signed_up_at"] < dt.datetime(2024, 6, 20)]
    bug_customer = june[-1]
    bug_customer["signed_up_at"] = dt.datetime(2024, 6, 19, 21, 14, 5)
    bug_customer["weight"] = 0.0
    no_orders = set(rng.sample([c["id"] for c in customers if c is not bug_customer], 20))
    for cid in no_orders:
        customers[cid - 1]["weight"] = 0.0
    # duplicate sign-up: same person, same email in different case
    dup_a = customers[40]
    dup_b = customers[236]
    dup_b["name"] = dup_a["name"]
    local, domain = dup_a["email"].split("@")
    dup_b["email"] = f"{local.title()}@{domain}"
    dup_b["country"] = dup_a["country"] or "GB"

    # ---------- orders ----------
    n_days = (END - START).days + 1
    lam = {}
    for k in range(n_days):
        d = START + dt.timedelta(days=k)
        x = 1.0 + 0.8 * k / n_days
        if d.weekday() >= 5:
            x *= 1.15
        if (d.month == 11 and d.day >= 15) or (d.month == 12 and d.day <= 20):
            x *= 1.6
        if d == dt.date(2023, 11, 24):
            x *= 4
        if d == dt.date(2023, 11, 27):
            x *= 3
        if d in OUTAGE_DAYS or d == ALL_CANCELLED_DAY:
            x = 0
        lam[d] = x
    target = 2500 - 8 - len(MONTH_END_ORDERS) - len(MONTH_START_ORDERS) - 2
    scale = target / sum(lam.values())
    orders = []  # dict(ts, customer, status, empty)
    for d, x in sorted(lam.items()):
        for _ in range(poisson(rng, x * scale)):
            orders.append(dict(ts=rand_time(rng, d)))
    for d in MONTH_END_ORDERS:
        orders.append(dict(ts=dt.datetime(d.year, d.month, d.day, 23, 59, rng.randrange(10, 60)), edge=True))
    for d in MONTH_START_ORDERS:
        orders.append(dict(ts=dt.datetime(d.year, d.month, d.day, 0, 0, rng.randrange(5, 60)), edge=True))
    for h in (10, 16):
        orders.append(dict(ts=dt.datetime(2023, 8, 21, h, rng.randrange(60), rng.randrange(60)),
                           status="cancelled"))

    def pick_customer(ts):
        cands = [c for c in customers if c["weight"] > 0 and c["signed_up_at"] <= ts]
        return rng.choices(cands, [c["weight"] for c in cands])[0]

    def status_for(ts):
        age = (SNAPSHOT - ts).total_seconds() / 86400
        if age <= 2:
            opts = [("placed", 55), ("shipped", 35), ("cancelled", 10)]
        elif age <= 7:
            opts = [("placed", 10), ("shipped", 50), ("delivered", 32), ("cancelled", 8)]
        elif age <= 30:
            opts = [("shipped", 5), ("delivered", 80), ("cancelled", 9), ("returned", 6)]
        else:
            opts = [("delivered", 83), ("cancelled", 10), ("returned", 7)]
        return rng.choices([s for s, _ in opts], [w for _, w in opts])[0]

    # most new customers place their first order within two weeks of signing up
    orders.sort(key=lambda o: o["ts"])
    for c in sorted(customers, key=lambda c: rng.random()):
        if c["weight"] == 0 or rng.random() > 0.8:
            continue
        window = [o for o in orders if "customer" not in o and o.get("status") is None
                  and c["signed_up_at"] <= o["ts"] < c["signed_up_at"] + dt.timedelta(days=14)]
        if window:
            window[0]["customer"] = c
    for o in orders:
        o.setdefault("customer", None)
        if o["customer"] is None:
            o["customer"] = pick_customer(o["ts"])
        o.setdefault("status", "delivered" if o.get("edge") else status_for(o["ts"]))
        o["empty"] = False
    # checkout bug on 2024-06-28: orders written without items, stuck in 'placed'
    heavy = sorted((c for c in customers if c["weight"] > 0), key=lambda c: -c["weight"])[:12]
    for c in rng.sample(heavy, 5):
        orders.append(dict(ts=rand_time(rng, BUG_DAY), customer=c, status="placed", empty=True, bug=True))
    for m in (0, 1, 3):
        orders.append(dict(ts=dt.datetime(2024, 6, 28, 19, 2 + m, 11 + 7 * m), customer=bug_customer,
                           status="placed", empty=True, bug=True))
    orders.sort(key=lambda o: o["ts"])
    for i, o in enumerate(orders, start=1):
        o["id"] = i
    # cancelled before any item was saved
    cancelled = [o for o in orders if o["status"] == "cancelled" and o["ts"].date() != ALL_CANCELLED_DAY]
    for o in rng.sample(cancelled, 7):
        o["empty"] = True
    # two orders placed as a guest before the account existed (later linked to it)
    guest = []
    for o in rng.sample([o for o in orders if not o["empty"] and not o.get("edge")
                         and o["ts"].date() > dt.date(2023, 3, 1) and o["status"] == "delivered"], 2):
        later = [c for c in customers if c["weight"] > 0
                 and o["ts"] < c["signed_up_at"] < o["ts"] + dt.timedelta(days=20)]
        if later:
            o["customer"] = later[0]
            guest.append(o["id"])

    # ---------- order items ----------
    sellable = [p for p in products if p["weight"] > 0]

    def price_paid(p, day):
        price = p["unit_price"]
        if p["name"] in PRICE_CHANGES and day < PRICE_CHANGES[p["name"]][0]:
            price = PRICE_CHANGES[p["name"]][1]
        if p["name"] in TIE_NAMES:
            return price
        if BLACK_FRIDAY[0] <= day <= BLACK_FRIDAY[1]:
            return round(price * 0.8, 2)
        if rng.random() < 0.07:
            return round(price * (1 - rng.choice([0.05, 0.10, 0.15, 0.25])), 2)
        return price

    items = []  # dict(order, product, quantity, price)
    for o in orders:
        if o["empty"]:
            continue
        n = rng.choices([1, 2, 3, 4, 5], [46, 30, 14, 7, 3])[0]
        chosen = []
        while len(chosen) < n:
            p = rng.choices(sellable, [p["weight"] for p in sellable])[0]
            if p not in chosen:
                chosen.append(p)
        for p in chosen:
            q = rng.choices([1, 2, 3, 4, 6], [76, 17, 5, 1.5, 0.5])[0]
            items.append(dict(order=o, product=p, quantity=q, price=price_paid(p, o["ts"].date())))
    # the product that only ever sold in a cancelled order
    rb = by_name[ONLY_CANCELLED]
    canc_with_items = [o for o in orders if o["status"] == "cancelled" and not o["empty"]]
    rb_order = rng.choice(canc_with_items)
    items.append(dict(order=rb_order, product=rb, quantity=1, price=rb["unit_price"]))
    # same product on two lines of one order
    two_lines = []
    for it in rng.sample([it for it in items if it["order"]["status"] in ("delivered", "shipped")
                          and it["product"]["name"] not in TIE_NAMES], 6):
        items.append(dict(order=it["order"], product=it["product"], quantity=1, price=it["price"]))
        two_lines.append((it["order"]["id"], it["product"]["id"]))

    # ---------- exact revenue ties ----------
    def sold_qty(p):
        return sum(it["quantity"] for it in items
                   if it["product"] is p and it["order"]["status"] != "cancelled")

    for _, a_name, b_name, _ in TIES:
        a, b = by_name[a_name], by_name[b_name]
        qa, qb = sold_qty(a), sold_qty(b)
        low, diff = (b, qa - qb) if qa > qb else (a, qb - qa)
        cands = [it for it in items if it["product"] is low and it["order"]["status"] != "cancelled"]
        rng.shuffle(cands)
        for k in range(diff):
            cands[k % len(cands)]["quantity"] += 1

    items.sort(key=lambda it: (it["order"]["id"]))
    for i, it in enumerate(items, start=1):
        it["id"] = i

    # ---------- SQL ----------
    cust_rows = [(c["id"], c["name"], c["email"], c["country"], fmt_ts(c["signed_up_at"], T))
                 for c in customers]
    prod_rows = [(p["id"], p["name"], p["category"], Money(p["unit_price"])) for p in products]
    order_rows = [(o["id"], o["customer"]["id"], o["status"], fmt_ts(o["ts"], T)) for o in orders]
    item_rows = [(it["id"], it["order"]["id"], it["product"]["id"], it["quantity"], Money(it["price"]))
                 for it in items]
    body = (inserts("customers", ["id", "name", "email", "country", "signed_up_at"], cust_rows) + "\n"
            + inserts("products", ["id", "name", "category", "unit_price"], prod_rows) + "\n"
            + inserts("orders", ["id", "customer_id", "status", "ordered_at"], order_rows) + "\n"
            + inserts("order_items", ["id", "order_id", "product_id", "quantity", "unit_price"], item_rows))
    facts = dict(null_country=null_country, no_orders=no_orders, bug_customer=bug_customer["id"],
                 dup=(dup_a["id"], dup_b["id"]), guest=guest, two_lines=two_lines,
                 rb=(rb["id"], rb_order["id"]))
    return body, facts


DDL = """
CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    email        TEXT    NOT NULL,
    country      TEXT,
    signed_up_at TEXT    NOT NULL
);

CREATE TABLE products (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    category   TEXT    NOT NULL,
    unit_price REAL    NOT NULL
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    status      TEXT    NOT NULL CHECK (status IN ('placed', 'shipped', 'delivered', 'cancelled', 'returned')),
    ordered_at  TEXT    NOT NULL
);

CREATE TABLE order_items (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    unit_price REAL    NOT NULL
);
"""


def q(db, sql):
    return db.execute(sql).fetchall()


def describe(body, facts):
    db = sqlite3.connect(":memory:")
    db.executescript(DDL + body)
    n = {t: q(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("customers", "products", "orders", "order_items")}
    empty = [r[0] for r in q(db, "SELECT id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id) ORDER BY id")]
    empty_st = q(db, "SELECT o.id, o.status, o.customer_id, o.ordered_at FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id) ORDER BY id")
    no_orders = [r[0] for r in q(db, "SELECT id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)")]
    null_country = [r[0] for r in q(db, "SELECT id FROM customers WHERE country IS NULL")]
    repeat = q(db, "SELECT COUNT(*) FROM (SELECT customer_id FROM orders WHERE status <> 'cancelled' GROUP BY customer_id HAVING COUNT(*) >= 3)")[0][0]
    three_one_canc = [r[0] for r in q(db, "SELECT customer_id FROM orders GROUP BY customer_id HAVING COUNT(*) = 3 AND SUM(status = 'cancelled') = 1")]
    never_sold = q(db, "SELECT id, name FROM products p WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.product_id = p.id) ORDER BY id")
    status = q(db, "SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY COUNT(*) DESC")
    price_diff = q(db, "SELECT COUNT(*) FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.unit_price <> p.unit_price")[0][0]
    edges = [r[0] + " (order " + str(r[1]) + ")" for r in q(db, "SELECT ordered_at, id FROM orders WHERE substr(ordered_at, 12) >= '23:59:00' OR substr(ordered_at, 12) < '00:01:00' ORDER BY ordered_at")]
    zero_days = [r[0] for r in q(db, """
        WITH RECURSIVE d(day) AS (SELECT '2023-01-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2024-06-30')
        SELECT day FROM d WHERE day NOT IN (SELECT date(ordered_at) FROM orders)""")]
    ties = q(db, """
        WITH r AS (SELECT p.category, p.id, p.name, SUM(oi.quantity * oi.unit_price) AS revenue
                   FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id
                   WHERE o.status <> 'cancelled' GROUP BY p.id),
             k AS (SELECT *, RANK() OVER (PARTITION BY category ORDER BY revenue DESC) AS rnk FROM r)
        SELECT a.category, a.id, b.id, ROUND(a.revenue, 2), a.rnk
        FROM k a JOIN k b ON a.category = b.category AND a.id < b.id AND a.revenue = b.revenue
        ORDER BY a.category""")
    sold_per_cat = q(db, "SELECT p.category, COUNT(DISTINCT p.id) FROM products p JOIN order_items i ON i.product_id = p.id GROUP BY p.category ORDER BY 1")
    first_last = q(db, "SELECT MIN(ordered_at), MAX(ordered_at) FROM orders")[0]
    dup_lines = facts["two_lines"]
    bf = q(db, "SELECT COUNT(*) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE date(o.ordered_at) BETWEEN '2023-11-24' AND '2023-11-27'")[0][0]
    all_cancelled = q(db, "SELECT date(ordered_at) FROM orders GROUP BY 1 HAVING SUM(status <> 'cancelled') = 0")
    bug = facts["bug_customer"]
    guest = q(db, f"SELECT o.id, o.customer_id, o.ordered_at, c.signed_up_at FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.ordered_at < c.signed_up_at")

    for cat, a_name, b_name, want in TIES:
        got = [r for r in ties if r[0] == cat]
        assert len(got) == 1 and got[0][4] == want, (cat, got, want)
        dense = q(db, f"""
            WITH r AS (SELECT p.id, SUM(oi.quantity * oi.unit_price) AS revenue
                       FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id
                       WHERE o.status <> 'cancelled' AND p.category = '{cat}' GROUP BY p.id)
            SELECT COUNT(*) FROM r WHERE revenue = {got[0][3]}""")
        assert dense[0][0] == 2, (cat, dense)
    tie_lines = []
    for cat, a, b, rev, rnk in ties:
        tie_lines.append(f"  {cat}: products {a} and {b} both have revenue {rev:.2f} (RANK {rnk})")
    header = f"""
ecommerce: a small online shop, 2023-01-01 to 2024-06-30 (snapshot taken 2024-06-30 23:59:59).
Generated by a seeded script (seed {SEED}); regenerate rather than hand-edit.

Tables and row counts
  customers   ({n['customers']} rows)  id, name, email, country (ISO 3166 alpha-2, NULL-able),
                            signed_up_at (text timestamp)
  products    ({n['products']} rows)   id, name, category, unit_price (current list price, REAL 2 dp)
  orders      ({n['orders']} rows) id, customer_id -> customers, status, ordered_at (text timestamp)
                            status is never NULL: {', '.join(f"{s} {c}" for s, c in status)}
  order_items ({n['order_items']} rows) id, order_id -> orders, product_id -> products, quantity,
                            unit_price (the price actually paid per unit, REAL 2 dp)
Revenue = SUM(order_items.quantity * order_items.unit_price).

Conventions
  Timestamps are ISO-8601 text 'YYYY-MM-DDTHH:MM:SS' with a T and no zone (shop-local time).
  date(), strftime() and text comparison work on them. Beware: ordered_at <= '2024-01-31' misses
  every order made during 31 January (the text '2024-01-31T...' sorts after '2024-01-31');
  use ordered_at < '2024-02-01'.
  ids grow with time: orders.id and order_items.id follow ordered_at, customers.id follows signed_up_at.
  Money is REAL rounded to 2 decimals; round sums for display (floating-point sums are not exact).

Deliberate quirks (question material)
  Orders with no items ({len(empty)}): {ids_text(empty)}.
    {sum(1 for r in empty_st if r[1] == 'cancelled')} are cancelled orders; {sum(1 for r in empty_st if r[1] == 'placed')} are 'placed' orders written by a checkout bug on 2024-06-28
    (no cancelled status, so they count as non-cancelled orders with zero revenue).
    Customer {bug} signed up 2024-06-19 and has exactly three orders, all bug orders without
    items: in "customers with >= 3 non-cancelled orders" they appear with total_spent 0
    (only with LEFT JOIN order_items + COALESCE).
  Customers with no orders ({len(no_orders)}): {ids_text(no_orders)}.
  Customers with NULL country ({len(null_country)}): {ids_text(null_country)}.
  {repeat} customers have >= 3 non-cancelled orders (order counts are skewed: a few heavy buyers,
    many one- or two-order customers). Customers with exactly 3 orders of which 1 is cancelled
    (drop out once cancelled orders are excluded): {ids_text(three_one_canc)}.
  Same person signed up twice: customers {facts['dup'][0]} and {facts['dup'][1]} have the same name and the same email
    apart from letter case (dedup with lower(email)).
  Orders dated before the customer signed up (guest checkout later linked to the account):
    {'; '.join(f"order {r[0]} (customer {r[1]}, ordered {r[2]}, signed up {r[3]})" for r in guest)}.
  Prices: {price_diff} order items were paid at a price different from products.unit_price
    (random 5-25% discounts, 20% off everything from 2023-11-24 to 2023-11-27 ({bf} items),
    and list-price changes for {len(PRICE_CHANGES)} products: before the change the old price was charged).
  Same product on two lines of one order (order_id, product_id): {', '.join(f'({a}, {b})' for a, b in dup_lines)}.
    Aggregate per (order, product) before joining if you need one row per product in an order.
  Products never sold ({len(never_sold)}): {', '.join(f'{i} {nm!r}' for i, nm in never_sold)}.
    Product {facts['rb'][0]} ({ONLY_CANCELLED!r}) was only ever in cancelled order {facts['rb'][1]}: it has an item row but no revenue.
  Products with sales per category: {', '.join(f'{c} {k}' for c, k in sold_per_cat)}.
  Exact revenue ties within a category (non-cancelled revenue; the tied products share a list price
  and are never discounted, so the sums are exactly equal, not just equal after rounding):
{chr(10).join(tie_lines)}
    Electronics ties at the top (ROW_NUMBER 1,2 / RANK 1,1 / DENSE_RANK 1,1); Books ties at ranks 2-3
    (top 3 by DENSE_RANK returns 4 rows, by RANK 3); Kitchen ties at ranks 3-4 (top 3 by RANK
    returns 4 rows, by ROW_NUMBER 3).
  Month boundaries: orders at the last second(s) before and first seconds after midnight:
    {', '.join(edges)}.
    2024 is a leap year: there are orders on 2024-02-29.
  Days with no orders at all: {', '.join(zero_days)}
    (2023-03-14 and 2024-02-06 were site outages; the others are just quiet days). Days whose only orders were
    all cancelled (no revenue): {', '.join(r[0] for r in all_cancelled)}. A daily revenue report skips these days
    unless it joins to a calendar (recursive CTE).
  Seasonality: volume grows over time, weekends are busier, 15 Nov - 20 Dec is peak season, with
    spikes on 2023-11-24 (Black Friday) and 2023-11-27. Recent orders are still 'placed'/'shipped';
    'returned' only appears on orders older than a week.
"""
    return header, n


def main():
    body, facts = build()
    header, n = describe(body, facts)
    path = write("ecommerce.sql", header, DDL, body)
    print(path, n)


if __name__ == "__main__":
    main()
