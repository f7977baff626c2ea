"""Demo places: area offices, properties, buildings (staircases) and apartments.

Owned by :mod:`heka_app.demo.dataset`; nothing else should import it. Street
names and postal codes are real Helsinki ones, everything else (phone numbers, people,
companies) is made up. Email domains are ``.example`` only.
"""

from __future__ import annotations

import dataclasses
import random

from sqlmodel import Session

from heka_app.models import Apartment, AreaOffice, Building, Property

# (code, name, street, postal code, phone, email local part, opening hours)
_OFFICES = (
    ("ITA", "Itäinen aluetoimisto", "Turunlinnantie 12", "00930", "09 310 31100",
     "itainen", "1-4 09:00-15:00;5 09:00-12:00"),
    ("KAAKKO", "Kaakkoinen aluetoimisto", "Hitsaajankatu 22", "00810", "09 310 31200",
     "kaakkoinen", "1-4 08:30-15:00;5 08:30-12:00"),
    ("KOILLINEN", "Koillinen aluetoimisto", "Malmin raitti 17", "00700", "09 310 31300",
     "koillinen", "1 09:00-17:00;2-4 09:00-15:00;5 09:00-12:00"),
    ("LANSI", "Läntinen aluetoimisto", "Klaneettitie 6", "00420", "09 310 31400",
     "lantinen", "1-4 09:00-15:00;5 09:00-12:00"),
    ("ETELAKESKI", "Etelä-keskinen aluetoimisto", "Hämeentie 31", "00500", "09 310 31500",
     "etelakeskinen", "1-3 09:00-15:00;4 09:00-17:00;5 09:00-12:00"),
)  # fmt: skip

# Maintenance companies (fictional) per office: name, phone, 24-hour emergency line.
_MAINTENANCE = {
    "ITA": ("Kivikon Kiinteistöhuolto Oy", "010 555 2310", "010 555 2300"),
    "KAAKKO": ("Meri-Helsingin Huolto Oy", "010 555 2410", "010 555 2400"),
    "KOILLINEN": ("Koillisen Kotihuolto Oy", "010 555 2510", "010 555 2500"),
    "LANSI": ("Länsiportin Huoltopalvelu Oy", "010 555 2610", "010 555 2600"),
    "ETELAKESKI": ("Kantakaupungin Kiinteistöpalvelu Oy", "010 555 2710", "010 555 2700"),
}


@dataclasses.dataclass(frozen=True)
class _PropertySpec:
    code: str
    name: str
    street: str
    postal_code: str
    year_built: int
    office: str
    manager: tuple[str, str]  # name, phone; the email is derived from the name
    rent_per_m2: float  # euros a month; newer and central buildings cost more
    water_per_person: int  # cents a month
    parking_cents: int | None  # None: no parking places
    shared_sauna: bool
    # Buildings: (code, street address, floors, apartments per floor).
    buildings: tuple[tuple[str, str, int, int], ...]


_PROPERTIES = (
    _PropertySpec("1041", "Heka Kontula Kontulankaari", "Kontulankaari 8", "00940", 1967,
                  "ITA", ("Sari Lindqvist", "09 310 32011"), 13.2, 2200, 2500, True,
                  (("A", "Kontulankaari 8 A", 4, 3), ("B", "Kontulankaari 8 B", 4, 3))),
    _PropertySpec("1057", "Heka Myllypuro Myllypurontie", "Myllypurontie 22", "00920", 1965,
                  "ITA", ("Sari Lindqvist", "09 310 32011"), 12.9, 2200, 2400, True,
                  (("A", "Myllypurontie 22 A", 4, 3), ("B", "Myllypurontie 24", 3, 3))),
    _PropertySpec("2013", "Heka Vuosaari Kallvikintie", "Kallvikintie 23", "00980", 1992,
                  "KAAKKO", ("Jussi Koivisto", "09 310 32022"), 15.1, 2300, 3000, True,
                  (("A", "Kallvikintie 23 A", 6, 3), ("B", "Kallvikintie 23 B", 3, 2))),
    _PropertySpec("2028", "Heka Herttoniemi Hiihtäjäntie", "Hiihtäjäntie 9", "00810", 1961,
                  "KAAKKO", ("Jussi Koivisto", "09 310 32022"), 13.8, 2200, None, True,
                  (("A", "Hiihtäjäntie 9 A", 3, 3), ("B", "Hiihtäjäntie 9 B", 3, 3))),
    _PropertySpec("3005", "Heka Malmi Pekanraitti", "Pekanraitti 14", "00700", 1976,
                  "KOILLINEN", ("Anu Heiskanen", "09 310 32033"), 14.0, 2150, 2800, True,
                  (("A", "Pekanraitti 14", 6, 3),)),
    _PropertySpec("3019", "Heka Pihlajamäki Rapakiventie", "Rapakiventie 9", "00710", 1963,
                  "KOILLINEN", ("Anu Heiskanen", "09 310 32033"), 12.6, 2150, 2200, True,
                  (("A", "Rapakiventie 9 A", 3, 3), ("B", "Rapakiventie 9 B", 3, 3))),
    _PropertySpec("4002", "Heka Kannelmäki Vanhanlinnantie", "Vanhanlinnantie 3", "00420",
                  1983, "LANSI", ("Mikael Grönroos", "09 310 32044"), 14.2, 2250, 2600, True,
                  (("A", "Vanhanlinnantie 3 A", 3, 2), ("B", "Vanhanlinnantie 3 B", 3, 2),
                   ("C", "Vanhanlinnantie 5", 3, 2))),
    _PropertySpec("5011", "Heka Kallio Helsinginkatu", "Helsinginkatu 24", "00530", 1969,
                  "ETELAKESKI", ("Hanna Mäkelä", "09 310 32055"), 17.4, 2300, None, True,
                  (("A", "Helsinginkatu 24", 6, 2),)),
    _PropertySpec("5034", "Heka Kalasatama Capellan puistotie", "Capellan puistotie 9",
                  "00580", 2019, "ETELAKESKI", ("Hanna Mäkelä", "09 310 32055"), 19.4, 2400,
                  8500, False,
                  (("A", "Capellan puistotie 9 A", 6, 3), ("B", "Capellan puistotie 9 B", 4, 2))),
    _PropertySpec("5046", "Heka Jätkäsaari Välimerenkatu", "Välimerenkatu 12", "00220", 2016,
                  "ETELAKESKI", ("Hanna Mäkelä", "09 310 32055"), 18.8, 2400, 9000, False,
                  (("A", "Välimerenkatu 12 A", 6, 3),)),
)  # fmt: skip

# Floor area ranges in m² per room count; the layout is drawn once per building and
# repeated on every floor, as in real blocks of flats.
_AREA_RANGE = {1: (24.0, 37.0), 2: (39.0, 56.0), 3: (57.0, 76.0), 4: (74.0, 92.0),
               5: (90.0, 112.0)}  # fmt: skip
_ROOM_WEIGHTS_OLD = (30, 38, 24, 7, 1)  # 1960s-70s blocks: mostly small homes
_ROOM_WEIGHTS_NEW = (22, 34, 28, 12, 4)


@dataclasses.dataclass(frozen=True)
class PlacedApartment:
    """An apartment with the facts the lease generator needs about its property."""

    apartment: Apartment
    property: Property
    rent_per_m2: float
    water_per_person: int
    parking_cents: int | None
    shared_sauna: bool


def _manager_email(name: str) -> str:
    local = name.lower().replace(" ", ".")
    for finnish, ascii_ in (("ä", "a"), ("ö", "o"), ("å", "a")):
        local = local.replace(finnish, ascii_)
    return f"{local}@heka.example"


def _apartment_type(rooms: int, year_built: int, rng: random.Random) -> str:
    # Own saunas became common in Helsinki rental blocks only from the 1980s.
    if rooms == 1:
        return rng.choice(("1h+kk", "1h+kt", "1h+k") if year_built < 1990 else ("1h+kk", "1h+k"))
    sauna = year_built >= 1980 and rooms >= 3 and rng.random() < 0.7
    kitchen = "kk" if rooms == 2 and rng.random() < 0.3 else "k"
    return f"{rooms}h+{kitchen}" + ("+s" if sauna else "")


def _layout(spec: _PropertySpec, per_floor: int, rng: random.Random):
    weights = _ROOM_WEIGHTS_OLD if spec.year_built < 1985 else _ROOM_WEIGHTS_NEW
    layout = []
    for _ in range(per_floor):
        rooms = rng.choices((1, 2, 3, 4, 5), weights=weights)[0]
        low, high = _AREA_RANGE[rooms]
        area = round(rng.uniform(low, high) * 2) / 2  # to half a square metre
        layout.append((rooms, area, _apartment_type(rooms, spec.year_built, rng)))
    return layout


def create_places(*, session: Session, rng: random.Random) -> list[PlacedApartment]:
    """Add the offices, properties, buildings and apartments, and flush.

    Args:
        session: Database session (flushed, not committed).
        rng: The demo's seeded random generator.

    Returns:
        Every apartment with its property, in property/building/number order.
    """
    offices = {}
    for code, name, street, postal, phone, mail, hours in _OFFICES:
        offices[code] = AreaOffice(
            code=code,
            name=name,
            street_address=street,
            postal_code=postal,
            city="Helsinki",
            phone=phone,
            email=f"{mail}.asiakaspalvelu@heka.example",
            opening_hours=hours,
        )
    session.add_all(offices.values())
    session.flush()

    placed: list[PlacedApartment] = []
    for spec in _PROPERTIES:
        company, company_phone, emergency = _MAINTENANCE[spec.office]
        prop = Property(
            code=spec.code,
            name=spec.name,
            street_address=spec.street,
            postal_code=spec.postal_code,
            city="Helsinki",
            year_built=spec.year_built,
            area_office_id=offices[spec.office].id,
            manager_name=spec.manager[0],
            manager_phone=spec.manager[1],
            manager_email=_manager_email(spec.manager[0]),
            maintenance_company=company,
            maintenance_phone=company_phone,
            emergency_phone=emergency,
        )
        session.add(prop)
        session.flush()
        for b_code, b_street, floors, per_floor in spec.buildings:
            building = Building(property_id=prop.id, code=b_code, street_address=b_street)
            session.add(building)
            session.flush()
            layout = _layout(spec, per_floor, rng)
            number = 0
            for floor in range(1, floors + 1):
                for rooms, area, apartment_type in layout:
                    number += 1
                    apartment = Apartment(
                        code=f"{spec.code}-{b_code}-{number:03d}",
                        building_id=building.id,
                        number=str(number),
                        floor=floor,
                        rooms=rooms,
                        area_m2=area,
                        apartment_type=apartment_type,
                        # Recorded for newer properties only: the rest are "not recorded
                        # yet" (no random draw, so the other demo data stays the same).
                        has_balcony=(floor >= 2 or rooms >= 3) if spec.year_built >= 1960 else None,
                    )
                    session.add(apartment)
                    placed.append(
                        PlacedApartment(
                            apartment,
                            prop,
                            spec.rent_per_m2,
                            spec.water_per_person,
                            spec.parking_cents,
                            spec.shared_sauna,
                        )
                    )
    session.flush()
    return placed
