"""Shared helpers for the PrepBot practice-dataset generators (kept outside the repo)."""
import datetime as dt
import os

OUT_DIR = os.environ.get("PREPBOT_DATASETS_OUT", os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
ROWS_PER_INSERT = 200


def sql_value(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Money):
        return f"{v.value:.2f}"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, dt.datetime):
        raise TypeError("format datetimes explicitly")
    return "'" + str(v).replace("'", "''") + "'"


class Money:
    """A REAL column written with exactly 2 decimals."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = round(value + 0.0, 2)


def inserts(table, columns, rows):
    out = []
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start:start + ROWS_PER_INSERT]
        out.append(f"INSERT INTO {table} ({', '.join(columns)}) VALUES\n")
        out.append(",\n".join("(" + ", ".join(sql_value(v) for v in r) + ")" for r in chunk))
        out.append(";\n")
    return "".join(out)


def comment_block(text):
    lines = text.strip("\n").split("\n")
    return "".join(("-- " + l).rstrip() + "\n" for l in lines) + "\n"


def write(name, header, ddl, body):
    path = os.path.join(OUT_DIR, name)
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(comment_block(header))
        f.write(ddl.strip() + "\n\n")
        f.write(body)
    return path


def ids_text(ids, limit=None):
    ids = sorted(ids)
    if limit and len(ids) > limit:
        return ", ".join(str(i) for i in ids[:limit]) + f", ... ({len(ids)} in all)"
    return ", ".join(str(i) for i in ids)


FIRST = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Sophia", "Elijah", "Isabella", "James",
         "Mia", "Lucas", "Amelia", "Mateo", "Harper", "Ethan", "Evelyn", "Aiden", "Abigail", "Leo",
         "Emily", "Jack", "Ella", "Henry", "Chloe", "Sebastian", "Grace", "Daniel", "Zoe", "Samuel",
         "Nora", "David", "Hannah", "Joseph", "Lily", "Carter", "Aria", "Wyatt", "Layla", "Owen",
         "Priya", "Arjun", "Mei", "Wei", "Yuki", "Haruto", "Fatima", "Omar", "Aisha", "Ibrahim",
         "Sofia", "Diego", "Lucia", "Javier", "Ines", "Joao", "Lena", "Jonas", "Marta", "Piotr",
         "Anna", "Erik", "Freya", "Lars", "Chiara", "Marco", "Camille", "Louis", "Niamh", "Sean",
         "Chinedu", "Amara", "Kwame", "Zanele", "Ravi", "Ananya", "Min-jun", "Seo-yeon", "Tomas", "Eva"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
        "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "King",
        "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell",
        "Patel", "Shah", "Singh", "Kumar", "Chen", "Wang", "Li", "Zhang", "Kim", "Park", "Nguyen",
        "Tanaka", "Sato", "Suzuki", "Khan", "Ahmed", "Ali", "Hassan", "Silva", "Santos", "Costa",
        "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Kowalski", "Nowak", "Novak",
        "Andersson", "Johansson", "Larsen", "Hansen", "Rossi", "Russo", "Bianchi", "Dubois",
        "Moreau", "Laurent", "Murphy", "Kelly", "O'Brien", "O'Connor", "D'Angelo", "Okafor",
        "Mensah", "Dlamini", "van Dijk", "de Vries", "Fernandes", "Ivanova", "Horvath"]


def fmt_ts(t, sep=" "):
    return t.strftime(f"%Y-%m-%d{sep}%H:%M:%S")


def fmt_d(d):
    return d.strftime("%Y-%m-%d")
