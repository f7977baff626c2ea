"""Demo property information: sauna and laundry times, waste sorting, parking, house
rules and rescue plan. Like the real register it is filled in over time: every property
has some topics in Finnish, fewer in Swedish and English, and some topics not at all.
Owned by :mod:`heka_app.demo.dataset`."""

from __future__ import annotations

from sqlmodel import Session

from heka_app.models import Property, PropertyInfo

DOCS = "https://www.heka.example/asiakirjat"
# topic -> {language: text}; "{code}" becomes the property code in document links.
TEXTS = {
    "sauna": {
        "fi": "Saunavuorot ma–la klo 17–21. Vuoron voi varata huoltoyhtiöltä tai asukassivuilta.",
        "sv": "Badturer mån–lör kl. 17–21. Turen bokas hos servicebolaget.",
        "en": "Sauna turns Mon–Sat 5–9 pm. Book a turn with the maintenance company.",
    },
    "laundry": {
        "fi": "Pesutupa on auki päivittäin klo 8–21. Varauslista on pesutuvan ovessa.",
        "sv": "Tvättstugan är öppen dagligen kl. 8–21. Bokningslistan finns på dörren.",
    },
    "waste": {
        "fi": "Jätekatoksessa on astiat seka-, bio-, kartonki-, lasi-, metalli- ja "
        "muovijätteelle. Paristot ja lamput viedään kauppojen keräyspisteisiin.",
    },
    "parking": {
        "fi": "Autopaikkoja vuokrataan aluetoimistosta. Lämmityspaikat ovat pihan puolella.",
    },
    "house_rules": {"fi": "Järjestyssäännöt (PDF)"},
    "rescue_plan": {"fi": "Pelastussuunnitelma (PDF)"},
}
# Property codes whose topics are partly missing (filled in later).
THIN = {"5034": ("parking", "rescue_plan"), "2210": ("laundry",)}


def create_property_info(*, session: Session, properties: dict[str, Property]) -> int:
    """Add the demo property information and flush; returns how many rows."""
    rows = []
    for code, prop in properties.items():
        for topic, versions in TEXTS.items():
            if topic in THIN.get(code, ()):
                continue
            for language, text in versions.items():
                url = (
                    f"{DOCS}/{code}/{topic}.pdf" if topic in ("house_rules", "rescue_plan") else ""
                )
                rows.append(
                    PropertyInfo(
                        property_id=prop.id, topic=topic, language=language, text=text, url=url
                    )
                )
    session.add_all(rows)
    session.flush()
    return len(rows)
