"""Demo instructions (ohjeet): texts only, in Finnish, Swedish and English.

Owned by :mod:`heka_app.demo.content`. Each item is
``(slug, days before today, {language: (title, summary, body)})``; bodies are plain
text with paragraphs separated by blank lines.
"""

from __future__ import annotations

INSTRUCTIONS = (
    ("jatteiden-lajittelu", 300, {
        "fi": (
            "Jätteiden lajittelu kotona",
            "Lajittele biojäte, kartonki, lasi, metalli ja muovipakkaukset omiin astioihinsa.",
            "Pihan jätekatoksessa on omat astiat biojätteelle, kartongille, lasille, metallille, "
            "muovipakkauksille ja sekajätteelle. Lajittelu säästää luontoa ja pitää myös "
            "jätehuollon kustannukset ja siten vuokrat kohtuullisina.\n\n"
            "Biojätteeksi käyvät ruoantähteet, kahvinporot ja talouspaperit. Pakkaa biojäte "
            "paperipussiin tai sanomalehteen. Huuhtele muovi-, lasi- ja metallipakkaukset "
            "kevyesti ja litistä kartongit ennen kuin viet ne astiaan.\n\n"
            "Vaaralliset jätteet, kuten paristot, maalit ja lääkkeet, eivät kuulu taloyhtiön "
            "astioihin. Vie ne kauppojen keräyspisteisiin, apteekkiin tai Sortti-asemalle. "
            "Älä jätä huonekaluja tai muuta suurta tavaraa jätekatokseen: niiden pois "
            "vieminen laskutetaan kaikilta asukkailta.",
        ),
        "sv": (
            "Sortering av avfall hemma",
            "Sortera bioavfall, kartong, glas, metall och plastförpackningar i egna kärl.",
            "I gårdens soptak finns egna kärl för bioavfall, kartong, glas, metall, "
            "plastförpackningar och blandavfall. Sortering skonar miljön och håller "
            "kostnaderna för avfallshanteringen och därmed hyrorna skäliga.\n\n"
            "Som bioavfall går matrester, kaffesump och hushållspapper. Packa bioavfallet i en "
            "papperspåse eller tidning. Skölj plast-, glas- och metallförpackningar lätt och "
            "platta till kartongerna innan du för dem till kärlet.\n\n"
            "Farligt avfall, till exempel batterier, färger och läkemedel, hör inte hemma i "
            "husets kärl. För dem till insamlingspunkter i butikerna, till apoteket eller till "
            "en Sortti-station. Lämna inte möbler eller annat skrymmande avfall i soptaket: "
            "bortforslingen faktureras av alla invånare.",
        ),
        "en": (
            "Sorting waste at home",
            "Sort biowaste, cardboard, glass, metal and plastic packaging into their own bins.",
            "The waste shelter in the yard has separate bins for biowaste, cardboard, glass, "
            "metal, plastic packaging and mixed waste. Sorting protects the environment and "
            "keeps waste management costs, and so the rents, reasonable.\n\n"
            "Biowaste includes food scraps, coffee grounds and kitchen paper. Wrap biowaste in "
            "a paper bag or newspaper. Rinse plastic, glass and metal packaging lightly and "
            "flatten cardboard before taking it to the bin.\n\n"
            "Hazardous waste such as batteries, paint and medicines does not go in the "
            "building's bins. Take it to collection points in shops, to a pharmacy or to a "
            "Sortti station. Do not leave furniture or other bulky items in the waste shelter: "
            "removing them is charged to all residents.",
        ),
    }),
    ("saunavuoron-varaaminen", 280, {
        "fi": (
            "Saunavuoron varaaminen",
            "Vakiosaunavuoron voi varata huoltoyhtiöltä. Vuoron maksu näkyy vuokralaskussa.",
            "Useimmissa Hekan taloissa on yhteinen sauna. Voit varata oman viikoittaisen "
            "vakiovuoron huoltoyhtiöltä tai aluetoimistosta. Vapaat vuorot näkyvät saunan "
            "ovessa tai porraskäytävän ilmoitustaululla.\n\n"
            "Saunavuoron kuukausimaksu lisätään vuokraan, ja se näkyy asukassivuilla muiden "
            "maksujesi joukossa. Vuoron voi irtisanoa päättymään kuukauden lopussa.\n\n"
            "Jätä sauna siistiksi: huuhtele lauteet, sammuta kiuas, jos se ei sammu itsestään, "
            "ja ilmoita viasta vikailmoituksella.",
        ),
        "sv": (
            "Boka bastutur",
            "En fast bastutur bokas hos servicebolaget. Avgiften syns på hyresräkningen.",
            "I de flesta av Hekas hus finns en gemensam bastu. Du kan boka en egen fast tur "
            "varje vecka hos servicebolaget eller på områdeskontoret. Lediga turer finns på "
            "bastudörren eller på anslagstavlan i trappuppgången.\n\n"
            "Månadsavgiften för bastuturen läggs till hyran och syns på boendesidorna bland "
            "dina andra avgifter. Turen kan sägas upp att upphöra i slutet av månaden.\n\n"
            "Lämna bastun i gott skick: skölj lavarna, stäng av bastuugnen om den inte stängs "
            "av automatiskt och gör en felanmälan om något är trasigt.",
        ),
        "en": (
            "Booking a sauna turn",
            "Book a weekly sauna turn from the maintenance company; the fee is on your rent.",
            "Most Heka buildings have a shared sauna. You can book your own weekly sauna turn "
            "from the maintenance company or the area office. Free turns are listed on the "
            "sauna door or on the notice board in the stairwell.\n\n"
            "The monthly fee for the turn is added to your rent and shown on the resident "
            "pages with your other charges. You can cancel the turn from the end of a month.\n\n"
            "Leave the sauna tidy: rinse the benches, switch off the stove if it does not "
            "switch off by itself, and report any fault with a fault report.",
        ),
    }),
    ("vesivuoto", 260, {
        "fi": (
            "Vesivuoto asunnossa",
            "Sulje vesi, soita huollon päivystykseen ja tee vikailmoitus.",
            "Jos huomaat vesivuodon, toimi heti. Sulje vesi vuotavan kalusteen omasta "
            "venttiilistä, esimerkiksi keittiön altaan alta tai WC-istuimen vierestä. Kuivaa "
            "vesi lattialta ja siirrä tavarat pois märältä alueelta.\n\n"
            "Soita kiinteistösi huollon päivystysnumeroon, joka palvelee ympäri vuorokauden. "
            "Numero on asukassivuilla Oma koti -kohdassa ja porraskäytävän ilmoitustaululla. "
            "Kerro myös alakerran naapurille, jos vettä on voinut valua hänen asuntoonsa.\n\n"
            "Pienestä tippuvuodosta, kuten vuotavasta hanasta, tee vikailmoitus asukassivuilla. "
            "Asukkaan on ilmoitettava vahingoista viipymättä, jotta korjaus ei kasva suureksi. "
            "Muista, että kotivakuutus korvaa omaisuutesi vahingot.",
        ),
        "sv": (
            "Vattenläcka i bostaden",
            "Stäng av vattnet, ring servicens jour och gör en felanmälan.",
            "Om du upptäcker en vattenläcka ska du genast agera. Stäng av vattnet med ventilen "
            "vid den läckande utrustningen, till exempel under diskbänken eller bredvid "
            "toalettstolen. Torka upp vattnet och flytta saker bort från det våta området.\n\n"
            "Ring servicebolagets jourtelefon som betjänar dygnet runt. Numret finns på "
            "boendesidorna under Mitt hem och på anslagstavlan i trappuppgången. Meddela också "
            "grannen på våningen under om vatten kan ha runnit in i hens bostad.\n\n"
            "Gör en felanmälan på boendesidorna om ett litet droppläckage, till exempel en "
            "kran som droppar. Invånaren ska anmäla skador utan dröjsmål så att reparationen "
            "inte växer. Kom ihåg att hemförsäkringen ersätter skador på din egendom.",
        ),
        "en": (
            "Water leak in your home",
            "Turn off the water, call the maintenance emergency line and make a fault report.",
            "If you notice a water leak, act at once. Turn off the water at the valve of the "
            "leaking fixture, for example under the kitchen sink or next to the toilet. Dry "
            "the floor and move your belongings away from the wet area.\n\n"
            "Call your property's maintenance emergency number, which answers around the clock. "
            "You find it on the resident pages under My home and on the notice board in the "
            "stairwell. Also tell your downstairs neighbour if water may have leaked into "
            "their home.\n\n"
            "For a small drip, such as a dripping tap, make a fault report on the resident "
            "pages. Residents must report damage without delay so that repairs stay small. "
            "Remember that your home insurance covers damage to your own belongings.",
        ),
    }),
    ("vuokrasopimuksen-irtisanominen", 240, {
        "fi": (
            "Vuokrasopimuksen irtisanominen",
            "Vuokralaisen irtisanomisaika on yksi kuukausi irtisanomiskuukauden lopusta.",
            "Vuokralaisen irtisanomisaika on yksi kuukausi. Se lasketaan sen kalenterikuukauden "
            "viimeisestä päivästä, jonka aikana irtisanominen tehtiin. Esimerkiksi jos irtisanot "
            "sopimuksen 12.3., vuokrasuhde päättyy 30.4. Samoin, jos irtisanot sopimuksen "
            "31.3., vuokrasuhde päättyy 30.4.\n\n"
            "Irtisano sopimus kirjallisesti aluetoimistoon tai asiakaspalveluun. Jos "
            "vuokrasopimuksessa on kaksi vuokralaista, molemmat allekirjoittavat "
            "irtisanomisen.\n\n"
            "Vuokra maksetaan irtisanomisajan loppuun asti. Sovi samalla muuttotarkastuksesta "
            "ja avainten palauttamisesta. Lue myös ohje poismuutosta.",
        ),
        "sv": (
            "Uppsägning av hyresavtalet",
            "Hyresgästens uppsägningstid är en månad från utgången av uppsägningsmånaden.",
            "Hyresgästens uppsägningstid är en månad. Den räknas från den sista dagen i den "
            "kalendermånad under vilken uppsägningen gjordes. Om du till exempel säger upp "
            "avtalet den 12.3 upphör hyresförhållandet den 30.4. Likaså, om du säger upp "
            "avtalet den 31.3, upphör hyresförhållandet den 30.4.\n\n"
            "Säg upp avtalet skriftligt till områdeskontoret eller kundtjänsten. Om det finns "
            "två hyresgäster i hyresavtalet undertecknar båda uppsägningen.\n\n"
            "Hyran betalas till slutet av uppsägningstiden. Kom samtidigt överens om "
            "flyttinspektionen och om återlämnandet av nycklarna. Läs också anvisningen om "
            "utflyttning.",
        ),
        "en": (
            "Giving notice on your lease",
            "A tenant's notice period is one month from the end of the month of notice.",
            "A tenant's notice period is one month. It is counted from the last day of the "
            "calendar month in which you gave notice. For example, if you give notice on "
            "12 March, your lease ends on 30 April. Likewise, if you give notice on 31 March, "
            "your lease ends on 30 April.\n\n"
            "Give notice in writing to your area office or customer service. If there are two "
            "tenants on the lease, both sign the notice.\n\n"
            "Rent is paid until the end of the notice period. Agree at the same time on the "
            "move-out inspection and returning the keys. See also the instructions on moving "
            "out.",
        ),
    }),
    ("poismuutto", 230, {
        "fi": (
            "Poismuutto",
            "Muistilista muuttajalle: muuttoilmoitus, siivous, muuttotarkastus ja avaimet.",
            "Kun olet irtisanonut vuokrasopimuksen, tee muuttoilmoitus Digi- ja "
            "väestötietovirastolle ja Postille. Siirrä tai irtisano sähkösopimus ja "
            "kotivakuutus. Muista irtisanoa myös autopaikka ja saunavuoro.\n\n"
            "Siivoa asunto ennen poismuuttoa: pese lattiat, kylpyhuone ja WC, puhdista liesi, "
            "uuni ja liesituuletin sekä sulata ja pese jääkaappi. Tyhjennä myös "
            "varastokoppi. Aluetoimisto tekee asuntoon muuttotarkastuksen, jossa katsotaan "
            "asunnon kunto.\n\n"
            "Palauta kaikki avaimet viimeisenä vuokrapäivänä huoltoyhtiölle tai "
            "aluetoimistoon. Puuttuvista avaimista peritään lukkojen sarjoittamisen kulut.",
        ),
        "sv": (
            "Utflyttning",
            "Minneslista för den som flyttar: flyttanmälan, städning, inspektion och nycklar.",
            "När du har sagt upp hyresavtalet ska du göra en flyttanmälan till Myndigheten för "
            "digitalisering och befolkningsdata och till Posti. Flytta eller säg upp ditt "
            "elavtal och din hemförsäkring. Kom ihåg att också säga upp bilplatsen och "
            "bastuturen.\n\n"
            "Städa bostaden före utflyttningen: tvätta golven, badrummet och toaletten, rengör "
            "spisen, ugnen och spisfläkten samt frosta av och tvätta kylskåpet. Töm också "
            "förrådet. Områdeskontoret gör en flyttinspektion där bostadens skick granskas.\n\n"
            "Lämna tillbaka alla nycklar den sista hyresdagen till servicebolaget eller "
            "områdeskontoret. För nycklar som fattas tas kostnaderna för omkodning av låsen ut.",
        ),
        "en": (
            "Moving out",
            "A checklist for moving out: change of address, cleaning, inspection and keys.",
            "Once you have given notice, report your change of address to the Digital and "
            "Population Data Services Agency and Posti. Move or end your electricity contract "
            "and home insurance. Remember to cancel your parking space and sauna turn too.\n\n"
            "Clean the home before you move out: wash the floors, bathroom and toilet, clean "
            "the stove, oven and cooker hood, and defrost and wash the fridge. Empty your "
            "storage room as well. The area office inspects the home to check its condition.\n\n"
            "Return all keys on the last day of the lease to the maintenance company or the "
            "area office. Missing keys are charged at the cost of re-keying the locks.",
        ),
    }),
)  # fmt: skip
