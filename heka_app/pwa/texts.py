"""The installable app's words in fi/sv/en, kept here rather than in the gettext catalogs.

These texts are read without the server: the offline page, the manifests, and the fault
outbox's status line (which must also speak when the page opened with no connection, so
before the app knows the language). They reach the browser only in the files that need
them (``pwa/files.py`` writes them), never in the shared JS catalog every page loads
first (tests/e2e/bundles.py budgets). Like the service requests' labels, each text carries
its three languages; ``tests/services/pwa`` checks none is missing.
"""

from __future__ import annotations

Texts = dict[str, str]

SHORT_NAME: Texts = {"fi": "Oma Heka", "sv": "Mitt Heka", "en": "My Heka"}
DESCRIPTION: Texts = {
    "fi": "Hekan asukassivut: kotisi tiedot, vuokra, vikailmoitukset, tiedotteet ja ohjeet.",
    "sv": "Hekas boendesidor: ditt hem, hyran, felanmälningar, nyheter och anvisningar.",
    "en": "Heka's resident pages: your home, rent, fault reports, news and instructions.",
}

OFFLINE_PAGE: dict[str, Texts] = {
    "title": {"fi": "Ei verkkoyhteyttä", "sv": "Ingen nätförbindelse", "en": "You are offline"},
    "text": {
        "fi": "Tämä sivu tarvitsee verkkoyhteyden. Sivut, jotka olet avannut tällä laitteella "
        "aiemmin, kuten vikailmoituslomake, aukeavat myös ilman yhteyttä.",
        "sv": "Den här sidan behöver en nätförbindelse. Sidor som du har öppnat på den här "
        "enheten tidigare, till exempel formuläret för felanmälan, öppnas också utan "
        "förbindelse.",
        "en": "This page needs a connection. Pages you have opened on this device before, "
        "such as the fault report form, also open without one.",
    },
    "outbox": {
        "fi": "Ilman yhteyttä lähettämäsi vikailmoitus säilyy tällä laitteella ja lähtee, kun "
        "yhteys palaa.",
        "sv": "En felanmälan som du skickar utan förbindelse sparas på den här enheten och "
        "skickas när förbindelsen är tillbaka.",
        "en": "A fault report you send without a connection is kept on this device and sent "
        "when the connection returns.",
    },
    "urgent": {
        "fi": "Kiireelliset viat, kuten vesivuoto: soita ympärivuorokautiseen "
        "päivystysnumeroon, joka on talosi ilmoitustaululla.",
        "sv": "Brådskande fel, till exempel en vattenläcka: ring journumret som är öppet "
        "dygnet runt och finns på anslagstavlan i ditt hus.",
        "en": "Urgent faults, such as a water leak: call the 24-hour emergency number on your "
        "building's notice board.",
    },
    "retry": {
        "fi": "Kokeile yhteyttä uudelleen",
        "sv": "Försök ansluta igen",
        "en": "Try the connection again",
    },
    "front_page": {"fi": "Oma sivu", "sv": "Min sida", "en": "My page"},
}

# The fault outbox's status line, by state (components/fault_outbox.py, heka-outbox.js).
OUTBOX: dict[str, Texts] = {
    "offline": {
        "fi": "Verkkoyhteys puuttuu. Voit silti lähettää tämän vikailmoituksen: se säilyy "
        "tällä laitteella ja lähtee, kun yhteys palaa. Kuvien lisääminen vaatii yhteyden: "
        "lisää ne myöhemmin ilmoituksen sivulla.",
        "sv": "Du har ingen nätförbindelse. Du kan ändå skicka den här felanmälan: den sparas "
        "på den här enheten och skickas när förbindelsen är tillbaka. Bilder kräver en "
        "förbindelse: lägg till dem senare på anmälans sida.",
        "en": "You are offline. You can still send this fault report: it is kept on this "
        "device and sent when the connection returns. Photos need a connection: add them on "
        "the report's page later.",
    },
    # Opened without a connection: the page is there, the form needs the server.
    "closed": {
        "fi": "Verkkoyhteys puuttuu. Vikailmoituslomake aukeaa, kun yhteys palaa. "
        + OFFLINE_PAGE["urgent"]["fi"],
        "sv": "Du har ingen nätförbindelse. Formuläret för felanmälan öppnas när förbindelsen "
        "är tillbaka. " + OFFLINE_PAGE["urgent"]["sv"],
        "en": "You are offline. The fault report form opens when the connection returns. "
        + OFFLINE_PAGE["urgent"]["en"],
    },
    "waiting": {
        "fi": "Odottaa lähetystä: vikailmoituksesi on tallessa tällä laitteella ja lähtee, kun "
        "yhteys palaa.",
        "sv": "Väntar på att skickas: din felanmälan sparas på den här enheten och skickas när "
        "förbindelsen är tillbaka.",
        "en": "Waiting to send: your fault report is kept on this device and will be sent "
        "when the connection returns.",
    },
    "sending": {
        "fi": "Vikailmoitustasi lähetetään…",
        "sv": "Din felanmälan skickas…",
        "en": "Sending your fault report…",
    },
    "sent": {
        "fi": "Lähetetty: tällä laitteella odottanut vikailmoitus on vastaanotettu.",
        "sv": "Skickad: felanmälan som väntade på den här enheten har tagits emot.",
        "en": "Sent: the fault report that waited on this device was received.",
    },
    "refused": {
        "fi": "Vikailmoitustasi ei lähetetty: tarkista alla merkityt kentät.",
        "sv": "Din felanmälan skickades inte: kontrollera fälten som är markerade nedan.",
        "en": "Your fault report was not sent: check the fields marked below.",
    },
}
OUTBOX_COLORS = {
    "offline": "amber",
    "closed": "amber",
    "waiting": "amber",
    "sending": "blue",
    "sent": "green",
    "refused": "red",
}
