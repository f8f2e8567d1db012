#!/usr/bin/env python3
"""Generate the synthetic NAV 2019 office-survey corpus (Corpora/nav-2019/survey.csv).

Python 3 standard library only; fully deterministic (fixed seeds). Run from the
repository root or anywhere else:

    python3 scripts/make-corpus.py

Everything in the output is invented: respondents, offices, answers and the manual
codes. The answer texts are assembled from the hand-written sentence pool below, in
which every sentence is tagged with the themes a careful human coder would assign to
it (see Corpora/nav-2019/manual-coding.md). A row's manual codes are the union of the
tags of the sentences it was built from; typos and other noise do not change them.
"""

import csv
import math
import os
import random
import re
import sys

SEED = 2019
N_ROWS = 1745

THEMES = [
    "samarbeid_nay", "digitalisering", "aktivitetsplan", "ma_oppgaver",
    "smidig_utvikling", "kompetanse_opplaering", "sosialfag",
    "samarbeid_stat_kommune", "arbeidsmiljo", "arbeidsbelastning_tid",
    "brukeroppfolging", "tiltak", "bredde_generalist", "regelverk",
    "arbeidsevnevurdering", "kanalstrategi", "ledelse_styring",
    "brukermedvirkning", "innsatsbehov", "markedsarbeid", "partnerskap",
    "medbestemmelse",
]

# Target share of non-empty answers that mention each theme.
TARGET = {
    "samarbeid_nay": .28, "digitalisering": .26, "ma_oppgaver": .15,
    "tiltak": .14, "arbeidsbelastning_tid": .14, "kompetanse_opplaering": .12,
    "brukeroppfolging": .12, "ledelse_styring": .10, "arbeidsmiljo": .10,
    "aktivitetsplan": .09, "samarbeid_stat_kommune": .08, "sosialfag": .07,
    "arbeidsevnevurdering": .06, "regelverk": .05, "bredde_generalist": .05,
    "kanalstrategi": .05, "smidig_utvikling": .04, "innsatsbehov": .03,
    "markedsarbeid": .03, "brukermedvirkning": .02, "partnerskap": .02,
    "medbestemmelse": .01,
}

# Exact role counts (shares 61 / 12.6 / 8.8 / 7.9 / 6.4 / 3.2 % of 1,745).
ROLE_COUNTS = {
    "veileder": 1065, "kontorleder": 220, "fagansvarlig": 154,
    "annet": 138, "mellomleder": 112, "merkantil": 56,
}
# Non-empty open answers per role (sum 450, veiledere exactly 230).
TEXT_COUNTS = {
    "veileder": 230, "kontorleder": 75, "fagansvarlig": 48,
    "annet": 35, "mellomleder": 37, "merkantil": 25,
}
# Non-substantive answers ("Nei", "-", whitespace ...) per role, among TEXT_COUNTS.
EMPTYISH_COUNTS = {"veileder": 4, "kontorleder": 1, "fagansvarlig": 1,
                   "annet": 1, "mellomleder": 1}
EMPTYISH_TEXTS = [" ", "  ", "-", "Nei", "nei takk", "Ingen kommentar", "Nei.",
                  "Ingen kommentarer."]
# Manually coded rows per role (sum 170), drawn among the non-empty answers.
CODED_COUNTS = {
    "veileder": 86, "kontorleder": 28, "fagansvarlig": 19,
    "annet": 13, "mellomleder": 14, "merkantil": 10,
}
N_KOMMUNAL = 714          # 40.9 % of 1,745; the rest (1,031) statlig
N_KVINNE = 1297           # 74.3 %; the rest (448) mann

# Role and employer multipliers on the theme weights (role matters).
ROLE_MULT = {
    "veileder": {"samarbeid_nay": 1.35, "ma_oppgaver": 1.5, "tiltak": 1.4,
                 "arbeidsbelastning_tid": 1.3, "aktivitetsplan": 1.4,
                 "arbeidsevnevurdering": 1.3, "brukeroppfolging": 1.1,
                 "ledelse_styring": 0.6, "partnerskap": 0.1, "kanalstrategi": 0.7,
                 "medbestemmelse": 0.5},
    "kontorleder": {"ledelse_styring": 3.0, "partnerskap": 6.0,
                    "medbestemmelse": 2.0, "samarbeid_nay": 0.8, "tiltak": 0.7,
                    "ma_oppgaver": 0.6, "aktivitetsplan": 0.4,
                    "arbeidsevnevurdering": 0.5, "arbeidsmiljo": 1.4,
                    "samarbeid_stat_kommune": 1.3, "kompetanse_opplaering": 1.2},
    "mellomleder": {"ledelse_styring": 2.5, "partnerskap": 3.0,
                    "medbestemmelse": 1.5, "arbeidsmiljo": 1.4,
                    "ma_oppgaver": 0.9, "aktivitetsplan": 0.6},
    "fagansvarlig": {"kompetanse_opplaering": 2.0, "regelverk": 2.0,
                     "smidig_utvikling": 1.8, "bredde_generalist": 1.5,
                     "partnerskap": 0.3},
    "merkantil": {"digitalisering": 2.2, "kanalstrategi": 4.0,
                  "samarbeid_nay": 0.4, "tiltak": 0.2, "aktivitetsplan": 0.3,
                  "arbeidsevnevurdering": 0.1, "ma_oppgaver": 0.4,
                  "innsatsbehov": 0.1, "markedsarbeid": 0.2,
                  "bredde_generalist": 0.2, "partnerskap": 0.1,
                  "arbeidsmiljo": 1.5},
    "annet": {"markedsarbeid": 2.0, "tiltak": 1.3, "kompetanse_opplaering": 1.2},
}
# Themes that tend to go together in one answer (symmetric); a theme already chosen
# for an answer raises the weight of its neighbours, so long answers hang together.
AFFINITY = [
    ("samarbeid_nay", "arbeidsevnevurdering"), ("samarbeid_nay", "regelverk"),
    ("samarbeid_nay", "arbeidsbelastning_tid"), ("digitalisering", "smidig_utvikling"),
    ("digitalisering", "kompetanse_opplaering"), ("digitalisering", "aktivitetsplan"),
    ("digitalisering", "brukeroppfolging"), ("digitalisering", "kanalstrategi"),
    ("ma_oppgaver", "aktivitetsplan"), ("ma_oppgaver", "ledelse_styring"),
    ("ma_oppgaver", "arbeidsbelastning_tid"), ("tiltak", "innsatsbehov"),
    ("tiltak", "markedsarbeid"), ("tiltak", "brukermedvirkning"),
    ("sosialfag", "samarbeid_stat_kommune"), ("sosialfag", "brukeroppfolging"),
    ("sosialfag", "bredde_generalist"), ("arbeidsmiljo", "arbeidsbelastning_tid"),
    ("arbeidsmiljo", "ledelse_styring"), ("arbeidsmiljo", "medbestemmelse"),
    ("partnerskap", "samarbeid_stat_kommune"), ("partnerskap", "ledelse_styring"),
    ("kanalstrategi", "brukeroppfolging"), ("smidig_utvikling", "kompetanse_opplaering"),
    ("bredde_generalist", "kompetanse_opplaering"),
]
AFFINITY_BOOST = 2.5

EMPLOYER_MULT = {
    "kommunal": {"sosialfag": 2.4, "samarbeid_stat_kommune": 2.0,
                 "samarbeid_nay": 0.8, "arbeidsevnevurdering": 0.7},
    "statlig": {"sosialfag": 0.35, "samarbeid_stat_kommune": 0.6},
}

# ---------------------------------------------------------------------------
# Sentence pool.
#
# Line format:   LANG WHO [+extra_tag ...] POL | text
#   LANG  nb (bokmål) or nn (nynorsk)
#   WHO   * for anyone, or comma-joined codes: V veileder, L kontorleder/mellomleder,
#         F fagansvarlig, M merkantil, A annet, K kommunal, S statlig
#   +tag  extra themes a human coder would also assign to this sentence
#   POL   + positive, - negative, 0 mixed/neutral
# The section header (## theme) gives the sentence's main theme; "## none" sentences
# carry no theme. Inline {a|b|c} picks one alternative; <NAV>, <NAY>, <Modia>,
# <Gosys>, <Arena> are spelled consistently within one answer; <n:A-B> is a number.
# ---------------------------------------------------------------------------
POOL = r"""
## samarbeid_nay
nb * - | <NAY> overprøver vurderingene våre {hele tiden|gang på gang|stadig vekk}, uten å ha møtt brukeren.
nb * - | Samarbeidet med <NAY> er det som tar mest energi i jobben min.
nb * - | Vi gjør grundige vurderinger her på kontoret, så kommer vedtaket tilbake fra <NAY> med et helt annet resultat.
nb * - | Det føles som om vi jobber for <NAY> og ikke for brukerne; vi er blitt et mellomledd.
nb * - | Det er vi som må forklare avslagene til brukerne, selv om vi ikke forstår dem selv.
nb * - | Saksbehandlingstida hos <NAY> er {altfor|alt for|urimelig} lang. Brukere venter i {flere måneder|3-4 måneder|over et halvt år} på svar på AAP-søknaden.
nb * - | «NAV mot NAV» er dessverre en {god|treffende} beskrivelse av hverdagen.
nb * - | Vi står i en skvis mellom brukeren og forvaltningen.
nb * - | Forvaltningen leser regelverket {mye|langt} strengere enn vi gjør, og vi får ikke innsyn i begrunnelsene.
nb * +arbeidsevnevurdering - | Besluttere som aldri har sett brukeren, sitter og overprøver arbeidsevnevurderingene våre.
nb * +arbeidsbelastning_tid - | Vi bruker mye tid på å skrive ekstra dokumentasjon fordi vi vet at <NAY> kommer til å stille spørsmål ved alt.
nb * - | Det er vanskelig å snakke om et myndig <NAV>-kontor når alle vurderingene våre kan overstyres lenger inn i systemet.
nb * + | Kontakten med <NAY> er blitt {bedre|mye bedre} det siste året; vi har faste møter nå, og det hjelper.
nb * - | Det er ikke mulig å ringe <NAY>, alt skal gå skriftlig, og så tar det uker før noen svarer.
nb * - | Ytelseslinja og oppfølgingslinja snakker ikke sammen.
nb * - | Flisespikkeri fra forvaltningen på små formuleringer i vedtaksgrunnlaget.
nb * - | Klagesakene hoper seg opp, og det er vi som får de sinte brukerne.
nb * - | Før kunne vi fatte vedtak selv. Nå "innstiller" vi bare, og det er <NAY> som bestemmer.
nb * - | Det er frustrerende å måtte forsvare vedtak man er faglig uenig i.
nb * 0 | Samarbeidet med <NAY> {fungerer greit|går stort sett fint}, men de har for lite kjennskap til hvordan vi jobber på kontoret.
nb V,A - | Brukerne forstår ikke at vi ikke bestemmer selv; de tror det er veilederen som har sagt nei.
nb * - | Det er en evinnelig kamp med <NAY> om AAP-sakene.
nb * - | Rutinene for samhandling med <NAY> endres hele tiden, og vi får vite om det i etterkant.
nb * - | Mye dobbeltarbeid mellom oss og <NAY>: vi dokumenterer, og så etterspør de det samme en gang til.
nb * 0 | Det burde vært flere faste møtepunkter med forvaltningen, f.eks. en kontaktperson per kontor.
nb * - | Det oppleves som diktat ovenfra og ned når <NAY> sender saker i retur for "manglende opplysninger".
nb L - | Som leder bruker jeg uforholdsmessig mye tid på saker der <NAY> og veilederne mine er uenige.
nb * - | Vedtakene fra <NAY> er skrevet slik at brukerne ikke forstår dem, og da ringer de oss.
nn * - | <NAY> overprøvar dei lokale vurderingane våre, sjølv om dei aldri har møtt brukaren.
nn * - | Samarbeidet med <NAY> er det som tek mest tid og krefter i kvardagen.
nn * - | Sakshandsamingstida hjå <NAY> er alt for lang, og det er vi som må svare brukarane når dei ringjer.
nn * - | Vi sit i ein skvis mellom brukaren og forvaltninga.
nn * - | Det er tungt å måtte forsvare vedtak ein ikkje er fagleg einig i.
nn * +arbeidsevnevurdering - | Besluttarane overprøvar arbeidsevnevurderingane våre utan å grunngje det godt nok.
nn * + | Samarbeidet med <NAY> har vorte betre; vi har faste møte no.
nn * - | Vi gjer grundige vurderingar her på kontoret, og så kjem vedtaket tilbake frå <NAY> med eit heilt anna resultat.
nn * - | Det kjennest som om vi jobbar for <NAY> og ikkje for brukarane.
nn V,A - | Brukarane trur det er rettleiaren som har sagt nei, men vi bestemmer ingenting sjølve.
nn * - | Det er ikkje mogleg å ringje <NAY>; alt skal gå skriftleg, og det tek veker før nokon svarar.

## digitalisering
nb * - | {Alt for|Altfor|Veldig} mange systemer.
nb * - | Vi må inn i {fem|seks|sju} ulike fagsystemer for å få oversikt over én bruker.
nb * - | <Modia>, <Arena>, <Gosys>, Infotrygd og i tillegg kommunens eget system; det er rett og slett kaos.
nb * - | Systemene snakker ikke sammen, så vi dobbeltregistrerer det meste.
nb * - | <Gosys> er tregt og henger seg opp flere ganger om dagen.
nb * + | Digitaliseringen har gjort mye enklere, bl.a. at brukerne kan sende inn dokumentasjon selv.
nb * +brukeroppfolging 0 | Bra med digitale løsninger, men de passer ikke for alle brukerne våre.
nb * +brukeroppfolging - | Mange av brukerne våre har ikke BankID og kommer seg ikke inn på nav.no i det hele tatt.
nb * - | Det er ingen integrasjon mellom de statlige og de kommunale fagsystemene, noe som gjør hverdagen tungvint.
nb * +arbeidsbelastning_tid - | Journalføringen tar uforholdsmessig mye tid; alt skal journalføres i to systemer.
nb * + | Teams har vært et løft for samarbeidet internt, særlig på møter med andre kontor.
nb * - | Vi får stadig nye digitale verktøy, men ingen tar bort de gamle.
nb * + | <Modia> er en klar forbedring i forhold til <Arena>, det må jeg si.
nb * +brukeroppfolging + | Digital oppfølging er fint for de som mestrer det, og frigjør tid til dem som trenger oss mest.
nb * - | IT-løsningene er laget for saksbehandling, ikke for veiledning.
nb * +kanalstrategi - | Chatten på nav.no gir mange henvendelser som egentlig burde vært en samtale.
nb K +samarbeid_stat_kommune - | Kommunale saker kan ikke dokumenteres i <Modia>, så vi må ha to systemer oppe hele tiden.
nb * - | Det er altfor mye «print screen» og manuelle rutiner for å få ting fra ett system til et annet.
nb * +brukeroppfolging - | Digitaliseringen går for fort for mange av de eldre brukerne.
nb * - | Systemene er en tidstyv.
nb * - | Yammer, Navet, Teams, e-post, intranett ... det er for mange kanaler å følge med i.
nb * - | <Arena> er utdatert og tungvint, og det er mange klikk for den minste ting.
nb * - | PC-ene er gamle og ytelsen er elendig; det tar flere minutter bare å starte opp.
nb * 0 | Digitalisering er nødvendig, men det må følge med ressurser og ordentlig utstyr.
nb * - | Når <Gosys> eller <Modia> er nede, stopper hele kontoret opp.
nb M - | Vi merkantile bruker mye tid på skanning og journalføring av papirer som brukerne leverer i skranken.
nb * + | Det er mye bra med de digitale løsningene; søknader og dokumentasjon kommer raskere inn enn før.
nn * - | Det er alt for mange system å halde styr på.
nn * - | Fagsystema snakkar ikkje saman, så vi må registrere det same fleire gonger.
nn * +brukeroppfolging - | Mange av brukarane våre har ikkje BankID og kjem seg ikkje inn på nav.no.
nn * - | <Gosys> og <Arena> er tunge å jobbe i, og det stel mykje tid.
nn * +brukeroppfolging 0 | Digitaliseringa har gjort mykje enklare, men ho passar ikkje for alle.
nn * + | Teams har vore til god hjelp i samarbeidet med andre kontor.
nn * - | Når systema er nede, stoppar heile kontoret opp.
nn * - | Vi må inn i fem-seks ulike fagsystem for å få oversikt over éin brukar.
nn * - | <Modia>, <Arena>, <Gosys> og i tillegg kommunen sitt eige system. Det blir kaos.
nn * + | <Modia> er ei klar forbetring samanlikna med <Arena>.
nn * - | PC-ane er gamle og treige, og det tek lang tid berre å starte opp.
nn * - | Systema er ein tidstjuv.

## aktivitetsplan
nb * - | Aktivitetsplanen er blitt en meldingstjeneste mer enn en plan.
nb * - | Brukerne skriver i dialogen i <Modia> om alt mulig, også ting som gjelder sosialhjelp, og det kan vi ikke svare på der.
nb * +arbeidsbelastning_tid - | Den digitale aktivitetsplanen gir mer ekstraarbeid enn den sparer.
nb * +ma_oppgaver - | Lavterskelkontakten i aktivitetsplanen gjør at brukerne sender meldinger om småting, og alt skal besvares innen fristen.
nb * + | Aktivitetsplanen fungerer godt for de ungdommene vi følger opp, de liker å skrive.
nb * - | Samtalereferatene i aktivitetsplanen tar lang tid å skrive.
nb * - | Mange brukere forstår ikke aktivitetsplanen og ringer for å spørre hva de skal gjøre.
nb * 0 | Det er bra at brukerne kan se planen sin selv og følge med, men aktivitetskortene er for rigide.
nb * - | Å registrere CV som en aktivitet i planen gir ikke mye mening for alle.
nb * - | Aktivitetsplanene blir fulle av aktiviteter som bare er der for syns skyld.
nb * +kanalstrategi - | Vi får mange henvendelser i dialogen som burde vært tatt på telefon eller i et møte.
nb * + | Dialogen i <Modia> er et godt verktøy når den brukes riktig.
nb K +samarbeid_stat_kommune - | Jeg savner at aktivitetsplanen kunne brukes til de kommunale tjenestene også.
nb * +ma_oppgaver - | Brukerne venter på svar fra oss i planen, og hvis vi ikke svarer innen to dager, blir det rødt på statistikken.
nb * + | Den digitale aktivitetsplanen har gjort kontakten med brukerne enklere og mer forutsigbar.
nn * - | Aktivitetsplanen har vorte meir ei meldingsteneste enn ein plan.
nn * +ma_oppgaver - | Brukarane skriv i dialogen om alt mogleg, og alt skal svarast på innan fristen.
nn * +brukeroppfolging 0 | Den digitale aktivitetsplanen fungerer bra for dei unge, men ikkje for dei eldre brukarane.
nn * - | Samtalereferata i aktivitetsplanen tek mykje tid.
nn * + | Dialogen i aktivitetsplanen er eit godt verktøy når han blir brukt rett.
nn * - | Mange brukarar forstår ikkje aktivitetsplanen og ringjer for å spørje kva dei skal gjere.

## ma_oppgaver
nb * +arbeidsbelastning_tid - | Må-oppgavene tar all tid, og det blir ingen tid til den reelle oppfølgingen.
nb * +ledelse_styring - | Vi blir målt på ting som ikke har noe med kvaliteten i oppfølgingen å gjøre.
nb * - | Frister, frister og atter frister.
nb * - | Det handler mer om å holde statistikken grønn enn om å hjelpe folk.
nb * - | Må-oppgaver i <Modia> dukker opp hver morgen, og de må tas før noe annet.
nb * +aktivitetsplan - | Svarfristen på meldinger i aktivitetsplanen gjør at vi sitter foran skjermen i stedet for å være ute.
nb * - | Måstyringen gjør at vi jobber for å tilfredsstille systemet, ikke brukeren.
nb * - | Vi har fått altfor mange tellinger og måltall å forholde oss til.
nb V,A +arbeidsbelastning_tid - | Jeg bruker mesteparten av dagen på oppgaver med frist, resten av brukerne blir liggende.
nb * +ledelse_styring - | Aktivitetsstyringen fra fylket kommer på toppen av alle må-oppgavene.
nb * - | Det er umulig å prioritere faglig når alt har en frist.
nb * - | Mange av oppgavene vi får, er rene kontrolloppgaver som ikke gir brukeren noe.
nb * 0 | Det er fint med frister, det gir struktur, men det kan ikke være det eneste som teller.
nb * - | Fristene styrer hverdagen, ikke behovene til brukerne.
nb * - | Vi snakker mer om «må-oppgaver» enn om brukere på teammøtene.
nb * - | Mikrokontroll av hvor raskt vi svarer på meldinger.
nb * - | Det blir mye brannslukking for å unngå at oppgaver går over fristen.
nb * - | Oppgavene som telles, blir gjort. Oppgavene som ikke telles, blir liggende.
nb L 0 | Jeg forstår at vi må ha frister og måltall, men veilederne mine opplever at må-oppgavene fortrenger det viktigste arbeidet.
nn * +arbeidsbelastning_tid - | Må-oppgåvene tek all tida, og det blir lite att til den eigentlege oppfølginga.
nn * - | Vi blir målte på ting som ikkje seier noko om kvaliteten i arbeidet.
nn * - | Fristar på alt. Det er ikkje mogleg å prioritere fagleg.
nn * - | Statistikken skal vere grøn, same kva det kostar.
nn * +aktivitetsplan - | Svarfristen i dialogen gjer at vi sit meir ved skjermen enn saman med brukarane.
nn * - | Oppgåvene som blir talde, blir gjorde. Resten blir liggjande.
nn * - | Det handlar meir om å tilfredsstille systemet enn om å hjelpe folk.

## smidig_utvikling
nb * - | Endringene i systemene kommer snikende; plutselig ser skjermbildet annerledes ut, og ingen har sagt ifra.
nb * - | «Smidig utvikling» høres fint ut, men for oss betyr det at vi aldri vet hvordan verktøyene virker fra uke til uke.
nb * +kompetanse_opplaering - | Vi må selv finne ut av de nye funksjonene; egenopplæring er blitt normalen.
nb * - | Det er endringer hele tiden, og vi har nådd et metningspunkt.
nb * +kompetanse_opplaering - | Før ble ting rullet ut med opplæring. Nå dukker det bare opp.
nb * - | Det stadige endringstrykket i de digitale løsningene gjør det vanskelig å bli trygg i jobben.
nb * - | Informasjonsoverbelastning: nye versjoner, nye rutiner, nye skjermbilder, hver uke.
nb * 0 | Det er bra at løsningene blir bedre litt etter litt, men vi må få beskjed før endringene kommer.
nn * - | Systema er stadig i endring, og vi får ikkje med oss alt som blir endra.
nn * +kompetanse_opplaering - | Det er venta at vi lærer oss alle nye funksjonar sjølve.

## kompetanse_opplaering
nb * - | Opplæringen i nye systemer er for dårlig.
nb * - | E-læring erstatter ikke ordentlig opplæring.
nb * +arbeidsbelastning_tid - | Vi har ikke tid til å ta e-læringskursene i arbeidstiden.
nb * + | Jeg lærer mest skulder til skulder med erfarne kolleger.
nb * +arbeidsmiljo - | Fagkompetansen forsvinner ut av kontoret når de erfarne slutter.
nb * +markedsarbeid - | Vi trenger mer kompetanse på arbeidsmarkedet og på å snakke med arbeidsgivere.
nb * - | Nyansatte blir kastet ut i det uten skikkelig opplæring.
nb * - | Det er blitt «kursmas» på webinarer i stedet for fagsamlinger der vi faktisk møtes.
nb * + | Fagsamlingene i regionen har vært veldig gode og nyttige.
nb * - | Jeg savner faglig påfyll og tid til å lese meg opp.
nb * - | Det er mye fokus på digital kompetanse, men lite på veiledningskompetanse.
nb * - | Opplæringsplanene står på papiret, men blir ikke fulgt opp.
nb * - | Fagligheten spises opp av produksjonskravene.
nb * + | Vi har fått god opplæring i motiverende intervju (MI), og det bruker jeg hver dag.
nb * 0 | Det er flott med webinarer, men de krever at man har tid til å følge dem.
nb * - | Vi er en lærende organisasjon på papiret.
nb * + | Teammøtene er en god arena for å lære av hverandre og drøfte vanskelige saker.
nb L - | Som leder ser jeg at kompetansebehovet er stort, men det er lite midler til kurs og videreutdanning.
nb F - | Som fagansvarlig får jeg ansvaret for opplæringen, men ikke tid til å gjennomføre den.
nn * - | Opplæringa i nye system er for dårleg.
nn * - | E-læring er ikkje det same som god opplæring.
nn * +arbeidsmiljo - | Fagkompetansen forsvinn når dei erfarne sluttar.
nn * +arbeidsbelastning_tid - | Vi har ikkje tid til å ta kursa i arbeidstida.
nn * + | Eg lærer mest av å sitje saman med erfarne kollegaer.
nn * - | Nytilsette blir kasta ut i det utan skikkeleg opplæring.
nn * + | Fagsamlingane i regionen har vore svært nyttige.

## sosialfag
nb * - | Sosialfaget er i ferd med å forsvinne fra <NAV>-kontoret.
nb * - | Det sosialfaglige arbeidet prioriteres bort til fordel for arbeidslinja.
nb * +brukeroppfolging - | De svakeste brukerne, med rus og psykisk helse, får dårligere hjelp enn før.
nb K - | Som sosionom føler jeg at fagbakgrunnen min ikke blir verdsatt.
nb * +samarbeid_stat_kommune - | Sosiale tjenester blir en salderingspost i et kontor som styres etter statlige mål.
nb * - | Økonomisk sosialhjelp handler om mer enn å fylle ut en søknad.
nb * - | Vi har mistet mye av det sosiale arbeidet; det er bare saksbehandling igjen.
nb * - | Mennesker i krise trenger sosialfaglig oppfølging, ikke bare arbeidsrettet.
nb * - | Kommunen har abdisert; de sosiale tjenestene er overlatt til oss uten at noen følger med.
nb * + | Jeg er glad for at vi fortsatt har et sterkt sosialfaglig miljø på vårt kontor.
nb * - | Sosialfaglig kompetanse burde vært like mye verdt som kunnskap om arbeidsmarkedet.
nb * 0 | Arbeidslinja er vel og bra, men ikke alle brukerne er der.
nb * - | Kommunen har satt inn tiltak for å få ned sosialhjelpsutgiftene, men det rammer de svakeste.
nn * - | Sosialfaget forsvinn meir og meir frå Nav-kontoret.
nn * - | Det sosialfaglege arbeidet blir prioritert bort.
nn * +brukeroppfolging - | Dei svakaste brukarane får dårlegare hjelp no enn før.
nn K - | Som sosionom kjenner eg at utdanninga mi ikkje blir verdsett.
nn * - | Vi har mista mykje av det sosiale arbeidet; det er berre sakshandsaming att.

## samarbeid_stat_kommune
nb * - | Det er en tydelig statlig dominans på kontoret.
nb K - | Vi kommunalt ansatte blir sett på som annenrangs.
nb * - | Det er forskjell i lønn mellom statlig og kommunalt ansatte som gjør det samme arbeidet.
nb * + | På vårt kontor spiller det ingen rolle om man er ansatt i stat eller kommune; vi er «ett NAV».
nb * + | Samarbeidet mellom den statlige og den kommunale delen av kontoret fungerer godt.
nb K - | Statlig side bestemmer det meste, også for oss som er kommunalt ansatt.
nb * - | Vi har to arbeidsgivere, to lønnssystemer og to sett med rutiner i samme gang.
nb * - | Statlige og kommunale veiledere sitter fortsatt i hver sin avdeling, selv etter så mange år.
nb * - | Kommunale henvendelser blir nedprioritert fordi de ikke vises noe sted.
nb * + | Vi har en god arena for samarbeid mellom stat og kommune i de ukentlige fellesmøtene.
nb S - | Det er en kommunal dominans på vårt kontor, og staten er nesten usynlig.
nn * - | Det er tydeleg statleg dominans på kontoret vårt.
nn K - | Vi som er kommunalt tilsette, blir ofte gløymde.
nn * + | Det har ikkje noko å seie om ein er statleg eller kommunalt tilsett hos oss.
nn * +arbeidsmiljo - | Ulik løn for same arbeid skaper gnissingar mellom statleg og kommunalt tilsette.
nn * + | Samarbeidet mellom den statlege og den kommunale delen av kontoret fungerer godt.

## arbeidsmiljo
nb * + | Godt arbeidsmiljø og flinke kolleger.
nb * - | Sykefraværet er høyt, og de som er igjen, blir slitne.
nb * - | Mange flinke folk har sluttet de siste par årene.
nb * - | Åpent landskap er ikke egnet når man skal konsentrere seg eller ta vanskelige telefoner.
nb * + | Det er et godt samhold blant kollegene, og det er det som holder oss oppe.
nb * +ledelse_styring - | Det har vært konflikter i ledelsen som har gått utover hele kontoret.
nb * - | Jeg har aldri vært så sliten som nå.
nb * - | Mestringsfølelsen er borte for mange av oss.
nb * + | Vi har satt i gang flere tiltak for å bedre arbeidsmiljøet, bl.a. felles lunsj og trening i arbeidstiden.
nb * +brukeroppfolging - | Turnoveren er så høy at brukerne får ny veileder hvert halvår.
nb * - | Det er en tikkende bombe når så mange er sykmeldt samtidig.
nb * + | Trygt og godt kontor å jobbe på.
nb L + | Vi har et godt opplegg for oppfølging av sykmeldte kolleger.
nb * - | Det er mye negativitet i gangene, og det smitter.
nb * - | Jeg søker andre jobber fordi jeg ikke orker mer.
nb * + | Vi har sosiale sammenkomster et par ganger i året, og det betyr mye.
nb * - | Verneombudet har tatt opp arbeidsmiljøet flere ganger uten at noe skjer.
nb * + | Vi fattet et vedtak på personalmøtet om å ha felles lunsj igjen, og det har hjulpet på stemningen.
nb * - | Vi må endre kurs, ellers mister vi de beste folkene våre.
nb L 0 | Vi har en plan for å få ned sykefraværet, men det tar tid.
nn * + | Godt arbeidsmiljø og gode kollegaer.
nn * - | Sjukefråværet er høgt, og dei som er att, blir slitne.
nn * - | Mange dyktige folk har slutta dei siste åra.
nn * - | Ope landskap er slitsamt når ein skal konsentrere seg.
nn * + | Vi har eit godt samhald på kontoret, og det held oss oppe.
nn * - | Eg har aldri vore så sliten som no.
nn * + | Vi har sett i verk fleire tiltak for å betre arbeidsmiljøet, og det har hjelpt.

## arbeidsbelastning_tid
nb V,A - | Alt for stor portefølje. Jeg har over <n:90-160> brukere.
nb * - | Vi har ikke tid til å følge opp brukerne tett nok.
nb * - | For mange brukere per veileder.
nb * - | Vi er for få folk i forhold til oppgavene.
nb * - | Arbeidspresset har økt mye de siste årene.
nb * - | Dokumentasjonskravene stjeler tid fra oppfølgingen.
nb * - | Jeg jobber overtid nesten hver uke for å holde tritt.
nb * - | Det blir ikke tid til arbeidsrettet oppfølging når alt annet skal gjøres først.
nb * - | Vi har mistet {2|3,5|4|1,5} årsverk det siste året, uten at oppgavene har blitt færre.
nb * 0 | Mindre porteføljer ville gitt bedre kvalitet.
nb * - | Kapasiteten er sprengt.
nb * - | Det er umulig å rekke alt innenfor arbeidstiden.
nb * - | Vi trenger flere ressurser hvis vi skal gjøre jobben slik den er tenkt.
nb * - | Merarbeidet med de nye rutinene er ikke tatt høyde for i bemanningen.
nb * - | Problemet er ikke systemene, men at vi er for få folk.
nb * - | Det er ikke <NAY> som er problemet hos oss, men at vi har for lite tid til hver bruker.
nb * - | Brukerne fortjener mer tid enn vi kan gi dem.
nb * - | Schedulen er så tight at det ikke er rom for noe uforutsett.
nb V,A - | Jeg har gått fra <n:55-75> til over <n:110-150> brukere på to år.
nb * - | Stadig flere oppgaver uten flere folk leder til at vi hele tiden ligger på etterskudd.
nb L - | Som leder ser jeg at de ansatte løper fortere og fortere, og det er ikke bærekraftig.
nn * - | Alt for mange brukarar per rettleiar.
nn * - | Vi har ikkje tid til å følgje opp brukarane godt nok.
nn * - | Arbeidspresset har auka mykje dei siste åra.
nn * - | Vi er for få tilsette i forhold til oppgåvene.
nn V,A - | Eg har over <n:100-150> brukarar i porteføljen.
nn * - | Dokumentasjonskrava stel tid frå oppfølginga.
nn * - | Det er uråd å rekkje alt innanfor arbeidstida.
nn * - | Kapasiteten er sprengd.

## brukeroppfolging
nb * + | Det viktigste vi gjør, er å møte brukerne ansikt til ansikt.
nb * +digitalisering - | Digital oppfølging passer ikke for alle.
nb * - | De manuelle brukerne faller mellom alle stoler.
nb * - | Ressurssterke brukere får hjelp fort, mens de med sammensatte problemer blir liggende.
nb * - | Brukere med språkproblemer får ikke god nok oppfølging.
nb * - | Jeg savner å kunne følge opp brukerne tettere.
nb * + | Tett oppfølging virker. Vi ser det på de brukerne der vi har hatt tid.
nb * +digitalisering - | Mange eldre brukere har ikke internett, og de blir stående utenfor.
nb * 0 | Fysiske møter er nødvendig for å bygge tillit til brukeren.
nb * + | Vi har gode erfaringer med tettere oppfølging av unge under 30.
nb * - | Oppfølgingen blir for tilfeldig når brukerne ikke har en fast veileder.
nb * - | Brukerne skal ha den hjelpen de trenger, og det krever mer enn en melding på nav.no.
nb * 0 | Menneskelig kontakt kan ikke erstattes av et skjermbilde.
nb * - | Brukere med rus eller psykiske lidelser trenger oppfølging over lang tid, og det får de ikke.
nb * - | Det er de svakeste brukerne som taper på omleggingen.
nb * + | Oppfølgingsarbeidet er det mest meningsfulle i jobben, når vi får tid til det.
nn * + | Det viktigaste vi gjer, er å møte brukarane andlet til andlet.
nn * +digitalisering - | Digital oppfølging passar ikkje for alle.
nn * - | Brukarar med samansette problem blir ofte liggjande.
nn * +digitalisering - | Eldre brukarar utan internett fell utanfor.
nn * + | Tett oppfølging verkar, når vi får tid til det.
nn * - | Brukarar med språkproblem får ikkje god nok oppfølging.
nn * - | Dei ressurssterke brukarane får hjelp fort, medan dei svakaste blir ståande att.

## tiltak
nb * - | For få tiltaksplasser.
nb * - | Det er mangel på tiltaksplasser, og ventetiden er lang.
nb * - | Vi tilpasser brukeren til tiltaket, ikke tiltaket til brukeren.
nb * + | Lønnstilskudd er det tiltaket som virker best for våre brukere.
nb * - | Tiltaksmidlene er brukt opp allerede i {mai|juni|august}, og da står vi der.
nb * - | Utdanning som tiltak burde vært mye enklere å få til.
nb * - | Tiltakspengeproblematikken tar mye tid.
nb * - | Tiltakene hos tiltaksarrangørene er for standardiserte.
nb * + | Jobbspesialistene våre gjør en kjempejobb, og IPS har gitt gode resultater.
nb * + | Oppfølging i egen regi fungerer bedre enn å kjøpe tiltak eksternt.
nb * 0 | KVP er et godt program, men det er for få plasser og for lite penger.
nb * - | Tiltaksjungelen er uoversiktlig både for oss og for brukerne.
nb * 0 | Arbeidspraksis i en ordinær bedrift gir mye mer enn AFT for mange.
nb * - | Flyktningene trenger mer språkopplæring før de får noe ut av tiltakene.
nb * - | Det blir mye svingdør: tiltak, avslutning, ny periode, nytt tiltak.
nb * - | Tiltaksbudsjettet styrer mer enn brukernes behov.
nb * +innsatsbehov - | Vi har gode tiltak lokalt, men de er ikke tilgjengelige for alle innsatsgrupper.
nb * +innsatsbehov - | Det er vanskelig å få tiltaksplass til ungdom uten nedsatt arbeidsevne.
nb * + | Tiltaksbedriftene i området gjør en god jobb.
nb K 0 | Kvalifiseringsprogrammet er det beste vi har for dem som står lengst unna arbeidslivet, men det krever mye av veilederen.
nn * - | For få tiltaksplassar.
nn * - | Vi tilpassar brukaren til tiltaka, ikkje omvendt.
nn * - | Tiltaksmidlane er brukte opp tidleg på året.
nn * + | Lønstilskot fungerer godt for mange av brukarane våre.
nn * 0 | KVP er eit godt tilbod, men det er for få plassar.
nn * - | Det er for lite pengar til tiltak, og ventetida er lang.
nn * + | Jobbspesialistane våre gjer ein kjempejobb.
nn * - | Utdanning som tiltak burde vore mykje enklare å få til.

## bredde_generalist
nb * - | Generalistmodellen gjør at vi skal kunne alt, og da blir vi gode på ingenting.
nb * - | Breddeløsningen er krevende når man skal kunne både AAP, sosialhjelp og sykefravær.
nb * - | Vi gikk fra spesialiserte team til generalistteam, og det har ikke vært noen suksess.
nb * + | Jeg liker å jobbe helhetlig med brukeren; det er en styrke med generalistrollen.
nb * - | Brukerne datofordeles, så vi får alt fra unge uten skole til folk som nærmer seg pensjon.
nb * - | Oppgavebredden er enorm for hver enkelt veileder.
nb * - | Jeg ønsker meg tilbake til en mer spesialisert organisering.
nn * - | Generalistmodellen gjer at vi skal kunne alt, og då blir vi gode på ingenting.
nn * - | Oppgåvebreidda er enorm for kvar rettleiar.

## regelverk
nb * - | Det er for lite juridisk kompetanse på kontoret.
nb * - | Regelverket er så komplisert at vi er usikre på om vi gir riktig informasjon.
nb * 0 | Vi burde hatt tilgang til en jurist vi kunne spørre.
nb * - | EØS-reglene er nesten umulige å forstå.
nb * - | Folketrygdloven endres stadig, og det er vanskelig å holde seg oppdatert.
nb * - | Byråkrati og regelrytteri tar fokuset bort fra brukeren.
nb * - | Sosialtjenesteloven og folketrygdloven henger ikke alltid godt sammen.
nb * - | Regelverket for sykepenger og AAP er blitt strengere (jf. endringene i 2018), og det merker brukerne.
nn * - | Vi har for lite juridisk kompetanse, og regelverket er krevjande.
nn * - | Lovverket blir endra heile tida, og det er vanskeleg å halde seg oppdatert.
nn * - | EØS-reglane er nesten umoglege å forstå.

## arbeidsevnevurdering
nb * - | Arbeidsevnevurderingene er blitt saksbehandlingsdokumenter for AAP, ikke et verktøy for brukeren.
nb * + | AEV er et godt verktøy når vi får tid til å gjøre den ordentlig.
nb * +samarbeid_nay - | Det tar flere timer å skrive en arbeidsevnevurdering, og likevel blir den sendt i retur fra <NAY>.
nb * - | Arbeidsevnevurderingen føles som en eksamen brukeren kan stryke på.
nb * + | Egenvurderingen er nyttig for å få i gang en god samtale.
nb * +samarbeid_nay - | Vi skriver AEV-ene for forvaltningen, ikke for brukerne.
nb * - | Kravene til arbeidsevnevurderingene har økt mye etter innstrammingene i AAP.
nb * - | Ressursprofilen burde vært enklere.
nb * - | Det er mye dobbeltarbeid i arbeidsevnevurderingene.
nb * - | AEV-en burde vært brukerens dokument, men er blitt et saksbehandlingsdokument.
nn * - | Arbeidsevnevurderingane har vorte dokument for sakshandsaminga, ikkje for brukaren.
nn * +samarbeid_nay - | AEV tek lang tid å skrive, og ho blir ofte send i retur frå <NAY>.
nn * + | Eigenvurderinga er nyttig i samtalen med brukaren.
nn * - | Krava til arbeidsevnevurderingane har auka mykje etter innstrammingane i AAP.

## kanalstrategi
nb * - | Kortere åpningstider har ført til flere sinte brukere i resepsjonen.
nb * - | Brukerne blir henvist til nav.no eller Kontaktsenteret, og så kommer de likevel til oss.
nb * - | Kanalstrategien passer ikke for de brukerne som trenger oss mest.
nb * - | Det er tungt å måtte sende folk bort fordi de ikke har time.
nb * - | Kontaktsenteret gir ofte feil informasjon, og det er vi som må rydde opp.
nb M - | Vi sitter i publikumsmottaket med brukere som ikke får hjelp noe annet sted.
nb * - | Telefontiden er for kort, og brukerne kommer ikke gjennom.
nb * 0 | Planlagte samtaler er bra, men vi må ha en åpen dør for dem som står i krise.
nb * - | «Stengt dør» er ikke en god strategi for et velferdskontor.
nb M - | I mottaket får vi kjeft fordi vi har åpent bare kl. 10.00-14.00 to dager i uka.
nn * - | Kortare opningstider har ført til fleire sinte brukarar i mottaket.
nn * - | Brukarane blir viste til nav.no, men dei kjem likevel til oss.
nn * - | Kontaktsenteret gir ofte feil informasjon til brukarane.
nn * - | Det er tungt å måtte sende folk heim fordi dei ikkje har time.

## ledelse_styring
nb * - | Det er for mye styring ovenfra, og for lite tillit til det faglige skjønnet.
nb * - | Målstyringen har tatt overhånd.
nb * - | Målekortet styrer hva vi gjør, ikke hva brukerne trenger.
nb * - | Ledelsen er lite synlig i hverdagen.
nb * + | Vi har en leder som lytter og gir oss handlingsrom.
nb L +partnerskap - | Som leder får jeg styringssignaler fra både fylket og kommunen, og de peker ikke alltid samme vei.
nb L - | Som kontorleder bruker jeg altfor mye tid på rapportering.
nb * - | Hopp-og-sprett-styring fra direktoratet; nye satsinger hvert halvår.
nb * - | Det mangler en tydelig retning fra ledelsen om hva vi skal prioritere.
nb * +tiltak - | Tiltaksstyringen fra fylket gjør at vi kjøper tiltak for å nå måltall, ikke fordi brukerne trenger dem.
nb L,F - | Mellomlederne blir skvist mellom krav ovenfra og behov nedenfra.
nb * + | Jeg opplever god støtte fra nærmeste leder.
nb L - | Som leder ser jeg at handlingsrommet vårt lokalt har blitt mindre de siste årene.
nb * - | Det er for mange målinger og for lite ledelse.
nb * - | Tillitsreformen har ikke nådd <NAV>-kontorene ennå.
nb L 0 | Vi har fått mer frihet fra fylket til å prioritere selv, og det setter jeg pris på, men målekortet henger fortsatt over oss.
nn * - | Det er for mykje styring ovanfrå og for lite tillit til skjønnet vårt.
nn * - | Målstyringa har teke overhand.
nn * - | Leiinga er lite synleg i kvardagen.
nn * + | Vi har ein leiar som lyttar og gir oss handlingsrom.
nn * - | Målekortet styrer kva vi gjer, ikkje kva brukarane treng.
nn L - | Som leiar bruker eg altfor mykje tid på rapportering.

## brukermedvirkning
nb * - | Brukermedvirkning er et fint ord, men i praksis er det vi som bestemmer det meste.
nb * +aktivitetsplan + | Brukerne skal medvirke i egen sak, og aktivitetsplanen har gjort det lettere.
nb * +tiltak - | Det blir lite brukermedvirkning når tiltakene velges ut fra hva som er ledig.
nb * + | Jeg prøver å la brukeren styre samtalen selv; det gir mye bedre resultater.
nb * +arbeidsevnevurdering + | Egenvurderingen gir brukeren en reell stemme i arbeidsevnevurderingen.
nn * - | Brukarane skal medverke i eiga sak, men i praksis er det vi som avgjer det meste.

## innsatsbehov
nb * +tiltak - | Vi må skyve brukere over i spesielt tilpasset innsats for at de skal få tiltak.
nb * - | Ungdom med standard innsatsbehov får nesten ingen hjelp.
nb * - | Behovsvurderingen blir for lettvint fordi det er så mange som skal vurderes.
nb * 0 | 14a-vedtakene er viktige, men de blir skrevet for raskt.
nb * - | Det skjer en «sykeliggjøring» når vi må dokumentere nedsatt arbeidsevne for å kunne gi hjelp.
nb * - | Brukere med situasjonsbestemt innsats er den gruppen som får minst oppfølging.
nn * +tiltak - | Vi må skyve brukarar over i spesielt tilpassa innsats for at dei skal få tiltak.
nn * - | Ungdom med standard innsatsbehov får nesten inga hjelp.

## markedsarbeid
nb * - | Vi har for lite tid til arbeidsgiverkontakt.
nb * + | Markedsteamet vårt har gode relasjoner til bedriftene i området.
nb * 0 | Markedsarbeidet burde vært en del av alle veilederes jobb, ikke bare markedsrådgivernes.
nb * - | Arbeidsgiverne klager på at de ikke vet hvem de skal kontakte i <NAV>.
nb * - | Vi har dårlig oversikt over ledige stillinger i arbeidsmarkedet lokalt.
nb * + | Inkluderingsdugnaden har gitt oss flere gode kontakter i offentlig sektor.
nn * - | Vi har for lite tid til å kontakte arbeidsgjevarar.
nn * + | Marknadsteamet vårt har gode relasjonar til bedriftene her.

## partnerskap
nb L + | Partnerskapet med kommunen fungerer godt, og rådmannen er opptatt av <NAV>-kontoret.
nb L - | Det er krevende å lede et kontor med to tariffområder og to budsjetter.
nb L - | Partnerskapsmøtene er blitt en formalitet.
nb * - | Kommunen ser på <NAV>-kontoret som en utgiftspost, ikke som en del av kommunen.
nb L 0 | Vi burde hatt en felles pott med penger i partnerskapet.
nb L - | Kommunesammenslåingen har gjort partnerskapsavtalen uklar.
nn L + | Partnarskapet med kommunen fungerer godt hos oss.

## medbestemmelse
nb * - | De tillitsvalgte blir informert, ikke involvert.
nb * - | Medbestemmelsen fungerer dårlig når endringene bestemmes sentralt.
nb * - | Vi ansatte har lite innflytelse på omorganiseringene.
nb * + | MBA-møtene er gode, og de tillitsvalgte blir tatt med tidlig.
nb * - | Omstillingene blir kjørt gjennom før de tillitsvalgte har fått sagt noe.
nn * - | Dei tillitsvalde blir informerte, ikkje involverte.

## none
nb * 0 | Takk for at dere spør.
nb * 0 | Lykke til med undersøkelsen!
nb * 0 | Jeg har ikke noe mer å tilføye utover det jeg har svart.
nb * 0 | Spennende å se resultatene.
nb * 0 | Undersøkelsen var litt lang, men ellers greit.
nb * 0 | Noen av spørsmålene var vanskelige å svare på for oss som ikke jobber direkte med brukere.
nb * 0 | Fint at noen spør oss som jobber på gulvet.
nb * 0 | Håper resultatene blir brukt til noe.
nb * 0 | Jeg har svart så godt jeg kan.
nb * 0 | Flott at denne undersøkelsen gjøres igjen.
nb * 0 | Jeg er ny i jobben og har ikke så mye å sammenligne med.
nb * 0 | Mange av spørsmålene passet dårlig for et lite kontor som vårt.
nb * 0 | Det var det.
nb * 0 | Fint å få si noe om dette.
nb * 0 | Ingen flere kommentarer enn det jeg har skrevet over.
nb * 0 | Bra undersøkelse.
nb * 0 | Jeg har ikke jobbet her lenge nok til å si så mye.
nn * 0 | Takk for at de spør.
nn * 0 | Lukke til med undersøkinga!
nn * 0 | Eg har ikkje noko meir å leggje til enn det eg har svart over.
nn * 0 | Spanande å sjå resultata.
nn * 0 | Eg har svart så godt eg kan.
nn * 0 | Fint å få seie noko om dette.
"""

# Openers, mid-answer fillers, closers (no theme). WHO codes as above, plus
# size codes: s liten, m mellomstor, l stor.
OPENERS = r"""
nb * | Jeg har jobbet i <NAV> i <yrs> år.
nb * | Jeg har vært i <NAV> siden <year>.
nb * | Noen kommentarer fra meg:
nb * | Det er vanskelig å svare kort på dette.
nb * | Mye av det jeg vil si, er dekket av spørsmålene over, men:
nb * | For å si det rett ut:
nb * | Jeg vil gjerne si litt om hverdagen vår.
nb V | Jeg jobber som veileder i oppfølgingsteamet.
nb V | Jeg har vært veileder i <yrs> år, først i kommunen og så i staten.
nb V,s | Jeg jobber som veileder på et lite kontor.
nb kontorleder | Jeg er kontorleder for et <sizeword> kontor.
nb L | Som leder ser jeg både gode og mindre gode sider ved utviklingen.
nb mellomleder | Jeg er avdelingsleder og har <n:8-22> medarbeidere.
nb M | Jeg jobber i mottaket.
nb M | Jeg har merkantile oppgaver og møter brukerne i skranken.
nb F | Jeg har fagansvar for sykefraværsområdet.
nb F | Jeg er fagkoordinator i et team med <n:7-15> veiledere.
nb l | Vi er et stort kontor med mange ansatte.
nb s | Vi er et lite kontor, og alle må gjøre litt av alt.
nn * | Eg har jobba i <NAV> i <yrs> år.
nn * | Nokre kommentarar frå meg:
nn V | Eg jobbar som rettleiar i oppfølgingsteamet.
nn V,s | Eg jobbar som rettleiar på eit lite kontor.
nn L | Som leiar ser eg både gode og mindre gode sider ved utviklinga.
nn s | Vi er eit lite kontor, og alle må gjere litt av alt.
"""

FILLERS = r"""
nb * | Det er min erfaring.
nb * | Det er mye bra også, det må sies.
nb * | Jeg vet at mange på kontoret mener det samme.
nb * | Dette er ikke ment som kritikk av kollegene mine.
nb * | Jeg håper noen lenger opp i systemet leser dette.
nb * | Det er i alle fall slik jeg ser det.
nn * | Det er mi erfaring.
nn * | Eg veit at mange på kontoret meiner det same.
nn * | Det er i alle fall slik eg ser det.
"""

CLOSERS = r"""
nb * | Takk for at dere spør.
nb * | Lykke til med undersøkelsen!
nb * | Spennende å se resultatene.
nb * | Håper det kommer noe godt ut av dette.
nb * | Takk for muligheten til å si min mening.
nb * | Ellers ingenting å tilføye.
nn * | Takk for at de spør.
nn * | Lukke til med undersøkinga!
nn * | Elles ikkje noko meir å leggje til.
"""

CONNECTORS = {
    "nb": ["I tillegg:", "En annen ting:", "Og så:", "Ellers:", "Dessuten:"],
    "nn": ["I tillegg:", "Ein annan ting:", "Elles:"],
}

BULLET_INTROS = {
    "nb": ["Noen stikkord:", "Kort oppsummert:", "Det jeg vil trekke frem:",
           "Utfordringer slik jeg ser det:", "Tre ting:"],
    "nn": ["Nokre stikkord:", "Kort oppsummert:", "Det eg vil trekkje fram:"],
}

# Planted personal identifiers (for the redaction feature). Each is one sentence
# added to one answer; tags as in the pool. {FNR} is filled in below.
PLANTED = [
    ("phone", "nb", [], "Ring meg gjerne på 922 33 445 hvis dere vil høre mer om dette."),
    ("phone", "nb", [], "Jeg kan nås på +47 41 22 33 44 om dere har spørsmål til svarene mine."),
    ("email", "nb", [], "Send meg gjerne resultatene på kari.nordmann@eksempel.no."),
    ("fnr", "nb", ["samarbeid_nay"],
     "Et eksempel: en bruker (fnr. {FNR}) har ventet siden mars på svar på AAP-søknaden sin."),
    ("name", "nb", ["arbeidsbelastning_tid"],
     "Kollegaen min Marit har båret hele teamet på sine skuldre i høst, uten at noen ser det."),
    ("name", "nb", ["ledelse_styring", "arbeidsmiljo"],
     "Lederen Ole Hansen har gjort en fantastisk jobb med å snu kulturen hos oss."),
    ("name+phone", "nb", [],
     "Snakk gjerne med kollegaen min Marit på 922 33 445, hun har mange gode eksempler."),
]

NYNORSK_TYPO = {"ikkje": "ikkej", "brukarane": "brukarne", "oppfølging": "oppfølgning",
                "arbeidsevnevurderingane": "arbeidsevnevurderingan", "fleire": "fliere"}
TYPOS = {
    "veileder": "veiledre", "veiledere": "veilerdere", "oppfølging": "oppfølgning",
    "oppfølgingen": "oppfølgningen", "tiltak": "tilltak", "tiltaksplasser": "tiltaksplaser",
    "digitalisering": "digitalisring", "Digitaliseringen": "Digitaliseringn",
    "systemer": "sytemer", "systemene": "systmene",
    "arbeidsevnevurdering": "arbeidsevnevurdring", "kompetanse": "kompetane",
    "brukerne": "bruekrne", "Samarbeidet": "Samarbiedet", "samarbeidet": "samarbiedet",
    "arbeidsmiljø": "arbeidsmijø", "aktivitetsplanen": "aktivtetsplanen", "ikke": "ikek",
    "frister": "frisster", "ledelsen": "ledelsn", "Sykefraværet": "Sykefravære",
    "opplæring": "opplærling", "forvaltningen": "forvatningen", "vedtaket": "vedaket",
    "fagsystemer": "fagsytemer", "Arbeidspresset": "Arbeidpresset",
}
TYPOS.update(NYNORSK_TYPO)
CAPS_WORDS = ["altfor", "alt", "ikke", "aldri", "mange", "alle", "ingen", "hele", "mye",
              "ikkje", "mykje", "for"]

# ---------------------------------------------------------------------------
# Offices
# ---------------------------------------------------------------------------
NYNORSK_OFFICES = [
    "Kvitadal", "Fjordbotn", "Straumøy", "Heggjavik", "Lidvær", "Bjørkhaug",
    "Nystøl", "Breiøyra", "Tverrdal", "Kleivanes", "Skoravik", "Furebø", "Ospeli",
    "Myrbø", "Grønnestøl", "Vassbygda",
]
LARGE_OFFICES = [
    "Storhamn", "Elvebyen", "Nordhamn", "Kirkeby", "Lindeby", "Skogby", "Bekkeby",
    "Vikeby", "Fjordheim", "Sørstrand",
]
OTHER_OFFICES = [
    "Fjellvik", "Lysvik", "Krokåsen", "Myrheim", "Solbergvik", "Havnevik", "Bergtun",
    "Østmo", "Vestbygd", "Granlia", "Bjørklund", "Rypedal", "Steinvik", "Solhaug",
    "Langmo", "Brattvik", "Djupdal", "Tjønnås", "Åsmyra", "Holmvik", "Sjøvika",
    "Fagerbakken", "Lerkeli", "Sandbukta", "Kvernhaug", "Ravnestad", "Øyvang", "Nyvoll",
    "Midtbø", "Kløvstad", "Ulvsund", "Bakkelund", "Rognvik", "Engmo", "Hesteli",
    "Svartvika", "Vårdal", "Lauvnes", "Fossdal", "Bjørnevika", "Ørneberg", "Tindvik",
    "Saltnes", "Sildvåg", "Laksåsen", "Hvalvik", "Måkeøy", "Tornes", "Reinmo",
    "Kjerringdal", "Gullvik", "Sølvberg", "Kobbernes", "Jernbakken", "Strømsli",
    "Vannbu", "Dalsvik", "Fjæreli", "Grindvoll", "Hagastad", "Innervik", "Juvdal",
    "Kalvø", "Lomvik", "Mosvoll", "Nesbukt", "Oterdal", "Piledal", "Rosmo", "Sagvoll",
    "Tettebakk", "Ulvhaug", "Vidmo", "Ødevik", "Ålstrand", "Ærøvik", "Bråtevik",
    "Eikevang", "Fururud", "Gjerdevik", "Hammervik", "Isdal", "Kjelsvik", "Lyngholm",
    "Mjøsvang", "Nordvang", "Orreli", "Prestvik", "Revsnes", "Sjøbotn", "Torvmo",
    "Urdal", "Austvik", "Bjellvåg", "Elgmo", "Fiskvik", "Gråberg", "Hovdeli",
]
N_MEDIUM_OTHER = 22   # medium offices among OTHER_OFFICES (+2 town, +4 nynorsk = 28)

# ---------------------------------------------------------------------------


def parse_pool(text, has_tags=True):
    items = []
    section = None
    for raw in text.strip("\n").split("\n"):
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("## "):
            section = line[3:].strip()
            continue
        head, body = line.split(" | ", 1)
        parts = head.split()
        lang, who = parts[0], parts[1]
        tags, pol = [], "0"
        if has_tags:
            pol = parts[-1]
            tags = [p[1:] for p in parts[2:-1]]
            assert pol in "+-0", line
        if section and section != "none":
            tags = [section] + tags
        for t in tags:
            assert t in THEMES, (t, line)
        items.append({"lang": lang, "who": who.split(","), "tags": tags,
                      "pol": {"+": 1, "-": -1, "0": 0}[pol], "text": body,
                      "main": tags[0] if tags else None, "uses": 0})
    return items


def who_ok(item, resp):
    codes = item["who"]
    if codes == ["*"]:
        return True
    role_codes = {"V": "veileder", "M": "merkantil", "F": "fagansvarlig", "A": "annet",
                  "kontorleder": "kontorleder", "mellomleder": "mellomleder"}
    roles = set()
    emp = None
    size = None
    for c in codes:
        if c == "L":
            roles |= {"kontorleder", "mellomleder"}
        elif c in role_codes:
            roles.add(role_codes[c])
        elif c == "K":
            emp = "kommunal"
        elif c == "S":
            emp = "statlig"
        elif c in ("s", "m", "l"):
            size = {"s": "liten", "m": "mellomstor", "l": "stor"}[c]
        else:
            raise ValueError(c)
    if roles and resp["role"] not in roles:
        return False
    if emp and resp["employer"] != emp:
        return False
    if size and resp["office_size"] != size:
        return False
    return True


def fnr_check_digits(d9):
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    k1 = 11 - sum(a * b for a, b in zip(w1, d9)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    k2 = 11 - sum(a * b for a, b in zip(w2, d9 + [k1])) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return [k1, k2]


def synthetic_fnr():
    """A synthetic fødselsnummer for the invented birth date 15.03.1985.

    The month is written +80 (83 instead of 03), the convention for synthetic test
    persons, so the number cannot belong to a real person; both mod-11 check digits
    are valid. The individual number is the first in 000-499 that gives valid digits.
    """
    for ind in range(101, 500):
        d9 = [int(c) for c in "158385" + "%03d" % ind]
        k = fnr_check_digits(d9)
        if k:
            return "".join(map(str, d9 + k))
    raise RuntimeError("no valid fnr")


def weighted_choice(rng, items, weights):
    total = sum(weights)
    r = rng.random() * total
    acc = 0.0
    for it, w in zip(items, weights):
        acc += w
        if r < acc:
            return it
    return items[-1]


class Speller:
    """Per-answer consistent spellings of names that vary between writers."""

    def __init__(self, rng):
        c = lambda opts: weighted_choice(rng, [o for o, _ in opts], [w for _, w in opts])
        self.nav = c([("NAV", 55), ("Nav", 45)])
        self.nay = c([("NAY", 62), ("Nay", 14), (self.nav + " Arbeid og ytelser", 12),
                      ("NAV AY", 5), ("Arbeid og ytelser", 7)])
        self.modia = c([("Modia", 68), ("MODIA", 26), ("modia", 6)])
        self.gosys = c([("Gosys", 62), ("GOSYS", 32), ("gosys", 6)])
        self.arena = c([("Arena", 85), ("ARENA", 15)])


def expand(text, rng, sp, resp):
    def alt(m):
        return rng.choice(m.group(1).split("|"))
    text = re.sub(r"\{([^{}]*)\}", alt, text)

    def num(m):
        return str(rng.randint(int(m.group(1)), int(m.group(2))))
    text = re.sub(r"<n:(\d+)-(\d+)>", num, text)
    max_yrs = max(2, min(30, resp["age"] - 23))
    yrs = rng.randint(2, max_yrs)
    text = text.replace("<yrs>", str(yrs))
    text = text.replace("<year>", str(2019 - yrs))
    text = text.replace("<sizeword>", {"liten": "lite", "mellomstor": "mellomstort",
                                       "stor": "stort"}[resp["office_size"]])
    text = text.replace("<NAY>", sp.nay).replace("<NAV>", sp.nav)
    text = text.replace("<Modia>", sp.modia).replace("<Gosys>", sp.gosys)
    text = text.replace("<Arena>", sp.arena)
    assert "<" not in text and "{" not in text, text
    return text


def pick_sentence(rng, pool, theme, lang, resp, exclude):
    cands = [s for s in pool if s["main"] == theme and s["lang"] == lang
             and who_ok(s, resp) and id(s) not in exclude]
    if not cands:
        return None
    weights = [1.0 / (1 + s["uses"]) ** 2 for s in cands]
    s = weighted_choice(rng, cands, weights)
    s["uses"] += 1
    return s


def pick_simple(rng, items, lang, resp):
    cands = [s for s in items if s["lang"] == lang and who_ok(s, resp)]
    return rng.choice(cands) if cands else None


def theme_weights(remaining, resp, lang, pool):
    """Weight of each theme for this writer: the theme's remaining quota times the
    role and employer multipliers; 0 where no sentence fits the writer."""
    w = {}
    for t in THEMES:
        if not any(s["main"] == t and s["lang"] == lang and who_ok(s, resp)
                   for s in pool):
            w[t] = 0.0
            continue
        x = max(remaining[t], 0.0) + 0.15
        x *= ROLE_MULT.get(resp["role"], {}).get(t, 1.0)
        x *= EMPLOYER_MULT.get(resp["employer"], {}).get(t, 1.0)
        w[t] = x
    return w


def plan_answer(rng, resp, lang, remaining, pool):
    """Choose the answer's kind (short / medium / long) and its theme sentences.

    Returns a plan dict; remaining quotas are decremented for every theme the chosen
    sentences carry."""
    plan = {"resp": resp, "lang": lang, "items": [], "tags": set()}
    if resp.get("no_theme"):
        plan["kind"] = "none"
        return plan
    r = rng.random()
    if r < 0.40:
        kind, n = "short", 1
    elif r < 0.78:
        kind = "medium"
        n = weighted_choice(rng, [1, 2, 3], [34, 46, 20])
    else:
        kind = "long"
        n = weighted_choice(rng, [3, 4, 5], [52, 34, 14])
    plan["kind"] = kind
    w = theme_weights(remaining, resp, lang, pool)
    chosen = []
    for _ in range(n):
        avail = [t for t in THEMES if t not in chosen and w[t] > 0]
        if not avail:
            break
        t = weighted_choice(rng, avail, [w[t] for t in avail])
        chosen.append(t)
        for a, b in AFFINITY:
            if t in (a, b):
                w[b if t == a else a] *= AFFINITY_BOOST
    for t in chosen:
        k = 1
        if kind != "short" and rng.random() < (0.25 if kind == "medium" else 0.4):
            k = 2
        for _ in range(k):
            add_item(rng, plan, t, remaining, pool)
    if not plan["items"]:
        plan["kind"] = "none"
    return plan


def add_item(rng, plan, theme, remaining, pool):
    used = {id(s) for _t, s in plan["items"]}
    # a second sentence on the same theme must not contradict the first
    same = [s for t, s in plan["items"] if t == theme]
    if same and same[0]["pol"] != 0:
        used |= {id(s) for s in pool if s["main"] == theme
                 and s["pol"] == -same[0]["pol"]}
    s = pick_sentence(rng, pool, theme, plan["lang"], plan["resp"], used)
    if s is None:
        return False
    for tg in s["tags"]:
        if tg not in plan["tags"]:
            remaining[tg] -= 1
    plan["tags"].update(s["tags"])
    # keep sentences of one theme together
    idx = len(plan["items"])
    for i, (t, _s) in enumerate(plan["items"]):
        if t == theme:
            idx = i + 1
    plan["items"].insert(idx, (theme, s))
    return True


def render(rng, plan, pool, openers, fillers, closers):
    """Return (text, tags set, per-theme polarity dict) for a plan."""
    resp, lang, kind = plan["resp"], plan["lang"], plan["kind"]
    sp = Speller(rng)
    tags = set(plan["tags"])
    pol = {}
    for _t, s in plan["items"]:
        for tg in s["tags"]:
            pol[tg] = pol.get(tg, 0) + s["pol"]
    if kind == "none":
        none_pool = [x for x in pool if x["main"] is None]
        s = pick_simple(rng, none_pool, lang, resp)
        out = [expand(s["text"], rng, sp, resp)]
        if rng.random() < 0.3:
            s2 = pick_simple(rng, none_pool, lang, resp)
            if s2 is not s:
                out.append(expand(s2["text"], rng, sp, resp))
        return " ".join(out), tags, pol
    sentences = [(t, expand(s["text"], rng, sp, resp)) for t, s in plan["items"]]
    opener = closer = filler = None
    if kind != "short" and rng.random() < 0.35:
        o = pick_simple(rng, openers, lang, resp)
        opener = expand(o["text"], rng, sp, resp) if o else None
    if kind == "long" and rng.random() < 0.35:
        f = pick_simple(rng, fillers, lang, resp)
        filler = expand(f["text"], rng, sp, resp) if f else None
    if rng.random() < (0.06 if kind == "short" else 0.15):
        c = pick_simple(rng, closers, lang, resp)
        closer = expand(c["text"], rng, sp, resp) if c else None

    body = [x[1] for x in sentences]
    for i in range(1, len(body)):
        if sentences[i][0] != sentences[i - 1][0] and rng.random() < 0.12:
            body[i] = rng.choice(CONNECTORS[lang]) + " " + body[i]
    if kind in ("short", "medium"):
        parts = body + ([filler] if filler else [])
        text = " ".join(parts)
        if opener:
            text = opener + ("\n" if opener.endswith(":") else " ") + text
        if closer:
            text += (" " if rng.random() < 0.6 else "\n") + closer
        return text, tags, pol
    # long: bullets or paragraphs
    if rng.random() < 0.3 and len(body) >= 3:
        lines = []
        if opener:
            lines.append(opener)
        intro = rng.choice(BULLET_INTROS[lang])
        while intro.startswith("Tre ") and len(body) != 3:
            intro = rng.choice(BULLET_INTROS[lang])
        if opener and opener.endswith(":"):
            intro = None
        if intro:
            lines.append(intro)
        for b in [x[1] for x in sentences]:
            if rng.random() < 0.5 and b.endswith("."):
                b = b[:-1]
            lines.append("- " + b)
        if filler:
            lines.append(filler)
        if closer:
            lines.append(closer)
        sep_after_intro = "\n" if rng.random() < 0.7 else "\n\n"
        head_n = sum(1 for x in (opener, intro) if x)
        text = "\n".join(lines[:head_n]) + sep_after_intro + "\n".join(lines[head_n:])
        return text.lstrip("\n"), tags, pol
    paras = []
    cur = [opener] if opener else []
    for i, b in enumerate(body):
        cur.append(b)
        new_theme_next = i < len(body) - 1 and sentences[i + 1][0] != sentences[i][0]
        if new_theme_next and rng.random() < 0.5:
            paras.append(" ".join(cur))
            cur = []
    if filler:
        cur.append(filler)
    paras.append(" ".join(cur))
    if closer:
        paras.append(closer)
    if len(paras) == 1 and len(body) >= 3:
        # at least one paragraph break in a long answer
        first, rest = body[0], body[1:]
        paras = [" ".join(([opener] if opener else []) + [first]),
                 " ".join(rest + ([filler] if filler else []))] + \
                ([closer] if closer else [])
    sep = "\n\n" if rng.random() < 0.6 else "\n"
    return sep.join(paras), tags, pol


def add_noise(rng, text, lang):
    """Typos, missing space after full stop, ALL-CAPS words, double spaces, case."""
    notes = []
    if rng.random() < 0.045:
        for _ in range(rng.choice([1, 1, 2])):
            words = [w for w in TYPOS if re.search(r"\b%s\b" % re.escape(w), text)]
            if words:
                w = rng.choice(words)
                text = re.sub(r"\b%s\b" % re.escape(w), TYPOS[w], text, count=1)
            else:
                cands = [m for m in re.finditer(r"\b[a-zæøå]{7,}\b", text)]
                if not cands:
                    continue
                m = rng.choice(cands)
                wd = m.group(0)
                i = rng.randint(1, len(wd) - 3)
                wd2 = wd[:i] + wd[i + 1] + wd[i] + wd[i + 2:]
                text = text[:m.start()] + wd2 + text[m.end():]
            notes.append("typo")
    if rng.random() < 0.05:
        ms = list(re.finditer(r"\. (?=[A-ZÆØÅ])", text))
        if ms:
            m = rng.choice(ms)
            text = text[:m.start()] + "." + text[m.end():]
            notes.append("nospace")
    if rng.random() < 0.045:
        cands = [m for m in re.finditer(r"\b(%s)\b" % "|".join(CAPS_WORDS), text)]
        if cands:
            m = rng.choice(cands)
            text = text[:m.start()] + m.group(0).upper() + text[m.end():]
            notes.append("caps")
    if rng.random() < 0.04:
        ms = [m for m in re.finditer(r"(?<=\S) (?=\S)", text)]
        if ms:
            m = rng.choice(ms)
            text = text[:m.start()] + "  " + text[m.end():]
            notes.append("dblspace")
    if rng.random() < 0.12 and text.endswith("."):
        text = text[:-1]
    if rng.random() < 0.015 and "\n" not in text:
        text = text.lower()
    return text, notes


def largest_remainder(total, weights):
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [int(math.floor(x)) for x in raw]
    rest = total - sum(out)
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[:rest]:
        out[i] += 1
    return out


def build_respondents(rng):
    # Offices and sizes.
    offices = []
    for i, name in enumerate(LARGE_OFFICES):
        offices.append({"name": "Nav " + name, "size": "stor" if i < 8 else "mellomstor",
                        "nn": False})
    for i, name in enumerate(NYNORSK_OFFICES):
        offices.append({"name": "Nav " + name, "size": "mellomstor" if i < 4 else "liten",
                        "nn": True})
    for i, name in enumerate(OTHER_OFFICES):
        offices.append({"name": "Nav " + name,
                        "size": "mellomstor" if i % 3 == 1 and i < 3 * N_MEDIUM_OTHER
                        else "liten", "nn": False})
    assert len(offices) == 124, len(offices)
    assert len({o["name"] for o in offices}) == 124
    target = {"liten": 785, "mellomstor": 698, "stor": 262}   # 45 / 40 / 15 %
    for size in target:
        group = [o for o in offices if o["size"] == size]
        ws = [rng.uniform(0.55, 1.45) for _ in group]
        if size == "liten":
            ws[3] = 0.02   # a couple of tiny response counts
            ws[17] = 0.05
        counts = largest_remainder(target[size], ws)
        for o, c in zip(group, counts):
            o["n"] = max(1, c)
    # fix totals after max(1, .)
    diff = N_ROWS - sum(o["n"] for o in offices)
    big = sorted(offices, key=lambda o: -o["n"])
    i = 0
    while diff != 0:
        o = big[i % len(big)]
        step = 1 if diff > 0 else -1
        if o["n"] + step >= 1:
            o["n"] += step
            diff -= step
        i += 1
    for o in offices:
        o["komm_bias"] = rng.uniform(0.5, 1.6)

    slots = []
    for o in offices:
        slots.extend([o] * o["n"])
    # Roles: one kontorleder per office; the other 96 go to offices with two or three
    # leaders answering (at most 2 in a small office, 3 in a medium or large one).
    role = [None] * len(slots)
    first = {}
    for i, o in enumerate(slots):
        if o["name"] not in first:
            first[o["name"]] = i
            role[i] = "kontorleder"
    extra = [i for i, o in enumerate(slots) if role[i] is None and o["n"] >= 5]
    rng.shuffle(extra)
    n_lead = {name: 1 for name in first}
    need = ROLE_COUNTS["kontorleder"] - len(first)
    for i in extra:
        o = slots[i]
        cap = 2 if o["size"] == "liten" else 3
        if need and n_lead[o["name"]] < cap:
            role[i] = "kontorleder"
            n_lead[o["name"]] += 1
            need -= 1
    assert need == 0
    others = []
    for r_, c in ROLE_COUNTS.items():
        if r_ != "kontorleder":
            others += [r_] * c
    rng.shuffle(others)
    it = iter(others)
    for i in range(len(role)):
        if role[i] is None:
            role[i] = next(it)
    resp = []
    for i, o in enumerate(slots):
        resp.append({"office": o["name"], "office_size": o["size"], "office_nn": o["nn"],
                     "komm_bias": o["komm_bias"], "role": role[i]})
    rng.shuffle(resp)
    # Employer: exact count, kommunal more likely in offices with a high bias.
    keys = sorted(range(len(resp)), key=lambda i: -rng.random() * resp[i]["komm_bias"])
    komm = set(keys[:N_KOMMUNAL])
    for i, r_ in enumerate(resp):
        r_["employer"] = "kommunal" if i in komm else "statlig"
    genders = ["kvinne"] * N_KVINNE + ["mann"] * (N_ROWS - N_KVINNE)
    rng.shuffle(genders)
    age_shift = {"kontorleder": 5.5, "mellomleder": 4, "fagansvarlig": 2,
                 "merkantil": 1, "annet": 0, "veileder": -1.2}
    for i, r_ in enumerate(resp):
        r_["id"] = "R%04d" % (i + 1)
        r_["gender"] = genders[i]
        a = rng.gauss(47.3 + age_shift[r_["role"]], 9.5)
        r_["age"] = int(min(67, max(24, round(a))))
        r_["wave"] = "2019"
    return resp


def assign_texts(rng, resp):
    by_role = {}
    for r_ in resp:
        by_role.setdefault(r_["role"], []).append(r_)
    for role_, n in TEXT_COUNTS.items():
        for r_ in rng.sample(by_role[role_], n):
            r_["answered"] = True
    answered = [r_ for r_ in resp if r_.get("answered")]
    emptyish_pool = list(EMPTYISH_TEXTS)
    for role_, n in EMPTYISH_COUNTS.items():
        cands = [r_ for r_ in answered if r_["role"] == role_]
        for r_ in rng.sample(cands, n):
            r_["emptyish"] = emptyish_pool.pop(0)
    assert not emptyish_pool
    subst = [r_ for r_ in answered if "emptyish" not in r_]
    # ~6 % of substantive answers mention no theme
    for r_ in rng.sample(subst, 27):
        r_["no_theme"] = True
    # Nynorsk: most writers at "nynorsk" offices, a few elsewhere
    for r_ in subst:
        p = 0.75 if r_["office_nn"] else 0.04
        r_["lang"] = "nn" if rng.random() < p else "nb"
    return answered, subst


def generate_texts(subst, n_nonempty, pool, openers, fillers, closers):
    """Compose all substantive answers.

    Themes are drawn against quotas (TARGET share x number of non-empty answers), so
    the shares come out close to TARGET while role, employer and theme affinity still
    decide who writes about what. A top-up pass adds a sentence for any theme still
    under its quota to a medium or long answer whose writer fits."""
    rng = random.Random(SEED * 7 + 1)
    for s in pool:
        s["uses"] = 0
    remaining = {t: round(TARGET[t] * n_nonempty) for t in THEMES}
    order = sorted(subst, key=lambda r_: r_["id"])
    rng.shuffle(order)
    plans = [plan_answer(rng, r_, r_["lang"], remaining, pool) for r_ in order]
    for t in sorted(THEMES, key=lambda t: -TARGET[t]):
        while remaining[t] > 0:
            cands = [p for p in plans if p["kind"] in ("medium", "long")
                     and t not in p["tags"]
                     and len({x for x, _s in p["items"]}) < 5
                     and theme_weights(remaining, p["resp"], p["lang"], pool)[t] > 0]
            if not cands:
                break
            weights = [theme_weights(remaining, p["resp"], p["lang"], pool)[t]
                       for p in cands]
            p = weighted_choice(rng, cands, weights)
            add_item(rng, p, t, remaining, pool)
    out = {}
    for p in plans:
        out[p["resp"]["id"]] = render(rng, p, pool, openers, fillers, closers)
    return out


def q_items(rng, r_, tags, pol):
    def P(t):
        return pol.get(t, 0)
    lat = rng.gauss(0, 0.55)
    role = r_["role"]
    has = lambda t: t in tags

    def clamp(x):
        return int(min(5, max(1, round(x))))

    tid = 2.9 + lat + rng.gauss(0, 0.75)
    tid += {"kontorleder": 0.3, "merkantil": 0.2, "mellomleder": 0.1}.get(role, 0)
    tid -= 1.0 * has("arbeidsbelastning_tid") + 0.6 * has("ma_oppgaver")
    tid -= 0.3 * has("samarbeid_nay")
    tid += 0.3 * (P("brukeroppfolging") > 0)
    dig = 3.3 + lat + rng.gauss(0, 0.75)
    if has("digitalisering"):
        d = P("digitalisering")
        dig += 0.6 if d > 0 else (-1.0 if d < 0 else -0.3)
    dig -= 0.5 * has("smidig_utvikling") + 0.3 * (P("aktivitetsplan") < 0)
    dig -= 0.3 * (role == "merkantil")
    nay = 3.1 + lat + rng.gauss(0, 0.75)
    if has("samarbeid_nay"):
        d = P("samarbeid_nay")
        nay += 0.6 if d > 0 else (-1.4 if d < 0 else -0.4)
    nay -= 0.3 * (P("arbeidsevnevurdering") < 0)
    nay -= 0.2 * (r_["employer"] == "kommunal")
    komp = 3.5 + lat + rng.gauss(0, 0.7)
    if has("kompetanse_opplaering"):
        d = P("kompetanse_opplaering")
        komp += 0.5 if d > 0 else (-0.9 if d < 0 else -0.2)
    komp -= 0.4 * has("regelverk") + 0.3 * has("bredde_generalist")
    komp += 0.2 * (role == "fagansvarlig")
    vals = [clamp(tid), clamp(dig), clamp(nay), clamp(komp)]
    return ["" if rng.random() < 0.03 else str(v) for v in vals]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = os.path.join(root, "Corpora", "nav-2019")
    os.makedirs(out_dir, exist_ok=True)
    pool = parse_pool(POOL)
    openers = parse_pool(OPENERS, has_tags=False)
    fillers = parse_pool(FILLERS, has_tags=False)
    closers = parse_pool(CLOSERS, has_tags=False)

    rng = random.Random(SEED)
    resp = build_respondents(rng)
    answered, subst = assign_texts(rng, resp)

    n_nonempty = len(answered)
    texts = generate_texts(subst, n_nonempty, pool, openers, fillers, closers)

    # Plant identifiers in a few substantive bokmål answers.
    prng = random.Random(SEED + 5)
    fnr = synthetic_fnr()
    cand = sorted([r_ for r_ in subst if r_["lang"] == "nb" and not r_.get("no_theme")],
                  key=lambda r_: r_["id"])
    planted_rows = prng.sample(cand, len(PLANTED))
    planted = {}
    for r_, (kind, _lang, ptags, sent) in zip(planted_rows, PLANTED):
        text, tags, pol = texts[r_["id"]]
        sent = sent.replace("{FNR}", fnr)
        text = text + ("\n\n" if "\n" in text else " ") + sent
        tags = set(tags) | set(ptags)
        texts[r_["id"]] = (text, tags, pol)
        planted[r_["id"]] = kind

    # Noise (not on rows with planted identifiers, to keep them exact).
    nrng = random.Random(SEED + 11)
    noise_log = {}
    for r_ in subst:
        if r_["id"] in planted:
            continue
        text, tags, pol = texts[r_["id"]]
        text, notes = add_noise(nrng, text, r_["lang"])
        texts[r_["id"]] = (text, tags, pol)
        if notes:
            noise_log[r_["id"]] = notes

    # Manually coded subset.
    crng = random.Random(SEED + 23)
    emptyish = sorted([r_ for r_ in answered if "emptyish" in r_], key=lambda r_: r_["id"])
    coded = set(r_["id"] for r_ in crng.sample(emptyish, 3))
    # three rows with planted identifiers are coded too (phone, fnr, person name)
    coded |= {r_["id"] for r_, (kind, _l, _t, _s) in zip(planted_rows, PLANTED)
              if kind in ("fnr",) or r_["id"] in (planted_rows[0]["id"], planted_rows[5]["id"])}
    quotas = dict(CODED_COUNTS)
    for r_ in answered:
        if r_["id"] in coded:
            quotas[r_["role"]] -= 1
    for role_, n in quotas.items():
        cands = sorted([r_ for r_ in subst if r_["role"] == role_ and r_["id"] not in coded],
                       key=lambda r_: r_["id"])
        coded |= set(r_["id"] for r_ in crng.sample(cands, n))

    # Write CSV.
    qrng = random.Random(SEED + 31)
    header = ["id", "role", "employer", "office", "office_size", "gender", "age", "wave",
              "q_tid_oppfolging", "q_digitale_verktoy", "q_samarbeid_nay", "q_kompetanse",
              "text"] + ["manual_" + t for t in THEMES]
    path = os.path.join(out_dir, "survey.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL,
                       lineterminator="\n")
        w.writerow(header)
        for r_ in resp:
            if r_["id"] in texts:
                text, tags, pol = texts[r_["id"]]
            elif "emptyish" in r_:
                text, tags, pol = r_["emptyish"], set(), {}
            else:
                text, tags, pol = "", set(), {}
            q = q_items(qrng, r_, tags, pol)
            if r_["id"] in coded:
                manual = ["1" if t in tags else "0" for t in THEMES]
            else:
                manual = [""] * len(THEMES)
            w.writerow([r_["id"], r_["role"], r_["employer"], r_["office"],
                        r_["office_size"], r_["gender"], str(r_["age"]), r_["wave"]]
                       + q + [text] + manual)
    print("wrote %s (%d rows)" % (os.path.relpath(path, root), len(resp)))
    print("planted identifiers:", ", ".join("%s (%s)" % (k, v)
                                             for k, v in sorted(planted.items())))
    print("synthetic fnr:", fnr)
    print("noise rows:", len(noise_log), "typo rows:",
          sum(1 for v in noise_log.values() if "typo" in v))
    cnt = {t: 0 for t in THEMES}
    for r_ in subst:
        for t in texts[r_["id"]][1]:
            cnt[t] += 1
    print("theme shares among the %d non-empty answers (%%):" % n_nonempty)
    print("  " + ", ".join("%s %.1f" % (t, 100.0 * cnt[t] / n_nonempty) for t in
                           sorted(THEMES, key=lambda t: -cnt[t])))
    print("no-theme substantive answers:",
          sum(1 for r_ in subst if not texts[r_["id"]][1]))
    print("nynorsk answers:", sum(1 for r_ in subst if r_["lang"] == "nn"),
          "of", len(subst), "substantive")
    return 0


if __name__ == "__main__":
    sys.exit(main())
