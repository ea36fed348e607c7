"""Generates content/datasets/hr.sql (deterministic: fixed seed)."""
import datetime as dt
import random
import sqlite3

from common import FIRST, LAST, Money, fmt_d, inserts, write, ids_text

SEED = 20230701
RAISE_P = 0.45  # chance of a raise in each review round
SNAPSHOT = dt.date(2024, 6, 30)
AS_OF = dt.date(2023, 7, 1)

DEPARTMENTS = ["Executive", "Engineering", "Data", "Sales", "Marketing", "Finance", "People",
               "Customer Support", "Legal", "Research", "Procurement"]
DEPT = {n: i for i, n in enumerate(DEPARTMENTS, start=1)}

# dept -> (IC titles, IC salary range)
IC = {"Engineering": (["Software Engineer", "Software Engineer", "Senior Software Engineer", "Junior Software Engineer", "QA Engineer"], (68000, 112000)),
      "Data": (["Data Engineer", "Senior Data Engineer", "Data Analyst", "Analytics Engineer"], (64000, 108000)),
      "Sales": (["Account Executive", "Account Executive", "Sales Development Rep"], (46000, 72000)),
      "Customer Support": (["Support Specialist", "Support Specialist", "Senior Support Specialist"], (38000, 56000)),
      "Marketing": (["Marketing Specialist", "Content Writer"], (50000, 76000)),
      "Finance": (["Accountant", "Financial Analyst"], (55000, 82000)),
      "People": (["Recruiter", "HR Generalist"], (50000, 70000))}
LEAD_TITLE = {"Engineering": "Tech Lead", "Data": "Lead Data Engineer", "Sales": "Sales Team Lead",
              "Customer Support": "Support Team Lead", "Marketing": "Marketing Lead",
              "Finance": "Finance Lead", "People": "People Partner Lead"}
# level-3 managers: (dept, title, number of team leads under them, ICs directly under them)
L3 = [("Engineering", "Engineering Manager", 3, 0)] * 4 + [
    ("Data", "Data Engineering Manager", 2, 0), ("Data", "Analytics Manager", 2, 1),
    ("Sales", "Sales Director", 2, 0), ("Sales", "Sales Director", 2, 0),
    ("Customer Support", "Support Director", 3, 0), ("Marketing", "Marketing Manager", 2, 1),
    ("Finance", "Finance Manager", 1, 3), ("People", "People Manager", 1, 3)]
VPS = [("Engineering", "Chief Technology Officer"), ("Data", "VP Data"), ("Sales", "VP Sales"),
       ("Marketing", "Chief Marketing Officer"), ("Finance", "Chief Financial Officer"),
       ("People", "VP People")]
IC_PER_LEAD = {"Engineering": 6, "Data": 5, "Sales": 6, "Customer Support": 7, "Marketing": 4,
               "Finance": 3, "People": 3}


class P(dict):
    """A person; compared and hashed by identity (people point at each other)."""
    __eq__ = object.__eq__
    __hash__ = object.__hash__


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def monday_on_or_after(d):
    return d + dt.timedelta(days=(7 - d.weekday()) % 7)


def build():
    rng = random.Random(SEED)
    people = []

    def person(level, dept, title, manager, hired, salary):
        p = P(level=level, dept=dept, title=title, manager=manager, hired=hired, left=None,
                 salary=salary, reports=[])
        if manager:
            manager["reports"].append(p)
        people.append(p)
        return p

    def r500(x):
        return round(x / 500) * 500

    ceo = person(1, "Executive", "Chief Executive Officer", None, dt.date(2015, 3, 2), 240000)
    assistant = person(2, None, "Executive Assistant", ceo, dt.date(2019, 4, 1), 52000)
    counsel = person(2, "Legal", "General Counsel", ceo, dt.date(2018, 9, 3), 185000)
    counsel["left"] = dt.date(2022, 9, 30)
    vps = {}
    for k, (dept, title) in enumerate(VPS):
        hired = monday_on_or_after(rand_date(rng, dt.date(2015, 4, 1), dt.date(2019, 12, 31)))
        vps[dept] = person(2, dept, title, ceo, hired, r500(rng.uniform(175000, 215000)))
    vps["Customer Support"] = vps["Sales"]  # support reports into sales

    def ic_hire(manager):
        lo = max(manager["hired"] - dt.timedelta(days=730), dt.date(2016, 1, 4))
        # company growth: later hires are more likely
        span = (dt.date(2024, 6, 24) - lo).days
        d = lo + dt.timedelta(days=int(span * (rng.random() ** 1.15)))
        return monday_on_or_after(d) if monday_on_or_after(d) <= dt.date(2024, 6, 24) else d

    def new_ic(dept, manager):
        titles, (lo, hi) = IC[dept]
        title = rng.choice(titles)
        base = rng.uniform(lo, hi) * (1.2 if title.startswith("Senior") else 0.85 if title.startswith("Junior") else 1.0)
        return person(5 if manager["level"] == 4 else 4, dept, title, manager, ic_hire(manager), r500(base))

    for dept, title, n_leads, n_direct in L3:
        vp = vps[dept]
        hired = monday_on_or_after(rand_date(rng, max(vp["hired"], dt.date(2016, 1, 1)), dt.date(2022, 6, 30)))
        lo, hi = IC[dept][1]
        mgr = person(3, dept, title, vp, hired, r500(rng.uniform(lo, hi) * 1.6))
        for _ in range(n_leads):
            lhired = monday_on_or_after(rand_date(rng, dt.date(2016, 6, 1), dt.date(2023, 3, 31)))
            lead = person(4, dept, LEAD_TITLE[dept], mgr, lhired, r500(rng.uniform(lo, hi) * 1.3))
            for _ in range(IC_PER_LEAD[dept] + rng.choice([-1, 0, 0, 1])):
                new_ic(dept, lead)
        for _ in range(n_direct):
            new_ic(dept, mgr)
    # top up to 200 with ICs under random leads
    leads = [p for p in people if p["level"] == 4 and p["title"] in LEAD_TITLE.values()]
    while len(people) < 196:
        lead = rng.choice(leads)
        new_ic(lead["dept"], lead)
    while len(people) > 196:
        victim = [p for p in people if p["level"] == 5][-1]
        victim["manager"]["reports"].remove(victim)
        people.remove(victim)
    # employees without a department: two June 2024 hires not yet placed, a contractor
    data_vp = vps["Data"]
    contractor = person(3, None, "Data Migration Contractor", data_vp, dt.date(2022, 11, 14), 98000)
    pending = []
    for d in (dt.date(2024, 6, 17), dt.date(2024, 6, 24)):
        pending.append(person(5, None, "Software Engineer", rng.choice([p for p in leads if p["dept"] == "Engineering"]), d, 85000))
    starts_on_as_of = person(5, "Data", "Data Analyst", rng.choice([p for p in leads if p["dept"] == "Data"]), AS_OF, 72000)
    assert len(people) == 200, len(people)

    # two different people with the same name
    twins = rng.sample([p for p in people if p["level"] == 5 and p["dept"] in ("Engineering", "Sales")
                        and p["dept"] is not None], 40)
    twin_a = next(p for p in twins if p["dept"] == "Engineering")
    twin_b = next(p for p in twins if p["dept"] == "Sales")
    twin_b["name_override"] = "Sam Taylor"
    twin_a["name_override"] = "Sam Taylor"

    # leavers: individual contributors mostly
    ics = [p for p in people if p["level"] == 5 and p["hired"] < dt.date(2023, 9, 1)
           and p not in (twin_a, twin_b, starts_on_as_of) and p["dept"] is not None]
    leavers = rng.sample(ics, 26)
    for p in leavers:
        p["left"] = rand_date(rng, max(p["hired"] + dt.timedelta(days=200), dt.date(2019, 1, 1)), dt.date(2024, 6, 28))
    left_on_as_of = next(p for p in leavers if p["hired"] < dt.date(2022, 6, 1))
    left_on_as_of["left"] = AS_OF
    # a team lead who left; two of their reports still point at them
    stale_lead = next(p for p in leads if p["dept"] == "Engineering" and len(p["reports"]) >= 4
                      and not any(r in leavers or r in (twin_a, twin_b) for r in p["reports"]))
    stale_lead["left"] = dt.date(2024, 3, 29)
    early = [r for r in stale_lead["reports"] if r["hired"] < dt.date(2024, 3, 29)]
    moved = early[2:] + [r for r in stale_lead["reports"] if r not in early]
    other_lead = next(p for p in leads if p["dept"] == "Engineering" and p is not stale_lead)
    for r in moved:
        r["manager"] = other_lead
    stale_reports = [r for r in stale_lead["reports"] if r not in moved]

    # ---------- salary history ----------
    def cycles(p):
        out = [dt.date(y, m, 1) for y in range(2016, 2025) for m in (1, 7) if dt.date(y, m, 1) < SNAPSHOT]
        return [c for c in out if c >= p["hired"] + dt.timedelta(days=180)
                and (p["left"] is None or c < p["left"])]

    same_salary = set(id(p) for p in rng.sample([p for p in people if p["level"] == 5 and p["hired"] < dt.date(2021, 1, 1) and p["left"] is None], 5))
    part_time = rng.sample([p for p in people if p["level"] == 5 and p["hired"] < dt.date(2021, 6, 1)
                            and p["left"] is None and id(p) not in same_salary], 2)
    for p in people:
        s = p["salary"]
        rows = [[p["hired"], s, "hire"]]
        events = [(c, "review") for c in cycles(p)]
        if p["level"] >= 4 and rng.random() < 0.3 and p["hired"] < dt.date(2023, 4, 1) and p not in part_time:
            d = rand_date(rng, p["hired"] + dt.timedelta(days=400), SNAPSHOT - dt.timedelta(days=30))
            d = d.replace(day=1)
            if d > p["hired"] and (p["left"] is None or d < p["left"]) and d not in (c for c, _ in events):
                events.append((d, "promotion"))
        if id(p) in same_salary:
            events.append((dt.date(2022, 4, 1), "title_change"))
        if p in part_time:
            events.append((dt.date(2023, 2, 1), "part_time"))
        seen = {p["hired"]}
        for d, why in sorted(events):
            if d in seen:
                continue
            seen.add(d)
            if why == "review":
                if rng.random() > RAISE_P:
                    continue
                s = r500(s * rng.uniform(1.02, 1.065))
            elif why == "promotion":
                s = r500(s * rng.uniform(1.10, 1.18))
            elif why == "part_time":
                s = r500(s * 0.8)
            rows.append([d, s, why])
        p["history"] = rows

    # ids in hire order (ties: senior first)
    people.sort(key=lambda p: (p["hired"], p["level"]))
    for i, p in enumerate(people, start=1):
        p["id"] = i
    name_rng = random.Random(SEED + 1)
    used = set()
    for p in people:
        if p.get("name_override"):
            p["name"] = p["name_override"]
            continue
        while True:
            n = f"{name_rng.choice(FIRST)} {name_rng.choice(LAST)}"
            if n not in used and n != "Sam Taylor":
                used.add(n)
                p["name"] = n
                break

    unclosed = next(p for p in sorted(leavers, key=lambda p: p["hired"])
                    if p["left"] > dt.date(2024, 1, 1) and p is not left_on_as_of and len(p["history"]) >= 2)
    emp_rows, sal_rows = [], []
    for p in people:
        emp_rows.append((p["id"], p["name"], DEPT.get(p["dept"]), p["manager"]["id"] if p["manager"] else None,
                         fmt_d(p["hired"]), fmt_d(p["left"]) if p["left"] else None, p["title"]))
        h = p["history"]
        for k, (d, s, why) in enumerate(h):
            if k + 1 < len(h):
                to = h[k + 1][0]
            elif p["left"] and p is not unclosed:
                to = p["left"]
            else:
                to = None
            sal_rows.append((p["id"], Money(s), fmt_d(d), fmt_d(to) if to else None, why))
    sal_rows.sort(key=lambda r: (r[0], r[2]))
    dept_rows = [(i, n) for n, i in DEPT.items()]
    body = (inserts("departments", ["id", "name"], dept_rows) + "\n"
            + inserts("employees", ["id", "name", "department_id", "manager_id", "hired_on", "left_on", "title"], emp_rows) + "\n"
            + inserts("salary_history", ["employee_id", "salary", "valid_from", "valid_to", "reason"], sal_rows))
    facts = dict(ceo=ceo["id"], assistant=assistant["id"], contractor=contractor["id"],
                 pending=[p["id"] for p in pending], starts_on_as_of=starts_on_as_of["id"],
                 left_on_as_of=left_on_as_of["id"], stale_lead=stale_lead["id"],
                 stale_reports=[r["id"] for r in stale_reports], counsel=counsel["id"],
                 twins=(twin_a["id"], twin_b["id"]), unclosed=unclosed["id"],
                 same_salary=sorted(p["id"] for p in people if id(p) in same_salary),
                 part_time=sorted(p["id"] for p in part_time))
    return body, facts


DDL = """
CREATE TABLE departments (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL UNIQUE
);

CREATE TABLE employees (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    department_id INTEGER REFERENCES departments (id),
    manager_id    INTEGER REFERENCES employees (id),
    hired_on      TEXT    NOT NULL,
    left_on       TEXT,
    title         TEXT    NOT NULL
);

CREATE TABLE salary_history (
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    salary      REAL    NOT NULL,
    valid_from  TEXT    NOT NULL,
    valid_to    TEXT,
    reason      TEXT    NOT NULL,
    PRIMARY KEY (employee_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
"""


def q(db, sql):
    return db.execute(sql).fetchall()


def describe(body, f):
    db = sqlite3.connect(":memory:")
    db.executescript(DDL + body)
    n = {t: q(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("departments", "employees", "salary_history")}
    # invariants
    assert q(db, """SELECT COUNT(*) FROM salary_history a JOIN salary_history b ON a.employee_id = b.employee_id
                    AND b.valid_from = (SELECT MIN(valid_from) FROM salary_history c WHERE c.employee_id = a.employee_id AND c.valid_from > a.valid_from)
                    WHERE a.valid_to IS NOT b.valid_from""")[0][0] == 0
    assert q(db, "SELECT COUNT(*) FROM employees e WHERE (SELECT MIN(valid_from) FROM salary_history s WHERE s.employee_id = e.id) <> e.hired_on")[0][0] == 0
    assert q(db, "SELECT COUNT(*) FROM (SELECT employee_id FROM salary_history WHERE valid_to IS NULL GROUP BY 1 HAVING COUNT(*) > 1)")[0][0] == 0
    depth = q(db, """WITH RECURSIVE t(id, lvl) AS (SELECT id, 1 FROM employees WHERE manager_id IS NULL
                     UNION ALL SELECT e.id, t.lvl + 1 FROM employees e JOIN t ON e.manager_id = t.id)
                     SELECT lvl, COUNT(*) FROM t GROUP BY lvl""")
    assert sum(c for _, c in depth) == n["employees"]
    per_dept = q(db, "SELECT d.id, d.name, COUNT(e.id), SUM(e.id IS NOT NULL AND e.left_on IS NULL) FROM departments d LEFT JOIN employees e ON e.department_id = d.id GROUP BY d.id ORDER BY d.id")
    null_dept = [r[0] for r in q(db, "SELECT id FROM employees WHERE department_id IS NULL")]
    change_as_of = [r[0] for r in q(db, "SELECT employee_id FROM salary_history WHERE valid_from = '2023-07-01' AND reason <> 'hire'")]
    hired_after = [r[0] for r in q(db, "SELECT id FROM employees WHERE hired_on > '2023-07-01'")]
    as_of_rows = q(db, "SELECT COUNT(*) FROM salary_history WHERE valid_from <= '2023-07-01' AND (valid_to IS NULL OR valid_to > '2023-07-01')")[0][0]
    leavers = q(db, "SELECT COUNT(*) FROM employees WHERE left_on IS NOT NULL")[0][0]
    reasons = q(db, "SELECT reason, COUNT(*) FROM salary_history GROUP BY reason ORDER BY 2 DESC")
    cur = q(db, "SELECT COUNT(*) FROM employees WHERE left_on IS NULL")[0][0]
    ranges = q(db, "SELECT MIN(hired_on), MAX(hired_on) FROM employees")[0]
    max_rows = q(db, "SELECT employee_id, COUNT(*) FROM salary_history GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1")[0]
    dept_lines = "\n".join(f"    {i:>2} {nm:<17} {tot:>3} employees ({cur_} current)" for i, nm, tot, cur_ in per_dept)
    header = f"""
hr: a 200-person company (snapshot taken {SNAPSHOT}). Generated by a seeded script (seed {SEED});
regenerate rather than hand-edit.

Tables and row counts
  departments    ({n['departments']} rows)  id, name
  employees      ({n['employees']} rows) id, name, department_id -> departments (NULL-able),
                                 manager_id -> employees (NULL only for the CEO), hired_on,
                                 left_on (NULL while still employed), title (current title)
  salary_history ({n['salary_history']} rows) employee_id -> employees, salary (yearly, REAL 2 dp),
                                 valid_from, valid_to, reason ('hire', 'review',
                                 'promotion', 'title_change', 'part_time'); PK (employee_id, valid_from)

Conventions
  All dates are ISO text 'YYYY-MM-DD' (no times), so text comparison is date comparison.
  salary_history periods are half-open [valid_from, valid_to): valid_from inclusive, valid_to
  exclusive. Each employee's periods are contiguous (the next valid_from equals the previous
  valid_to), the first starts on hired_on, and the current one has valid_to NULL.
  left_on is the first day the person was no longer employed, so a leaver's last period has
  valid_to = left_on (one deliberate exception below). employees.id follows hired_on.
  Hired {ranges[0]} .. {ranges[1]}; {cur} employed at the snapshot, {leavers} have left.
  Review rounds are effective 1 January and 1 July; in each round about {RAISE_P:.0%} of the people
  employed for at least 180 days get a raise (reason 'review'); the others get no row.

Departments (employees ever / still employed)
{dept_lines}
  Research and Procurement never had an employee; Legal's only employee (General Counsel,
  id {f['counsel']}) left on 2022-09-30, so Legal has employees but no current ones.

Management hierarchy (recursive CTE from the CEO, id {f['ceo']}, manager_id NULL):
  depth {', '.join(f'{lvl}: {c}' for lvl, c in depth)} people. CEO -> VPs/C-level -> managers/directors -> team leads ->
  individual contributors; in Finance, People, Marketing and Analytics some ICs report straight to the
  manager. Customer Support's director reports to the VP Sales (department differs from the manager's).

Deliberate quirks (question material)
  Salary changes effective exactly 2023-07-01: {len(change_as_of)} employees (the July review round), e.g.
    {ids_text(change_as_of, 12)}. An as-of-2023-07-01 lookup must return the new salary;
    BETWEEN valid_from AND valid_to returns two rows for them. {as_of_rows} employees have a salary on 2023-07-01.
  Employee {f['starts_on_as_of']} was hired exactly on 2023-07-01 (included in an as-of-2023-07-01 lookup).
  Employee {f['left_on_as_of']} left exactly on 2023-07-01 (last period ends 2023-07-01, so excluded).
  Hired after 2023-07-01 ({len(hired_after)}): {ids_text(hired_after)}.
  NULL department ({len(null_dept)}): {ids_text(null_dept)} - the executive assistant ({f['assistant']}), a data-migration
    contractor ({f['contractor']}, reports to the VP Data) and two June 2024 hires not yet placed
    ({', '.join(map(str, f['pending']))}). An inner join to departments silently drops them.
  Stale manager: team lead {f['stale_lead']} left on 2024-03-29, but employees {', '.join(map(str, f['stale_reports']))} still have
    manager_id = {f['stale_lead']} (their other reports were moved). A "current org chart" must decide what to do.
  Unclosed history: employee {f['unclosed']} has left_on set, but their last salary row still has
    valid_to NULL (a data-quality check: left_on IS NOT NULL AND current row open).
  Same name, different people: employees {f['twins'][0]} and {f['twins'][1]} are both 'Sam Taylor' (Engineering, Sales):
    group by id, not name.
  Same salary in consecutive periods (a title change recorded as a new row): employees
    {', '.join(map(str, f['same_salary']))} on 2022-04-01; collapsing adjacent equal-salary periods is a
    gaps-and-islands exercise.
  Salary decrease: employees {', '.join(map(str, f['part_time']))} moved to part time on 2023-02-01 (-20%), so
    "every raise" queries with LAG find a negative change.
  Employee {max_rows[0]} has the longest history
    ({max_rows[1]} rows). Row counts by reason: {', '.join(f'{r} {c}' for r, c in reasons)}.
"""
    return header, n


def main():
    body, facts = build()
    header, n = describe(body, facts)
    path = write("hr.sql", header, DDL, body)
    print(path, n)


if __name__ == "__main__":
    main()
