/// Built-in word lists: the NAV domain lemma table, irregular bokmål forms, the compact
/// nynorsk -> bokmål table and the compound-part allow/block lists.
enum LemmaTables {
    /// NAV domain words, system names and abbreviations (lower-case form -> lemma).
    ///
    /// These win over Hunspell: most are unknown to it (`gosys`, `aap`), some it reads as
    /// something else (`navet` would be "the hub", `leder` ties with the verb `lede`).
    static let domain: [String: String] = [
        "nav": "nav", "navet": "navet",          // Navet = the NAV intranet, kept apart from nav
        "nay": "nay", "aap": "aap", "kvp": "kvp", "aev": "aev", "ikt": "ikt",
        "modia": "modia", "gosys": "gosys", "arena": "arena", "infotrygd": "infotrygd",
        "sosio": "sosio", "digisos": "digisos", "syfo": "syfo", "nks": "nks", "ips": "ips",
        "aft": "aft", "amo": "amo", "tio": "tio", "kis": "kis", "hpmt": "hpmt", "husk": "husk",
        "md": "md", "cv": "cv", "fou": "fou", "bankid": "bankid", "yammer": "yammer",
        "teams": "teams", "onedrive": "onedrive", "salesforce": "salesforce", "ata": "ata",
        "tul": "tul", "sbu": "sbu", "mba": "mba", "amu": "amu", "avdir": "avdir",
        "må": "må",                               // modal verb kept as written (må-oppgaver)
        "leder": "leder",                         // role noun in NAV text, not the verb lede
        "bredden": "bredde",                      // breadth (jobbe i bredden), not bredd «bank»
        // nb_NO lists "kolleger" as a lemma of its own; the norm has kollega, pl. kolleger/kollegaer
        "kolleger": "kollega", "kollegene": "kollega", "kollegers": "kollega", "kollegenes": "kollega",
        // Plural-only: the benefits are named in the plural (sykepenger, dagpenger,
        // arbeidsavklaringspenger, tiltakspenger); nb_NO's «penge» (a coin) is not the lemma.
        "penger": "penger", "pengene": "penger", "pengar": "penger", "pengane": "penger",
    ]

    /// Abbreviations that take Norwegian endings directly or after a hyphen (NAVs, AEVene, CVen).
    static let inflectableAbbreviations: Set<String> = [
        "nav", "nay", "aap", "kvp", "aev", "ikt", "modia", "gosys", "nks", "cv", "husk", "md",
        "fou", "ips", "aft", "amo", "tul", "sbu", "mba",
    ]

    /// Endings an abbreviation or domain noun may carry (`NAVs`, `AEV-ene`, `CVen`, `beslutterne`).
    static let abbreviationEndings: [String] = ["s", "en", "ene", "er", "et", "a", "ens", "ets", "ar", "ane",
                                                "e", "ne", "nes"]

    /// Domain nouns nb_NO lacks (or inflects under another lemma), lemmatised by stripping a
    /// regular noun ending: beslutterne -> beslutter, webinarer -> webinar, siloer -> silo.
    static let domainNouns: Set<String> = ["beslutter", "webinar", "silo", "kollega", "gosys", "modia", "arena",
                                           "intranett"]

    /// Bokmål forms Hunspell does not link to their lemma or links to a look-alike: strong verbs
    /// (`skrevet`), irregular comparison (`bedre`), pronouns, possessives and function words (`for`, `som`).
    static let irregular: [String: String] = [
        "er": "være", "var": "være", "vært": "være", "har": "ha", "hadde": "ha", "hatt": "ha",
        "tar": "ta", "tok": "ta", "tatt": "ta", "får": "få", "fikk": "få", "fått": "få",
        "gir": "gi", "ga": "gi", "gav": "gi", "gitt": "gi", "går": "gå", "gikk": "gå", "gått": "gå",
        "ser": "se", "sier": "si", "sa": "si", "sagt": "si", "gjør": "gjøre", "gjorde": "gjøre",
        "gjort": "gjøre", "blir": "bli", "ble": "bli", "blitt": "bli", "kan": "kunne",
        "skal": "skulle", "vil": "ville", "bør": "burde", "måtte": "må", "vet": "vite",
        "visste": "vite", "står": "stå", "sto": "stå", "stod": "stå", "stått": "stå", "lå": "ligge",
        "kom": "komme", "fulgte": "følge", "fulgt": "følge", "valgte": "velge", "valgt": "velge",
        "nytt": "ny", "små": "liten", "lite": "liten",
        // god has no comparative flag (bedre/best below) and nn_NO has a verb «gode»
        "gode": "god", "godt": "god",
        // irregular comparison
        "større": "stor", "størst": "stor", "største": "stor", "bedre": "god", "best": "god",
        "beste": "god", "mindre": "liten", "minst": "liten", "minste": "liten", "færre": "få",
        "færrest": "få", "flere": "mange", "flest": "mange", "eldre": "gammel", "eldst": "gammel",
        "eldste": "gammel", "yngre": "ung", "yngst": "ung", "yngste": "ung", "lengre": "lang",
        // pronouns and determiners Hunspell links to look-alikes (det -> de, mange -> mang)
        "det": "det", "den": "den", "dette": "dette", "disse": "disse", "denne": "denne",
        "mange": "mange", "alle": "alle", "egen": "egen", "eget": "egen", "egne": "egen",
        "sin": "sin", "sitt": "sin", "sine": "sin", "hele": "hel",
        "min": "min", "mitt": "min", "mine": "min", "din": "din", "ditt": "din", "dine": "din",
        "vår": "vår", "vårt": "vår", "våre": "vår",
        // function words Hunspell reads as forms of look-alikes (for -> fore, som -> somme, men -> me)
        "for": "for", "som": "som", "men": "men", "mens": "mens", "der": "der", "her": "her",
        "eller": "eller", "ellers": "ellers", "uten": "uten", "bare": "bare", "hvis": "hvis",
        "både": "både", "dere": "dere", "nesten": "nesten", "gjerne": "gjerne", "mot": "mot",
        "heller": "heller", "enda": "enda", "videre": "videre", "når": "når", "alene": "alene",
        "via": "via", "samt": "samt", "helst": "helst", "snart": "snart", "rundt": "rundt", "slags": "slags",
        // modal and deponent verbs whose own forms read as something else (burde -> bure, ville -> vill)
        "burde": "burde", "ville": "ville", "synes": "synes", "syns": "synes", "syntes": "synes",
        // strong verbs: present tenses Hunspell takes for nouns, pasts and participles it does not link
        // (not forms that are common words of their own: vant «used to», grep «a grip», satt, sett)
        "ber": "be", "ba": "be", "bedt": "be", "bandt": "binde", "bundet": "binde",
        "brøt": "bryte", "brutt": "bryte", "avbrøt": "avbryte", "avbrutt": "avbryte",
        "tilbød": "tilby", "tilbudt": "tilby", "bød": "by", "budt": "by", "båret": "bære",
        "dro": "dra", "dratt": "dra", "drakk": "drikke", "drukket": "drikke", "drev": "drive", "drevet": "drive",
        "falt": "falle", "fant": "finne", "funnet": "finne", "forlot": "forlate", "forlatt": "forlate",
        "forstått": "forstå", "besto": "bestå", "bestod": "bestå", "bestått": "bestå",
        "oppsto": "oppstå", "oppstod": "oppstå", "oppstått": "oppstå", "gjaldt": "gjelde",
        "grepet": "gripe", "foregikk": "foregå", "foregått": "foregå",
        "gjennomgikk": "gjennomgå", "gjennomgått": "gjennomgå", "inngikk": "inngå", "inngått": "inngå",
        "hang": "henge", "hengt": "henge", "het": "hete", "hjalp": "hjelpe", "hjulpet": "hjelpe",
        "kommet": "komme", "lot": "la", "latt": "la", "legge": "legge", "legger": "legge", "lagt": "legge",
        "tilrettelegge": "tilrettelegge", "tilrettelegger": "tilrettelegge", "tilrettela": "tilrettelegge",
        "tilrettelagt": "tilrettelegge", "rakk": "rekke", "rukket": "rekke", "rev": "rive", "revet": "rive",
        "solgte": "selge", "solgt": "selge", "sittet": "sitte", "skrev": "skrive", "skrevet": "skrive",
        "beskrev": "beskrive", "beskrevet": "beskrive", "skjøt": "skyte", "skutt": "skyte",
        "slapp": "slippe", "sluppet": "slippe", "slet": "slite", "slitt": "slite", "slo": "slå", "slått": "slå",
        "spør": "spørre", "spurte": "spørre", "spurt": "spørre", "stikker": "stikke", "stakk": "stikke",
        "stukket": "stikke", "stjal": "stjele", "stjålet": "stjele", "foretatt": "foreta",
        "overtar": "overta", "overtatt": "overta", "traff": "treffe", "truffet": "treffe",
        "trakk": "trekke", "trukket": "trekke", "tvang": "tvinge", "tvunget": "tvinge",
        "vunnet": "vinne", "fortalte": "fortelle", "fortalt": "fortelle",
        "satte": "sette", "fastsatte": "fastsette", "fastsatt": "fastsette", "iverksatte": "iverksette",
        "iverksatt": "iverksette", "bringer": "bringe", "brakte": "bringe", "brakt": "bringe",
        "sov": "sove", "forsvant": "forsvinne", "forsvunnet": "forsvinne",
    ]

    /// Forms with two readings in the word lists of which survey answers almost always mean one;
    /// that lemma comes first and the other stays a candidate. økt is the participle of øke
    /// (økt arbeidsmengde), not the noun (en økt); saker, dager, regler and ganger are plurals of
    /// sak, dag, regel and gang, not the present of the rare verbs sake, dage or gange or the
    /// plural of regle; fora is the plural of forum; året is the year (år), not a form of åre;
    /// tanken and veien are forms of tanke and vei (not tank, veie), verden and vekt are words of
    /// their own (not verd, vek); høre, velge, bygge and levere are the verbs (the word lists also
    /// give junk adjectives hør, velg, bygg, lever); tenkte is the past of tenke.
    static let preferredReadings: [String: String] = [
        "økt": "øke", "saker": "sak", "dager": "dag", "regler": "regel", "ganger": "gang",
        "gonger": "gong", "fora": "forum", "året": "år", "tanken": "tanke", "veien": "vei",
        "verden": "verden", "vekt": "vekt", "høre": "høre", "velge": "velge", "bygge": "bygge",
        "levere": "levere", "tenkte": "tenke", "hold": "hold", "sikt": "sikt",
    ]

    /// Nouns in -er that look like the present tense of a verb (bruke + r): the people of a Nav
    /// office and their professions, and a few other nouns that are common in answers. Every other
    /// such form is read as the verb (finner, holder, lever, søker: finne, holde, leve, søke).
    static let nounsNotPresentTense: Set<String> = [
        "bruker", "veileder", "saksbehandler", "sykepleier", "vernepleier", "forsker", "deltaker",
        "mottaker", "forsørger", "tilbyder", "skulder",
    ]

    /// Common bokmål words missing from nb_NO (it rejects `noe` and `noen`).
    static let bokmal: [String: String] = ["noe": "noe", "noen": "noen"]

    /// Nynorsk words whose bokmål lemma is not reachable by the suffix rules (function words
    /// and lexical differences). Values are bokmål lemmas.
    static let nynorsk: [String: String] = [
        "ikkje": "ikke", "eg": "jeg", "noko": "noe", "nokon": "noen", "nokre": "noen",
        "kva": "hva", "kven": "hvem", "korleis": "hvordan", "kvifor": "hvorfor", "kor": "hvor",
        "dei": "de", "deira": "deres", "berre": "bare", "mykje": "mye", "meir": "mer",
        "heile": "hele", "heil": "hel", "heilt": "helt", "eigen": "egen", "eige": "eie",
        "sjølv": "selv", "òg": "også", "ho": "hun", "vere": "være", "vore": "vært",
        "gjere": "gjøre", "seie": "si", "sjå": "se", "kome": "komme", "medan": "mens",
        "utan": "uten", "saman": "sammen", "difor": "derfor", "fleire": "flere",
        "mogleg": "mulig", "moglegheit": "mulighet", "framleis": "fortsatt",
        "handsaming": "behandling", "handsame": "behandle", "handsamar": "behandler",
        "teneste": "tjeneste", "verksemd": "virksomhet", "leiar": "leder", "leiing": "ledelse",
        "rettleiar": "veileder", "rettleiing": "veiledning", "rettleie": "veilede",
        "gjevar": "giver", "gje": "gi", "gjeve": "gi",
        "oppgåve": "oppgave", "tilsett": "ansatt", "arbeidsløyse": "arbeidsledighet",
        "yting": "ytelse", "oppfylging": "oppfølging", "sjuk": "syk", "eining": "enhet",
        "breidd": "bredde", "breidde": "bredde", "heilskap": "helhet",
        "gjer": "gjøre", "tek": "ta", "kjem": "komme", "gjekk": "gå", "fekk": "få", "elles": "ellers",
    ]

    /// Forms nb_NO lists as words although the written norm rejects them; they are treated
    /// as unknown and get the normed form as their suggestion.
    static let misspellings: [String: String] = [
        "oppfølgning": "oppfølging",
    ]

    /// Short words allowed as compound parts; otherwise parts need >= 4 letters (and >= 5
    /// without the z flag), which keeps junk like kontor -> kon + tor out.
    static let shortParts: Set<String> = [
        "fag", "syk", "sak", "tid", "lov", "rom", "dag", "mål", "råd", "rus", "hus", "liv",
        "lån", "ord", "uke", "år", "tyv", "del", "bil", "nav", "ikt", "aap", "kvp", "aev",
        "nær", "løp", "gap",   // nærledelse, opplæringsløp, kompetansegap
        "må",      // må-oppgaver written solid: måoppgaver, måstyring
        "egen",    // 4 letters without z: egenvurdering, egenopplæring
    ]

    /// Particles and prefixes that make verbs of verbs (samarbeide, oppfølge, tilrettelegge).
    static let verbParticles: [String] = [
        "sam", "opp", "til", "over", "under", "inn", "ut", "av", "med", "mot", "fra", "om", "på",
        "be", "for", "gjen", "mis", "etter", "ned",
    ]

    /// Words never taken as a compound part: particles, prepositions, pronouns and the like
    /// (they are prefixes in oppfølging, tilskudd, samhandling, overgang, ...).
    static let blockedParts: Set<String> = Set(verbParticles).union([
        "bak", "an", "tilbake", "fram", "frem", "hjem", "bort", "hver", "alle", "noen", "selv", "mer", "mest", "mange", "mye",
        "lite", "ikke", "ingen", "uten", "ved", "mellom", "gjennom", "rundt", "foran", "innen",
        "både", "enn", "som", "men", "eller", "samt", "sammen", "ikkje", "utan", "frå",
    ])

    /// Words never taken as the *last* part: derivational suffixes that happen to be words
    /// (partnerskap is not partner + skap "cupboard"; handling is not hand + ling "ling fish").
    static let blockedLastParts: Set<String> = [
        "skap", "dom", "het", "else", "ling", "ning", "ing", "lig", "isk", "vis", "messig",
        "aktig", "ende", "ande", "sjon", "itet", "ist", "isme", "ere", "are", "leg", "heit",
    ]
}
