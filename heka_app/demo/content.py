"""Demo news and the loader for all demo articles (news and instructions).

Owned by :mod:`heka_app.demo.dataset`. Most items have Swedish and English
versions; a few are Finnish-only (one has Swedish but no English) so the portal's
"shown in Finnish" fallback is visible. Two news items target one property.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from heka_app.demo.instructions import INSTRUCTIONS
from heka_app.models import Article, ArticleTranslation, Property

# (slug, days before today, property code or None, {language: (title, summary, body)}).
# "{saturday}" and "{break_day}" in bodies are dates relative to today, as d.m.
NEWS = (
    ("uudet-asukassivut", 2, None, {
        "fi": (
            "Uudet asukassivut on avattu",
            "Asukassivuilla näet vuokrasopimuksesi ja vuokratilanteesi ja voit tehdä "
            "vikailmoituksen mihin aikaan tahansa.",
            "Hekan uudet asukassivut on avattu. Sivuilla näet kotisi tiedot, vuokrasopimuksesi, "
            "kuukausimaksusi ja vuokratilanteesi. Voit myös tehdä vikailmoituksen ja seurata "
            "sen käsittelyä.\n\n"
            "Kirjaudu sisään vahvalla sähköisellä tunnistautumisella tai sähköpostiosoitteella "
            "ja salasanalla. Sivut toimivat suomeksi, ruotsiksi ja englanniksi.\n\n"
            "Asiakaspalvelumme palvelee edelleen myös puhelimitse ja aluetoimistoissa.",
        ),
        "sv": (
            "De nya boendesidorna är öppna",
            "På boendesidorna ser du ditt hyresavtal och din hyressituation och kan göra en "
            "felanmälan när som helst.",
            "Hekas nya boendesidor har öppnats. På sidorna ser du uppgifterna om ditt hem, ditt "
            "hyresavtal, dina månadsavgifter och din hyressituation. Du kan också göra en "
            "felanmälan och följa hur den behandlas.\n\n"
            "Logga in med stark elektronisk identifiering eller med e-postadress och lösenord. "
            "Sidorna finns på finska, svenska och engelska.\n\n"
            "Vår kundtjänst betjänar fortfarande också per telefon och på områdeskontoren.",
        ),
        "en": (
            "The new resident pages are open",
            "On the resident pages you can see your lease and rent situation and make a fault "
            "report at any time.",
            "Heka's new resident pages are open. You can see the details of your home, your "
            "lease, your monthly charges and your rent situation. You can also make a fault "
            "report and follow how it is handled.\n\n"
            "Log in with strong electronic identification or with your email address and "
            "password. The pages are available in Finnish, Swedish and English.\n\n"
            "Our customer service is still available by phone and at the area offices.",
        ),
    }),
    ("vesikatko-capellan-puistotie-9", 4, "5034", {
        "fi": (
            "Vesikatko Capellan puistotie 9:ssä",
            "Kiinteistön vesi katkaistaan {break_day} klo 9–13 venttiilien vaihdon vuoksi.",
            "Vaihdamme A- ja B-portaan runkolinjojen sulkuventtiilit. Kiinteistön vesi on "
            "poikki {break_day} klo 9–13. Varaa juomavettä etukäteen.\n\n"
            "Kun vesi palaa, juoksuta kylmää vettä muutama minuutti, kunnes se on kirkasta. "
            "Ilmoita huollolle, jos jokin hana vuotaa katkon jälkeen.",
        ),
    }),
    ("asukastoimikunta", 6, None, {
        "fi": (
            "Tule mukaan asukastoimikuntaan",
            "Asukastoimikunta vaikuttaa talon asioihin. Uudet jäsenet ovat tervetulleita.",
            "Asukastoimikunta on asukkaiden oma toimielin. Se osallistuu kiinteistön "
            "talousarvion ja korjaussuunnitelmien käsittelyyn, päättää kerhotilojen käytöstä "
            "ja järjestää yhteisiä tapahtumia, kuten pihatalkoita.\n\n"
            "Asukastoimikunta valitaan asukaskokouksessa. Kokouksen ajankohta ilmoitetaan "
            "porraskäytävän ilmoitustaululla. Kaikki talon täysi-ikäiset asukkaat voivat "
            "asettua ehdolle.",
        ),
    }),
    ("pihatalkoot-kontulankaari", 8, "1041", {
        "fi": (
            "Pihatalkoot Kontulankaarella",
            "Tervetuloa pihatalkoisiin lauantaina {saturday} klo 10. Tarjolla on keittoa.",
            "Asukastoimikunta järjestää pihatalkoot lauantaina {saturday} klo 10–13. "
            "Haravoimme, siistimme istutukset ja kokoamme pihakalusteet. Huoltoyhtiö tuo "
            "välineet ja lavan puutarhajätteelle.\n\n"
            "Talkoiden päätteeksi syödään keittoa kerhohuoneella. Koko perhe on tervetullut!",
        ),
        "sv": (
            "Gårdstalko på Kontulankaari",
            "Välkommen till gårdstalko på lördag {saturday} kl. 10. Vi bjuder på soppa.",
            "Invånarkommittén ordnar gårdstalko på lördag {saturday} kl. 10–13. Vi krattar, "
            "snyggar upp planteringarna och ställer fram gårdsmöblerna. Servicebolaget tar "
            "med redskap och ett flak för trädgårdsavfall.\n\n"
            "Efter talkot äter vi soppa i klubbrummet. Hela familjen är välkommen!",
        ),
    }),
    ("nain-vuokrasi-tarkistetaan", 11, None, {
        "fi": (
            "Näin vuokrasi tarkistetaan",
            "Vuokrat tarkistetaan kerran vuodessa. Saat uudesta vuokrasta kirjeen.",
            "Hekan vuokrat perustuvat omakustannusperiaatteeseen: vuokrilla katetaan "
            "kiinteistöjen ylläpidon, korjausten ja lainojen kulut, eikä niillä tavoitella "
            "voittoa.\n\n"
            "Vuokrat tarkistetaan kerran vuodessa. Saat uudesta vuokrasta kirjeen hyvissä "
            "ajoin ennen muutosta, ja uusi vuokra näkyy myös asukassivuilla.\n\n"
            "Jos sinulla on vaikeuksia maksaa vuokraa, ota yhteyttä vuokravalvontaan ajoissa. "
            "Voimme sopia yhdessä maksusuunnitelmasta.",
        ),
        "sv": (
            "Så här justeras din hyra",
            "Hyrorna justeras en gång om året. Du får ett brev om den nya hyran.",
            "Hekas hyror bygger på självkostnadsprincipen: hyrorna täcker kostnaderna för "
            "underhåll, reparationer och lån för fastigheterna, och de är inte avsedda att ge "
            "vinst.\n\n"
            "Hyrorna justeras en gång om året. Du får ett brev om den nya hyran i god tid före "
            "ändringen, och den nya hyran syns också på boendesidorna.\n\n"
            "Om du har svårt att betala hyran, kontakta hyresövervakningen i tid. Vi kan "
            "tillsammans komma överens om en betalningsplan.",
        ),
        "en": (
            "How your rent is reviewed",
            "Rents are reviewed once a year. You will get a letter about your new rent.",
            "Heka's rents follow the cost-price principle: rents cover the upkeep, repairs and "
            "loans of the buildings, and are not meant to make a profit.\n\n"
            "Rents are reviewed once a year. You will get a letter about your new rent well "
            "before the change, and the new rent is also shown on the resident pages.\n\n"
            "If you have trouble paying your rent, contact rent monitoring early. Together we "
            "can agree on a payment plan.",
        ),
    }),
    ("huonelampotila-ja-patterit", 19, None, {
        "fi": (
            "Huonelämpötila ja patterit",
            "Sopiva asuinhuoneiden lämpötila on noin 21 astetta. Näin patterit lämpiävät.",
            "Sopiva lämpötila asuinhuoneissa on noin 21 astetta. Patterin termostaatti säätää "
            "lämpöä huoneen lämpötilan mukaan, joten patteri voi tuntua viileältä, vaikka "
            "huone on lämmin.\n\n"
            "Älä peitä pattereita huonekaluilla tai pitkillä verhoilla. Tuuleta lyhyesti ja "
            "tehokkaasti, äläkä pidä ikkunaa pitkään raollaan.\n\n"
            "Jos huoneen lämpötila on tarkistuksista huolimatta alle 20 astetta, tee "
            "vikailmoitus asukassivuilla.",
        ),
        "sv": (
            "Rumstemperatur och element",
            "En lämplig temperatur i bostadsrummen är cirka 21 grader. Så här fungerar "
            "elementen.",
            "En lämplig temperatur i bostadsrummen är cirka 21 grader. Elementets termostat "
            "reglerar värmen enligt rummets temperatur, så elementet kan kännas svalt fast "
            "rummet är varmt.\n\n"
            "Täck inte elementen med möbler eller långa gardiner. Vädra kort och effektivt och "
            "håll inte fönstret på glänt länge.\n\n"
            "Om temperaturen i rummet trots allt är under 20 grader, gör en felanmälan på "
            "boendesidorna.",
        ),
        "en": (
            "Room temperature and radiators",
            "A good temperature for living rooms is about 21 degrees. How radiators work.",
            "A good temperature for living rooms is about 21 degrees. The radiator thermostat "
            "adjusts the heat to the room temperature, so a radiator can feel cool even though "
            "the room is warm.\n\n"
            "Do not cover radiators with furniture or long curtains. Air the room briefly and "
            "efficiently instead of keeping a window ajar for a long time.\n\n"
            "If the room is still below 20 degrees after these checks, make a fault report on "
            "the resident pages.",
        ),
    }),
    ("e-lasku-ja-suoramaksu", 33, None, {
        "fi": (
            "Maksa vuokra e-laskulla tai suoramaksulla",
            "Kun vuokra tulee e-laskuna tai suoramaksuna, eräpäivä ei unohdu eikä viite mene "
            "väärin.",
            "Vuokra erääntyy maksettavaksi kuukauden toisena päivänä. Helpoin tapa maksaa on "
            "e-lasku tai suoramaksu, jonka voit tilata verkkopankissasi.\n\n"
            "Jokaisella vuokrasopimuksella on oma viitenumero, joka pysyy samana koko "
            "vuokrasuhteen ajan. Löydät sen asukassivuilta. Käytä aina viitenumeroa, jotta "
            "maksu kohdistuu oikein.",
        ),
        "sv": (
            "Betala hyran med e-faktura eller direktbetalning",
            "Med e-faktura eller direktbetalning glömmer du inte förfallodagen och "
            "referensen blir rätt.",
            "Hyran förfaller till betalning den andra dagen i månaden. Det enklaste sättet att "
            "betala är e-faktura eller direktbetalning, som du kan beställa i din nätbank.\n\n"
            "Varje hyresavtal har ett eget referensnummer som är detsamma under hela "
            "hyresförhållandet. Du hittar det på boendesidorna. Använd alltid "
            "referensnumret så att betalningen hamnar rätt.",
        ),
        "en": (
            "Pay your rent by e-invoice or direct payment",
            "With an e-invoice or direct payment you never miss the due date or mistype the "
            "reference.",
            "Rent is due on the second day of each month. The easiest way to pay is an "
            "e-invoice or direct payment, which you can order in your online bank.\n\n"
            "Every lease has its own reference number that stays the same for the whole "
            "tenancy. You find it on the resident pages. Always use the reference number so "
            "that your payment is allocated correctly.",
        ),
    }),
    ("tarkista-palovaroitin", 48, None, {
        "fi": (
            "Tarkista palovaroitin kerran kuukaudessa",
            "Palovaroitin pelastaa hengen vain toimiessaan. Testaa se painamalla testinappia.",
            "Testaa palovaroitin kerran kuukaudessa painamalla sen testinappia. Vaihda "
            "paristo, jos varoitin ei hälytä tai se piippaa lyhyesti.\n\n"
            "Paristokäyttöisen palovaroittimen hankkiminen ja huolto kuuluvat asukkaalle. "
            "Sähköverkkoon kytketyn varoittimen viasta tee vikailmoitus.",
        ),
        "sv": (
            "Testa brandvarnaren en gång i månaden",
            "En brandvarnare räddar liv bara om den fungerar. Testa den med testknappen.",
            "Testa brandvarnaren en gång i månaden genom att trycka på testknappen. Byt "
            "batteri om varnaren inte larmar eller om den piper kort.\n\n"
            "Invånaren ansvarar för att skaffa och sköta en batteridriven brandvarnare. Gör "
            "en felanmälan om en brandvarnare som är kopplad till elnätet är trasig.",
        ),
        "en": (
            "Test your smoke alarm once a month",
            "A smoke alarm saves lives only when it works. Test it with the test button.",
            "Test your smoke alarm once a month by pressing its test button. Change the "
            "battery if the alarm does not sound or if it gives short beeps.\n\n"
            "Residents are responsible for getting and maintaining battery-operated smoke "
            "alarms. If an alarm connected to the mains is faulty, make a fault report.",
        ),
    }),
)  # fmt: skip


def _fill(text: str, today: dt.date) -> str:
    saturday = today + dt.timedelta(days=7 + (5 - today.weekday()) % 7)
    break_day = today + dt.timedelta(days=5)
    return text.replace("{saturday}", f"{saturday.day}.{saturday.month}.").replace(
        "{break_day}", f"{break_day.day}.{break_day.month}."
    )


def create_articles(*, session: Session, today: dt.date, properties: dict[str, Property]) -> int:
    """Add the demo news and instructions with their translations, and flush.

    Args:
        session: Database session (flushed, not committed).
        today: Items are published 2-300 days before this day.
        properties: Properties by code, for the targeted news.

    Returns:
        How many articles were added.
    """
    items = [(slug, "news", ago, code, texts) for slug, ago, code, texts in NEWS]
    items += [(slug, "instruction", ago, None, texts) for slug, ago, texts in INSTRUCTIONS]
    articles = []
    for slug, kind, ago, code, texts in items:
        # Aware UTC, as SQLModel's UTCDateTime columns require; 05:30 UTC is morning here.
        day = today - dt.timedelta(days=ago)
        published = dt.datetime.combine(day, dt.time(5, 30), tzinfo=dt.UTC)
        article = Article(
            slug=slug,
            kind=kind,
            published_at=published,
            audience="property" if code else "everyone",
            property_id=properties[code].id if code else None,
        )
        articles.append((article, texts))
    session.add_all(article for article, _ in articles)
    session.flush()
    session.add_all(
        ArticleTranslation(
            article_id=article.id,
            language=language,
            title=_fill(title, today),
            summary=_fill(summary, today),
            body=_fill(body, today),
        )
        for article, texts in articles
        for language, (title, summary, body) in texts.items()
    )
    session.flush()
    return len(articles)
