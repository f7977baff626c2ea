"""Where tenants live: area offices, properties, buildings (staircases) and apartments."""

from __future__ import annotations

from sqlmodel import Field, SQLModel, UniqueConstraint


class AreaOffice(SQLModel, table=True):
    """A Heka area office: customer service and in-person identification."""

    __tablename__ = "area_office"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=120)
    street_address: str = Field(max_length=200)
    postal_code: str = Field(max_length=10)
    city: str = Field(max_length=80)
    phone: str = Field(max_length=40)
    email: str = Field(max_length=200)
    # Weekly opening hours as "weekday-range HH:MM-HH:MM" items joined with ";",
    # e.g. "1-4 09:00-15:00;5 09:00-12:00" (1 = Monday); formatted per language.
    opening_hours: str = Field(max_length=200)


class Property(SQLModel, table=True):
    """A housing property (kiinteistö) with its contacts."""

    __tablename__ = "property"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=120)
    street_address: str = Field(max_length=200)
    postal_code: str = Field(max_length=10)
    city: str = Field(max_length=80)
    year_built: int | None = None
    area_office_id: int = Field(foreign_key="area_office.id", index=True)
    manager_name: str = Field(max_length=120)
    manager_phone: str = Field(max_length=40)
    manager_email: str = Field(max_length=200)
    maintenance_company: str = Field(max_length=120)
    maintenance_phone: str = Field(max_length=40)
    emergency_phone: str = Field(max_length=40)


class Building(SQLModel, table=True):
    """A building or staircase (porras) of a property."""

    __tablename__ = "building"
    __table_args__ = (UniqueConstraint("property_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    property_id: int = Field(foreign_key="property.id", index=True)
    code: str = Field(max_length=16)
    street_address: str = Field(max_length=200)


class Apartment(SQLModel, table=True):
    """One home. ``code`` is the ERP's apartment identifier."""

    __tablename__ = "apartment"
    __table_args__ = (UniqueConstraint("building_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=40)
    building_id: int = Field(foreign_key="building.id", index=True)
    number: str = Field(max_length=16)
    floor: int
    rooms: int
    area_m2: float
    apartment_type: str = Field(max_length=32)
    has_balcony: bool | None = None  # None: not recorded yet


PROPERTY_TOPICS = ("sauna", "laundry", "waste", "parking", "house_rules", "rescue_plan")


class PropertyInfo(SQLModel, table=True):
    """A piece of property information in one language (filled in over time; Finnish
    first). ``url`` points to a document (house rules, rescue plan) when there is one."""

    __tablename__ = "property_info"
    __table_args__ = (UniqueConstraint("property_id", "topic", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    property_id: int = Field(foreign_key="property.id", index=True)
    topic: str = Field(max_length=20)
    language: str = Field(max_length=2)
    text: str = Field(default="", max_length=2000)
    url: str = Field(default="", max_length=500)
