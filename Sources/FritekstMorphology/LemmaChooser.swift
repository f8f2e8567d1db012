/// One Hunspell analysis of a word reduced to what the lemma chooser needs.
struct Reading {
    /// `st:` of the analysis (lower-cased).
    var stem: String
    /// The affix flag applied (`fl:`), if any.
    var flag: UInt8?
}

/// The Hunspell view of one word in both dictionaries.
struct HunspellReadings {
    /// Simple (non-compound, non-prefixed) readings from nb and nn.
    var direct: [Reading] = []
    /// Surface parts (`pa:`) of Hunspell's own compound analyses.
    var compounds: [[String]] = []
    /// nb accepts the word (in some letter case).
    var inNb = false
    /// nn accepts the word (in some letter case).
    var inNn = false
    /// Known only capitalised or upper-cased (a name or an abbreviation).
    var viaCase = false
}

// Flag letters of the nb_NO / nn_NO affix files (shared meanings in both).
private let flagV = UInt8(ascii: "V"), flagW = UInt8(ascii: "W"), flagX = UInt8(ascii: "X")
private let flagS = UInt8(ascii: "S"), flagR = UInt8(ascii: "R")
private let flagC = UInt8(ascii: "C"), flagD = UInt8(ascii: "D")
private let flagE = UInt8(ascii: "E"), flagT = UInt8(ascii: "T")
private let flagA = UInt8(ascii: "A"), flagB = UInt8(ascii: "B"), flagK = UInt8(ascii: "K")
/// Derivational noun suffixes: t/Y -ing(en/a/er/ene), y -ning/-itet, v -else, w -het, x -skap.
private let derivedNounFlags: Set<UInt8> = Set("tYyvwx".utf8)
/// Derivational adjective suffixes: u -lig/-leg, Z -elig/-bar.
private let derivedAdjectiveFlags: Set<UInt8> = Set("uZ".utf8)
/// Flags that only ever build noun forms (definite singular, plurals, agent-noun plurals).
private let nounOnlyFlags: Set<UInt8> = Set("ABDFGHI".utf8)
/// Flags that build past tense, past participle and passive forms of a verb (O -te/-t,
/// T -t/-te, P -dde/-dd, Q -de/-d, M -t/-de, J passive -s).
private let verbFormFlags: Set<UInt8> = Set("OTPQMJ".utf8)
/// Flags on a verb entry that give it a past tense: a verb with its own paradigm, not an
/// imperative or inflected look-alike in the word list.
private let verbParadigmFlags: Set<UInt8> = Set("OTPQM".utf8)

/// Endings that may follow a derivational suffix in a noun form (-ing|en, -het|ene, ...).
private let nounEndingsAfterSuffix: [String] = ["", "en", "a", "ens", "as", "er", "ene", "ers", "enes",
                                                "ar", "ane", "s"]
/// Derivational suffixes whose noun is rebuilt from the surface.
private let derivationalMarkers: [String] = ["ing", "itet", "else", "lse", "het", "skap"]

private let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "æ", "ø", "å", "é"]

extension MorphologyEngine {
    /// Hunspell readings of `w` in nb and nn (memoised). A word unknown in lower case is
    /// retried capitalised (proper nouns) and, when short, upper-cased (abbreviations).
    func readings(_ w: String) -> HunspellReadings {
        if let r = readingMemo[w] { return r }
        var r = HunspellReadings()
        var lists = [nb.analyses(w), nn.analyses(w)]
        if lists[0].isEmpty && lists[1].isEmpty, let first = w.first {
            // Neither dictionary knows the lower-case form: try it as a name, then as an abbreviation.
            let cap = String(first).uppercased() + w.dropFirst()
            for (i, dict) in [nb, nn].enumerated() {
                if cap != w { lists[i] = dict.analyses(cap) }
                if lists[i].isEmpty && w.count <= 5 && w.uppercased() != cap { lists[i] = dict.analyses(w.uppercased()) }
            }
            r.viaCase = !(lists[0].isEmpty && lists[1].isEmpty)
        }
        for (i, list) in lists.enumerated() where !list.isEmpty {
            if i == 1 { r.inNn = true } else { r.inNb = true }
            for a in list {
                switch Self.parseAnalysis(a) {
                case .simple(let reading): r.direct.append(reading)
                case .compound(let parts): r.compounds.append(parts)
                case .prefixed: break
                }
            }
        }
        readingMemo[w] = r
        return r
    }

    /// The three shapes of a Hunspell analysis string.
    enum ParsedAnalysis {
        /// `" st:vurdere fl:Y"`: stem plus the flag applied.
        case simple(Reading)
        /// `" pa:arbeidsevne st:arbeidsevne pa:vurderingene  st:vurdere fl:Y"`.
        case compound([String])
        /// `" fl:f st:handlingene fl:R"`: a prefix was stripped, the stem is not this word's.
        case prefixed
    }

    /// Parses one `Hunspell_analyze` string.
    static func parseAnalysis(_ s: String) -> ParsedAnalysis {
        var stem: String? = nil
        var flag: UInt8? = nil
        var parts: [String] = []
        var prefixed = false
        for tok in s.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if tok.hasPrefix("pa:") {
                parts.append(lowercasedFast(String(tok.dropFirst(3))))
            } else if tok.hasPrefix("st:") {
                if stem == nil { stem = lowercasedFast(String(tok.dropFirst(3))) }
            } else if tok.hasPrefix("fl:") {
                if stem == nil { prefixed = true } else if let f = tok.utf8.dropFirst(3).first { flag = f }
            } else if tok == "(" || tok == "|" || tok == ")" {
                continue
            } else if stem == nil {
                prefixed = true                      // e.g. "sam st:arbeidet fl:f"
            }
        }
        if !parts.isEmpty { return .compound(parts) }
        if prefixed { return .prefixed }
        guard let st = stem, !st.isEmpty else { return .prefixed }
        return .simple(Reading(stem: st, flag: flag))
    }

    /// Ranks the lemma candidates of `w`, best first.
    ///
    /// The rule that keeps nouns nouns, verbs verbs and adjectives adjectives:
    /// 1. A reading through a derivational flag (t/Y/y -ing, v -else, w -het, x -skap) is a
    ///    *noun*: its lemma is rebuilt from the surface (`digitaliseringen` -> `digitalisering`,
    ///    not Hunspell's stem `digitalisere`). Readings through u/Z (-lig, -bar) give the
    ///    adjective from the surface (`statlige` -> `statlig`, not `stat`).
    /// 2. Each candidate lemma is scored from Hunspell's analyses and the base entry's flags:
    ///    +4 when the entry is a real lemma: it carries the compound flag `z`, or the word
    ///    list has compounds on it with a linking -s- (`arbeid`); the word list's inflected
    ///    and imperative look-alikes such as `oppgav`, `veiledere`, `friste` are neither;
    ///    +3 for an adjective ending (V/W) on a real adjective (entry with X, or W and z):
    ///    `nye` -> `ny`; −3 for a verb lemma reached through a noun-only flag
    ///    (A B D F G H I: `målene` is not a form of the verb `måle`) and for an `R`
    ///    (imperative) reading of a non-verb (`har` is not `hare`) and −4 for an imperative
    ///    reading of a word that is itself a noun entry (`arbeid`); −3 for an adjective
    ///    ending (V/W) on a non-adjective (`vurdert` is not a form of `vurder`); −3 when the
    ///    candidate is itself a definite/plural form of another candidate (`lederne`,
    ///    `veiledere`); +1 when the word is itself an entry with z (`post`, `tanker`), but
    ///    not when it is also the present tense of a verb (`finner`, `holder` -> the verb;
    ///    except the nouns in `LemmaTables.nounsNotPresentTense`: `bruker`), +3
    ///    when it is itself an adjective base (`egen`, not `ege` + n). A verb with a past tense
    ///    of its own counts as real when reached as itself or through a past, participle or
    ///    passive ending (`øke`, `svare`), unless the word is also the past of another verb
    ///    (`økte` is øke + -te, not the listed look-alike «økte»); the present -er beside a
    ///    neuter noun (`svarer`, `samarbeider` -> the particle verb `samarbeide`) too; +1 for
    ///    the -a past of an a-verb with z (`jobba` -> `jobbe`); a verb that is also a noun
    ///    (`pakke`, see `isNounVerb`) takes no −3 for noun endings (`pakkene` -> `pakke`); a
    ///    nynorsk adjective whose bokmål word has z is real (`sjukmeldt`).
    /// 3. Ties are broken by the surface: definite noun endings (-en -et -a -ene -ane -inga
    ///    -ingen -ingene ...) prefer non-verb lemmas (`tida` -> `tid`, not `tide`); verb-like
    ///    endings (-er -r -es -s -te -de) prefer verb lemmas (`jobber` -> `jobbe`, not
    ///    `jobb`; a verb that is also a noun counts as a noun after a noun ending: `pakken`
    ///    -> `pakke`); nynorsk -ar is left neutral (agent noun `sakshandsamar` or present tense);
    ///    then the candidate closest to the surface.
    func rank(_ w: String, _ readings: [Reading]) -> [String] {
        var score: [String: Int] = [:]
        var order: [String] = []
        var readings = readings
        // The word lists hold some definite forms as separate entries whose base Hunspell does
        // not link to them (teamene has no reading "team"): offer the base as a candidate.
        if w.unicodeScalars.count >= 6 && readings.allSatisfy({ $0.stem == w }) {
            for e in ["ene", "ane", "et", "en", "er"] where w.hasSuffix(e) {
                let base = String(w.dropLast(e.count))
                // -er only onto a noun whose paradigm has it (markedskontakt/A lists «markedskontakter» apart)
                if base.unicodeScalars.count >= 3, e == "er" ? nbEntries[base].has(flagA) : hasZ(base), !isVerbLemma(base) {
                    readings.append(Reading(stem: base, flag: nil))
                }
                break
            }
        }
        // Derived nouns in their definite or plural form whose only readings are junk (Hunspell
        // reads fagligheten as an imperative of «faglighetene»): offer the derived noun itself.
        for marker in ["het", "heit", "else", "itet", "skap"] {
            for ending in ["en", "a", "ene", "er", "ar", "ane", "ens", "enes"] where w.hasSuffix(marker + ending) {
                let noun = String(w.dropLast(ending.count))
                if noun.unicodeScalars.count > marker.unicodeScalars.count + 2, isBaseEntry(noun) || derivedNouns.contains(noun),
                   !readings.contains(where: { $0.stem == noun }) {
                    readings.append(Reading(stem: noun, flag: UInt8(ascii: "w")))   // as if derived with -het
                }
            }
        }
        // -er on a neuter noun (no plural in -er: svar, samarbeid) is the present tense of its
        // verb: svarer -> svare; samarbeider -> samarbeide, a particle verb the word lists lack
        // (sam + arbeide), offered as a candidate of its own.
        var presentVerbs: Set<String> = []
        if w.hasSuffix("er") {
            for r in readings where r.flag == flagE {
                let noun = lowercasedFast(r.stem)
                guard w == noun + "er", isNeuterOnly(noun), hasZ(noun) || isRealLemma(noun) else { continue }
                let verb = noun + "e"
                if isVerbLemma(verb) && hasVerbParadigm(verb) {
                    presentVerbs.insert(verb)
                } else if !isBaseEntry(verb) && isParticleVerb(verb) && !presentVerbs.contains(verb) {
                    presentVerbs.insert(verb)
                    readings.append(Reading(stem: verb, flag: flagE))
                }
            }
        }
        // -er on a verb that is also a noun entry of its own with z (finner, holder, lever, søker):
        // the present tense is the common reading in answers; the people of the office keep the
        // noun (bruker, veileder: LemmaTables.nounsNotPresentTense). A plural that is no entry
        // (steder, årsaker) is left to the rules below.
        var presentOverNoun = false
        if w.hasSuffix("er"), hasZ(w), !LemmaTables.nounsNotPresentTense.contains(w) {
            let verb = String(w.dropLast())
            // (strong verbs have no past-tense flag, but z: drive, skrive, sette)
            if isVerbLemma(verb), hasVerbParadigm(verb) || hasZ(verb), readings.contains(where: { lowercasedFast($0.stem) == verb }) {
                presentVerbs.insert(verb)
                presentOverNoun = true
            }
        }
        // A verb entry without z that is also the past tense of another verb is a look-alike
        // (the word list's «økte» beside øke + -te).
        let pastOfAnotherVerb = readings.contains { r in
            guard let f = r.flag, verbParadigmFlags.contains(f) else { return false }
            let v = lowercasedFast(r.stem)
            return v != w && isVerbLemma(v) && hasVerbParadigm(v)
        }
        let wf = entryFlags(w)
        let identityIsNoun = wf.has(UInt8(ascii: "A")) || wf.has(UInt8(ascii: "B")) || wf.has(UInt8(ascii: "C"))
        // The word is a verb form: an infinitive entry itself (måle, øke), or a past tense,
        // participle or passive of a verb entry (målt, økte, brukes).
        let verbReading = readings.contains { r in
            if let f = r.flag { return verbFormFlags.contains(f) && isVerbLemma(lowercasedFast(r.stem)) }
            return r.stem == w && isVerbLemma(w)
        }
        for r in readings {
            // K derives -sk adjectives from plurals in -er (økonomier -> økonomisk): such a form is the
            // adjective, whose own reading is among the others, not a form of the plural noun.
            if r.flag == flagK, w.hasSuffix("sk") || w.hasSuffix("ske"), r.stem.hasSuffix("er") { continue }
            var (lemma, derived) = candidateLemma(w, r)
            lemma = lowercasedFast(lemma)
            let cp = commonPrefixCount(lemma, w)
            // unrelated stem (mele for målet); a short verb may lose its -e in the past (øke, økte)
            let pastOfShortVerb = r.flag.map({ verbParadigmFlags.contains($0) }) == true && lemma.hasSuffix("e")
                && (w == lemma.dropLast() + "te" || w == lemma.dropLast() + "t") && isVerbLemma(lemma)
            if cp < min(3, lemma.count, w.count) && !pastOfShortVerb { continue }
            // (the compound-use test is not applied to the word itself: pakker|ske)
            var s = (hasZ(lemma) || (lemma != w && isRealLemma(lemma)) || hasRealBokmalCounterpart(lemma)) ? 4 : 0
            // A verb with a past tense of its own reached as the word itself or through a past,
            // participle or passive ending is a real lemma even without z (øke, økte, svare).
            // Nynorsk a-verbs: D gives the present -ar, C the past -a (forventar, forventa).
            let nnVerbForm = isVerbLemma(lemma) && hasVerbParadigm(lemma)
                && ((r.flag == flagD && w.hasSuffix("ar")) || (r.flag == flagC && w.hasSuffix("a")))
            if s == 0, isVerbLemma(lemma), hasVerbParadigm(lemma),
               (r.flag == nil && lemma == w && !pastOfAnotherVerb) || r.flag.map({ verbFormFlags.contains($0) }) == true
                || nnVerbForm {
                s = 4
            }
            if presentVerbs.contains(lemma) { s = max(s, 4) }
            // -a is the past tense of an a-verb (one with the -et past, T) with z rather than the
            // definite form of its noun look-alike: jobba -> jobbe, snakka -> snakke; not tida
            // (tide has no -et past) or saka (sake has no z).
            if r.flag == flagC && w.hasSuffix("a") && isVerbLemma(lemma) && hasZ(lemma) && nbEntries[lemma].has(flagT) {
                s += 1
            }
            if r.flag == nil && lemma == w {                       // the word is itself a lemma:
                if s > 0 && !presentOverNoun { s += 1 }            // a real one (z): post, utvikling
                if isAdjectiveLemma(lemma) && !presentOverNoun { s += 3 }   // an adjective base: egen, statlig
            }
            if let f = r.flag {
                // -e/-t on a noun that the word list also marks as an adjective (mål, lær, bruk:
                // no comparative) is no adjective when a verb explains the word (måle, målt).
                if f == flagV || f == flagW {
                    let adjective = isAdjectiveLemma(lemma) && !(verbReading && isNounLikeAdjective(lemma))
                    s += adjective ? 3 : -3
                }
                // (not for a verb that is also a noun: pakkene is a form of the noun pakke)
                if !derived && !nnVerbForm && nounOnlyFlags.contains(f) && isVerbLemma(lemma) && !isNounVerb(lemma) { s -= 3 }
                if f == flagR && !isVerbLemma(lemma) { s -= 3 }
                // an imperative reading of a word that is itself a noun entry (arbeid is not
                // the imperative of arbeide here; vurder, with no noun flags, may be)
                if f == flagR && identityIsNoun { s -= 4 }
                if derived && derivedNounFlags.contains(f) { s += 1 }
            }
            if let old = score[lemma] {
                score[lemma] = max(old, s)
            } else {
                score[lemma] = s
                order.append(lemma)
            }
        }
        // Candidates that are inflected forms of another candidate; the definite form of a
        // plural-only noun too (sykepengene of sykepenger, dagpengane of dagpengar).
        for l in order {
            for m in order where m != l && (m.hasSuffix("er") || m.hasSuffix("ar")) {
                let stem = m.dropLast(2)
                if l == stem + "ene" || l == stem + "ane" {
                    score[l, default: 0] -= 3
                }
            }
            for m in order where m != l && l.hasPrefix(m) {
                let rest = l.dropFirst(m.count)
                if ["ene", "en", "et", "ne", "ane"].contains(String(rest)) || (rest == "e" && m.hasSuffix("er"))
                    || (rest == "er" && !hasZ(l) && nbEntries[m].has(flagA) && !isVerbLemma(m)) {
                    score[l, default: 0] -= 3
                    break
                }
            }
        }
        let nounContext = Self.hasNounEnding(w)
        let verbContext = !nounContext && Self.hasVerbEnding(w)
        // In a noun context a verb that is also a noun (pakke) counts as a noun.
        var isVerb: [String: Bool] = [:]
        for l in order {
            isVerb[l] = presentVerbs.contains(l) || (isVerbLemma(l) && !(nounContext && isNounVerb(l)))
        }
        return order.sorted { a, b in
            let sa = score[a] ?? 0, sb = score[b] ?? 0
            if sa != sb { return sa > sb }
            if verbContext {
                let va = isVerb[a] ?? false, vb = isVerb[b] ?? false
                if va != vb { return va }
            } else if nounContext {
                let va = isVerb[a] ?? false, vb = isVerb[b] ?? false
                if va != vb { return vb }
            }
            let cpa = commonPrefixCount(a, w), cpb = commonPrefixCount(b, w)
            let adda = a.count - cpa, addb = b.count - cpb
            if adda != addb { return adda < addb }
            if cpa != cpb { return cpa > cpb }
            return a < b
        }
    }

    /// The lemma a reading stands for, and whether it was rebuilt from the surface.
    func candidateLemma(_ w: String, _ r: Reading) -> (String, Bool) {
        guard let f = r.flag else { return (r.stem, false) }
        if derivedNounFlags.contains(f) {
            for marker in derivationalMarkers {
                for ending in nounEndingsAfterSuffix where w.hasSuffix(marker + ending) {
                    let noun = String(w.dropLast(ending.count))
                    if noun.count > marker.count + 1 && spells(noun) { return (noun, true) }
                }
            }
            return (r.stem, false)
        }
        if derivedAdjectiveFlags.contains(f) {
            for (end, cut) in [("ige", 1), ("ege", 1), ("bare", 1), ("bart", 1), ("igt", 1), ("egt", 1)] where w.hasSuffix(end) {
                let adj = String(w.dropLast(cut))
                if spells(adj) { return (adj, true) }
            }
            if w.hasSuffix("ig") || w.hasSuffix("eg") || w.hasSuffix("bar") { return (w, true) }
            return (r.stem, false)
        }
        return (r.stem, false)
    }

    /// A verb lemma: an entry with the present-participle flag S that ends in a vowel.
    func isVerbLemma(_ l: String) -> Bool {
        guard let last = l.last, vowels.contains(last) else { return false }
        return entryFlags(l).has(flagS)
    }

    /// A real lemma: an entry with the compound flag z, or one the word list uses as the
    /// first part of compounds with a linking -s- (arbeid has no z because its compounds are
    /// listed as arbeids...; the look-alikes oppgav, samtal, vurder have no such compounds).
    func isRealLemma(_ l: String) -> Bool {
        if hasZ(l) { return true }
        guard isBaseEntry(l) else { return false }
        var c = prefixes.cursor()
        for s in l.unicodeScalars where !prefixes.advance(&c, scalar: s) { return false }
        guard prefixes.advance(&c, UInt8(ascii: "s")) else { return false }
        return prefixes.hasLongerWord(c, extra: 3)          // arbeids|evne, not sårbare|st
    }

    /// A verb lemma that is also a masculine noun: flag A (definite -n) in nb and, when nn
    /// has the entry, in nn too (pakke, samtale, klage; not tide, which only nb gives an A),
    /// and the word lists end at least ten compounds in it, more than twice as many as in its
    /// look-alike without -e (lønnspakke, tiltakspakke: pakke, not pakk). The flag alone is
    /// noisy (jobbe has it, for jobben; but compounds end in jobb, not in jobbe).
    func isNounVerb(_ l: String) -> Bool {
        guard isVerbLemma(l), nbEntries[l].has(flagA) else { return false }
        let n = nnEntries[l]
        guard !n.exists || n.has(flagA) else { return false }
        let count = compoundsEnding(in: l)
        return count >= 10 && count > 2 * compoundsEnding(in: String(l.dropLast()))
    }

    /// A noun entry that is neuter only: a definite -et (B) but no masculine -en (A), so it
    /// has no plural in -er (svar, samarbeid; not frist).
    func isNeuterOnly(_ l: String) -> Bool {
        let f = entryFlags(l)
        return f.has(flagB) && !f.has(flagA)
    }

    /// A verb the word lists lack that is a particle plus a verb with a past tense of its own
    /// (samarbeide: sam + arbeide; oppfølge is listed and needs no such help).
    func isParticleVerb(_ l: String) -> Bool {
        for p in LemmaTables.verbParticles where l.hasPrefix(p) {
            let verb = String(l.dropFirst(p.count))
            if verb.unicodeScalars.count >= 4 && isVerbLemma(verb) && hasVerbParadigm(verb) { return true }
        }
        return false
    }

    /// A nynorsk adjective entry (not in nb) whose bokmål word is a real lemma: nn_NO gives the
    /// compound flag z to fewer adjectives than nb_NO (sjukmeldt, whose bokmål sykmeldt has z).
    func hasRealBokmalCounterpart(_ l: String) -> Bool {
        guard nnEntries[l].has(flagX), !nbEntries[l].exists, let m = mapNynorsk(l) else { return false }
        return nbEntries[m].has(UInt8(ascii: "z"))
    }

    /// A real adjective: an entry with a comparative (X), or a non-verb entry with a neuter
    /// -t (W) and z (the verb `måle` carries W and z too).
    func isAdjectiveLemma(_ l: String) -> Bool {
        let f = entryFlags(l)
        return f.has(flagX) || (f.has(flagW) && f.has(UInt8(ascii: "z")) && !isVerbLemma(l))
    }

    /// A verb entry with a past tense of its own (flags O, T, P, Q or M in nb or nn).
    func hasVerbParadigm(_ l: String) -> Bool {
        let f = entryFlags(l)
        return verbParadigmFlags.contains { f.has($0) }
    }

    /// An entry the adjective test accepts only through W and z that also has noun-only
    /// flags and no comparative: a noun (mål, bruk, svar), not an adjective.
    func isNounLikeAdjective(_ l: String) -> Bool {
        let f = entryFlags(l)
        return !f.has(flagX) && nounOnlyFlags.contains { f.has($0) }
    }

    /// Definite/plural noun endings (bokmål and nynorsk).
    static func hasNounEnding(_ w: String) -> Bool {
        for e in ["ene", "ane", "inga", "ingen", "ingene", "ingar", "ingane", "heten", "elsen", "en", "et", "a"]
            where w.hasSuffix(e) && w.count > e.count + 2 { return true }
        return false
    }

    /// Endings shared by verb forms (present, past, passive, participle).
    static func hasVerbEnding(_ w: String) -> Bool {
        for e in ["er", "r", "es", "ast", "te", "de", "dde", "s"]
            where w.hasSuffix(e) && w.count > e.count + 1 { return true }
        return false
    }
}

/// `s.lowercased()`, skipping the work when `s` has no upper-case ASCII or Latin-1 letter.
func lowercasedFast(_ s: String) -> String {
    var it = s.utf8.makeIterator()
    while let b = it.next() {
        if b >= 0x41 && b <= 0x5A { return s.lowercased() }
        if b == 0xC3, let n = it.next(), n >= 0x80 && n <= 0x9E { return s.lowercased() }
        if b > 0xC3 { return s.lowercased() }
    }
    return s
}

/// The number of leading characters `a` and `b` share.
func commonPrefixCount(_ a: String, _ b: String) -> Int {
    var n = 0
    var i = a.makeIterator(), j = b.makeIterator()
    while let x = i.next(), let y = j.next(), x == y { n += 1 }
    return n
}
