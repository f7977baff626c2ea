"""Demo households: name pools, test identity codes and who lives together.

Owned by :mod:`heka_app.demo.dataset`. The pools mirror Helsinki's rental
population: mostly Finnish-speaking, some Swedish-speaking and immigrant families.
Identity codes use the individual numbers 900-999, which DVV reserves for test
persons, so no demo code can belong to a real person.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from heka_app.services.common.identity_codes import normalize_identity_code

_YEAR = 365.2425
_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


@dataclasses.dataclass(frozen=True)
class NamePool:
    """First names by sex and surnames of one language group."""

    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]


POOLS = {
    "fi": NamePool(
        female=("Aino", "Anna", "Anni", "Eeva", "Elina", "Emilia", "Helmi", "Hanna", "Heidi",
                "Johanna", "Katja", "Laura", "Leena", "Liisa", "Maija", "Marja", "Minna",
                "Niina", "Noora", "Pirjo", "Riikka", "Sanna", "Satu", "Tuula", "Venla",
                "Sofia", "Iida", "Ella", "Aada", "Oona", "Kaisa", "Tiina"),
        male=("Antti", "Eero", "Heikki", "Jari", "Juha", "Jukka", "Kalle", "Lauri", "Markku",
              "Matti", "Mikko", "Niko", "Olli", "Pekka", "Petri", "Sami", "Teemu", "Timo",
              "Tuomas", "Ville", "Väinö", "Eino", "Leo", "Onni", "Aleksi", "Veeti", "Elias",
              "Oskari", "Janne", "Kari"),
        surnames=("Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen",
                  "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen",
                  "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
                  "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
                  "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen",
                  "Hiltunen", "Kettunen", "Leppänen", "Räsänen", "Väisänen", "Peltonen"),
    ),
    "sv": NamePool(
        female=("Ebba", "Linnea", "Saga", "Ingrid", "Maria", "Annika", "Stina", "Elsa",
                "Alva", "Wilma", "Ida", "Matilda"),
        male=("Johan", "Henrik", "Mats", "Anders", "Erik", "Fredrik", "Oscar", "Viktor",
              "Axel", "Gustav", "Nils", "Anton"),
        surnames=("Lindholm", "Sundström", "Lindqvist", "Nyberg", "Eklund", "Forsman",
                  "Holmström", "Backman", "Westerlund", "Blomqvist", "Sjöberg", "Åkerman"),
    ),
    "so": NamePool(
        female=("Hodan", "Fadumo", "Sahra", "Amina", "Ifrah", "Hibo", "Nasra"),
        male=("Abdirahman", "Mohamed", "Ahmed", "Liban", "Yusuf", "Abdi", "Hamza"),
        surnames=("Ali", "Hassan", "Warsame", "Abdi", "Farah", "Osman", "Jama"),
    ),
    "et": NamePool(
        female=("Kadri", "Liis", "Triin", "Kristiina", "Maarja", "Kertu"),
        male=("Andres", "Margus", "Tõnu", "Rasmus", "Siim", "Priit"),
        surnames=("Tamm", "Saar", "Mägi", "Kask", "Sepp", "Rebane", "Ilves"),
    ),
    "ar": NamePool(
        female=("Zahra", "Layla", "Noor", "Shirin", "Mariam", "Fatima", "Yasmin"),
        male=("Ali", "Hussein", "Karim", "Omar", "Ahmad", "Mustafa", "Yousef"),
        surnames=("Al-Hashimi", "Rahimi", "Ahmadi", "Karimi", "Mahmoud", "Saleh", "Hamid"),
    ),
    "vi": NamePool(
        female=("Lan", "Mai", "Linh", "Hoa", "Thao", "Ngoc"),
        male=("Minh", "Tuan", "Duc", "Hung", "Quang", "Long"),
        surnames=("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"),
    ),
    "uk": NamePool(
        female=("Oksana", "Kateryna", "Yuliia", "Iryna", "Olena", "Sofiia"),
        male=("Andrii", "Oleksandr", "Taras", "Dmytro", "Bohdan", "Mykola"),
        surnames=("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravets"),
    ),
}  # fmt: skip

# Share of households per language group (weights, not percentages).
GROUP_WEIGHTS = {"fi": 68, "sv": 7, "so": 7, "et": 5, "ar": 6, "vi": 3, "uk": 4}


def pick_group(rng: random.Random) -> str:
    """A language group for a new household, weighted like the tenant population."""
    groups = tuple(GROUP_WEIGHTS)
    return rng.choices(groups, weights=[GROUP_WEIGHTS[g] for g in groups])[0]


# Finnish names tied to a generation: no Pirjo born in 2015, no Venla born in 1960.
_FI_DATED = frozenset(("Pirjo", "Tuula", "Marja", "Leena", "Liisa", "Satu", "Minna", "Sanna",
                       "Riikka", "Katja", "Heidi", "Niina", "Tiina", "Kaisa", "Jari", "Juha",
                       "Jukka", "Markku", "Matti", "Pekka", "Petri", "Sami", "Timo", "Janne",
                       "Kari", "Heikki"))  # fmt: skip
_FI_MODERN = frozenset(("Aada", "Oona", "Venla", "Iida", "Ella", "Helmi", "Onni", "Eino", "Veeti",
                        "Elias", "Oskari", "Leo"))  # fmt: skip


def pick_first_name(rng: random.Random, group: str, male: bool, born: int) -> str:
    """A first name of the group fitting the birth year ``born``.

    Children of immigrants sometimes get Finnish names.
    """
    if group not in ("fi", "sv") and (born >= 2000 and rng.random() < 0.15):
        group = "fi"
    pool = POOLS[group]
    names = pool.male if male else pool.female
    if group == "fi":
        unfitting = _FI_DATED if born >= 1990 else _FI_MODERN if born < 1985 else frozenset()
        names = tuple(name for name in names if name not in unfitting)
    return rng.choice(names)


def identity_code(birth_date: dt.date, individual: int) -> str:
    """The identity code of a birth date and individual number (with check character).

    Args:
        birth_date: Born 1900-2099 ('-' and 'A' century signs).
        individual: 002-999; odd for men, even for women.

    Returns:
        e.g. ``131052-9308``.
    """
    sign = "-" if birth_date.year < 2000 else "A"
    digits = f"{birth_date:%d%m}{birth_date.year % 100:02d}{individual:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{_CHECK_CHARS[int(digits) % 31]}"


class IdentityCodes:
    """Hands out unique test identity codes (individual number 900-999)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def new(self, birth_date: dt.date, male: bool) -> str:
        """A fresh code for a person born on ``birth_date``; parity follows sex.

        Raises:
            RuntimeError: If all 50 test numbers of that date and sex are taken.
        """
        start = self._rng.randrange(900, 1000)
        for step in range(100):
            number = 900 + (start - 900 + step) % 100
            if (number % 2 == 1) != male:
                continue
            code = identity_code(birth_date, number)
            if code not in self._used:
                self._used.add(code)
                # The generator must never produce what the validator rejects.
                return normalize_identity_code(code, allow_test_codes=True)
        raise RuntimeError(f"no free test identity code for {birth_date}")


@dataclasses.dataclass
class Member:
    """One resident of a planned lease (dates only; the Person row is made later)."""

    first: str
    last: str
    male: bool
    birth: dt.date
    role: str
    moved_in: dt.date | None = None  # None: the lease start
    demo_role: str | None = None


def _born(rng: random.Random, age: float, on: dt.date) -> dt.date:
    # Ages are drawn with a margin from the 18-year limit, so day-level rounding is safe.
    return on - dt.timedelta(days=int((age + rng.random() * 0.9) * _YEAR))


def _person(rng, group, last, male, birth, role) -> Member:
    return Member(pick_first_name(rng, group, male, birth.year), last, male, birth, role)


def _adult(rng, group, last, male, age, on, role="primary") -> Member:
    return _person(rng, group, last, male, _born(rng, age, on), role)


def _child(rng, group, last, birth, family: list[Member]) -> Member:
    # Nobody in a family shares a first name (a few tries; the pools are large enough).
    for _ in range(10):
        child = _person(rng, group, last, rng.random() < 0.5, birth, "co_resident")
        if child.first not in {m.first for m in family}:
            break
    return child


def _fits_family(birth: dt.date, parent: dt.date, siblings: list[Member]) -> bool:
    # The younger parent was 20-44 at the birth; siblings are twins or 15 months apart.
    if not 20 * _YEAR <= (birth - parent).days <= 44 * _YEAR:
        return False
    return all(s.birth == birth or abs((s.birth - birth).days) >= 450 for s in siblings)


def household(rng: random.Random, rooms: int, start: dt.date, until: dt.date) -> list[Member]:
    """Residents of a lease; adults' ages at ``start``, children's at ``until``."""
    group = pick_group(rng)
    last = rng.choice(POOLS[group].surnames)
    kind = rng.choices(
        ("single", "couple", "single_parent", "family", "roommates"),
        weights={1: (88, 12, 0, 0, 0), 2: (42, 32, 17, 4, 5), 3: (10, 15, 25, 50, 0),
                 4: (0, 5, 20, 75, 0), 5: (0, 0, 15, 85, 0)}[rooms],
    )[0]  # fmt: skip
    first_male = rng.random() < 0.5
    age = rng.randint(22, 45) if kind in ("single_parent", "family") else rng.randint(19, 66)
    members = [_adult(rng, group, last, first_male, age, start)]
    if kind in ("couple", "family"):
        partner_last = last if rng.random() < 0.7 else rng.choice(POOLS[group].surnames)
        # Both spouses usually sign; sometimes the partner is only a co-resident.
        role = "primary" if rng.random() < 0.8 else "co_resident"
        partner_age = max(19, age + rng.randint(-5, 5))
        members.append(_adult(rng, group, partner_last, not first_male, partner_age, start, role))
    elif kind == "roommates":
        other_group = pick_group(rng)
        other_last = rng.choice(POOLS[other_group].surnames)
        other_male, other_age = rng.random() < 0.5, rng.randint(19, 30)
        members.append(
            _adult(rng, other_group, other_last, other_male, other_age, start, "co_resident")
        )
    if kind in ("single_parent", "family"):
        parent = max(m.birth for m in members)  # the younger parent
        children: list[Member] = []
        for _ in range(rng.choice((1, 1, 2, 2, 3)) if rooms >= 3 else 1):
            birth = _born(rng, rng.randint(0, 16), until)
            if _fits_family(birth, parent, children):
                children.append(_child(rng, group, last, birth, members + children))
        if rooms >= 3 and rng.random() < 0.15:  # a grown-up child still living at home
            birth = _born(rng, rng.randint(19, 23), until)
            if birth < start and _fits_family(birth, parent, children):
                children.append(_child(rng, group, last, birth, members + children))
        members += children
    for member in members:
        if member.birth > start:
            member.moved_in = member.birth  # born during the lease
    return members


def _fixed(first, last, male, birth, role, demo_role=None) -> Member:
    return Member(first, last, male, birth, role, demo_role=demo_role)


def demo_household(rng: random.Random, demo: str, start: dt.date, today: dt.date):
    """The households behind the demo logins: fixed names, dates relative to today."""
    if demo == "tenant":
        members = [
            _fixed("Laura", "Virtanen", False, _born(rng, 44, today), "primary", "tenant"),
            _fixed("Mikko", "Virtanen", True, _born(rng, 46, today), "primary"),
            _fixed("Eetu", "Virtanen", True, _born(rng, 19, today), "co_resident", "coresident"),
            _fixed("Helmi", "Virtanen", False, _born(rng, 9, today), "co_resident"),
        ]
    elif demo == "newtenant":
        members = [
            _fixed("Amina", "Hassan", False, _born(rng, 31, today), "primary", "newtenant"),
            _fixed("Yusuf", "Hassan", True, _born(rng, 4, today), "co_resident"),
        ]
    else:  # "former"
        members = [_fixed("Johan", "Lindholm", True, _born(rng, 58, today), "primary", "former")]
    for member in members:
        if member.birth > start:
            member.moved_in = member.birth
    return members
