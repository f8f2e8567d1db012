/// The lemma-level result for one simple (unhyphenated) lower-case word.
struct CoreResult {
    /// Lemma candidates, chosen first (never empty).
    var lemmas: [String]
    /// Compound parts as lemmas (empty when not a compound).
    var parts: [String]
    /// Known to nb/nn (directly or as a compound) or to a table.
    var known: Bool
    /// True when a dictionary or table knows the word itself (not only as a compound).
    var direct: Bool
    /// Variety, when only one dictionary knows the word.
    var variety: Variety?
}

/// The non-thread-safe worker behind `Morphology`; always used under its lock.
final class MorphologyEngine {
    let nb: HunspellDictionary
    let nn: HunspellDictionary
    let nbEntries: RawEntries
    let nnEntries: RawEntries
    let stemmer: SnowballStemmer
    /// Domain table merged with the caller's table (caller wins).
    let table: [String: String]
    /// -ing nouns derived from verb entries (not entries themselves).
    let derivedNouns: Set<String>
    /// Prefixes of every entry, derived noun and table word (lower-cased).
    let prefixes: PrefixIndex

    /// Public memo: lower-cased word -> analysis (its size is `cacheCount`).
    var memo: [String: WordAnalysis] = [:]
    /// Internal memo for simple words and compound pieces.
    var coreMemo: [String: CoreResult] = [:]
    /// Internal memo: light analyses of compound last parts.
    var partMemo: [String: CoreResult] = [:]
    /// Internal memo: Hunspell readings per word.
    var readingMemo: [String: HunspellReadings] = [:]
    /// Internal memo: lemma-string compound splits.
    var splitMemo: [String: [String]?] = [:]
    /// Analyses computed without spelling suggestions (for coding).
    var plainMemo: [String: WordAnalysis] = [:]
    /// Set while computing an analysis that needs no spelling suggestion.
    var skipSuggestions = false
    /// Internal memo: spell checks used by the splitter and the suggester.
    var spellMemo: [String: Bool] = [:]
    /// Internal memo: the number of entries that end in a word (see `compoundsEnding(in:)`).
    var tailCountMemo: [String: Int] = [:]
    /// The index words grouped by ending, built on first use: which entries end in a given word.
    lazy var endings: EndingIndex = prefixes.endings()

    /// Opens both dictionaries, their entry lists and the stemmer.
    init(directory: String, userTable: [String: String]) throws(MorphologyError) {
        let dir = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        for name in ["nb_NO", "nn_NO"] {
            for ext in [".aff", ".dic"] where !fileExists(dir + "/" + name + ext) {
                throw MorphologyError.missingDictionary(path: dir + "/" + name + ext)
            }
        }
        nb = try HunspellDictionary(directory: dir, name: "nb_NO")
        nn = try HunspellDictionary(directory: dir, name: "nn_NO")
        var builder = PrefixIndex.Builder()
        nbEntries = try RawEntries(dicPath: dir + "/nb_NO.dic", lowerCasedInto: &builder)
        nnEntries = try RawEntries(dicPath: dir + "/nn_NO.dic", lowerCasedInto: &builder)
        stemmer = try SnowballStemmer()
        var t = LemmaTables.domain
        for (k, v) in userTable { t[k.lowercased()] = v.lowercased() }
        table = t
        derivedNouns = Set(nbEntries.derivedIngNouns() + nnEntries.derivedIngNouns())
        for w in derivedNouns { builder.add(w) }
        for w in t.keys { builder.add(w) }
        for w in LemmaTables.nynorsk.keys { builder.add(w) }
        for w in LemmaTables.bokmal.keys { builder.add(w) }
        for w in LemmaTables.irregular.keys { builder.add(w) }
        for w in LemmaTables.shortParts { builder.add(w) }
        for w in LemmaTables.domainNouns { builder.add(w) }
        prefixes = PrefixIndex(builder)
    }

    // MARK: - Public entry

    /// Full analysis of `word` (any case), memoised by its lower-cased form.
    func analyze(_ word: String, withSuggestion: Bool = true) -> WordAnalysis {
        let lower = lowercasedFast(word)
        var result: WordAnalysis
        if let hit = memo[lower] {
            result = hit
        } else if !withSuggestion {
            // Coding needs lemmas and parts only; the one-edit suggestion search is the slow part for unknown words.
            if let hit = plainMemo[lower] { return hit }
            skipSuggestions = true
            result = compute(lower)
            skipSuggestions = false
            plainMemo[lower] = result
            return result
        } else {
            result = compute(lower)
            memo[lower] = result
        }
        // All-caps input is an abbreviation: never "correct" it.
        if result.suggestion != nil && isAllCaps(word) { result.suggestion = nil }
        return result
    }

    /// Computes the analysis of a lower-cased word.
    private func compute(_ w: String) -> WordAnalysis {
        let stem = stemmer.stem(w)
        if w.unicodeScalars.contains(where: { $0 == "-" }) {
            let pieces = w.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
            if pieces.count >= 2 { return hyphenated(w, pieces: pieces, stem: stem) }
            if pieces.count == 1 {
                var a = simple(pieces[0], stem: stem)
                a.stem = stem
                return a
            }
            return WordAnalysis(stem: stem, lemma: w, lemmas: [w], parts: [], known: false,
                                suggestion: nil, variety: nil)
        }
        return simple(w, stem: stem)
    }

    /// Analysis of an unhyphenated lower-case word.
    private func simple(_ w: String, stem: String) -> WordAnalysis {
        guard w.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
              !w.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else {
            return WordAnalysis(stem: stem, lemma: w, lemmas: [w], parts: [], known: false,
                                suggestion: nil, variety: nil)
        }
        if let fix = LemmaTables.misspellings[w] {
            return WordAnalysis(stem: stem, lemma: w, lemmas: [w], parts: [], known: false,
                                suggestion: fix, variety: nil)
        }
        let c = core(w)
        let suggestion = c.known ? nil : suggest(w)
        return WordAnalysis(stem: stem, lemma: c.lemmas[0], lemmas: c.lemmas, parts: c.parts,
                            known: c.known, suggestion: suggestion, variety: c.variety)
    }

    /// Hyphenated words: `NAV-kontoret` -> lemma `nav-kontor`, parts `[nav, kontor]`;
    /// an ending after the hyphen (`AEV-ene`) inflects the piece before it.
    private func hyphenated(_ w: String, pieces: [String], stem: String) -> WordAnalysis {
        if pieces.count == 2, Self.hyphenEndings.contains(pieces[1]) {
            let base = simple(pieces[0], stem: stem)
            return WordAnalysis(stem: stem, lemma: base.lemma, lemmas: base.lemmas, parts: base.parts,
                                known: base.known, suggestion: nil, variety: base.variety)
        }
        var parts: [String] = []
        var known = true
        var cores: [CoreResult] = []
        for p in pieces {
            let isWord = p.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
                && !p.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
            let c: CoreResult = isWord ? core(p)
                : CoreResult(lemmas: [p], parts: [], known: false, direct: false, variety: nil)
            cores.append(c)
            parts.append(contentsOf: c.parts.isEmpty ? [c.lemmas[0]] : c.parts)
            // single letters (e-post, e-læring) and numbers (14a-vedtak) do not make a word unknown
            if !c.known && p.unicodeScalars.count > 1 && isWord { known = false }
        }
        let head = pieces.dropLast().joined(separator: "-") + "-"
        let last = cores[cores.count - 1]
        let lemmas = last.lemmas.map { head + $0 }
        var suggestion: String? = nil
        if !known {
            var fixed = pieces
            for (i, c) in cores.enumerated() where !c.known && pieces[i].unicodeScalars.count > 1 {
                guard let s = suggest(pieces[i]) else { fixed = []; break }
                fixed[i] = s
            }
            if !fixed.isEmpty { suggestion = fixed.joined(separator: "-") }
        }
        return WordAnalysis(stem: stem, lemma: lemmas[0], lemmas: lemmas, parts: parts, known: known,
                            suggestion: suggestion, variety: last.variety)
    }

    /// Endings that inflect the piece before a hyphen (`AEV-ene`, `NAV-s`).
    static let hyphenEndings: Set<String> = ["s", "en", "ene", "er", "et", "a", "ens", "ets", "ane", "ar", "ne", "n"]

    // MARK: - Simple words

    /// Lemma, parts, knownness and variety of a simple lower-case word (memoised).
    func core(_ w: String) -> CoreResult {
        if let c = coreMemo[w] { return c }
        let c = computeCore(w)
        coreMemo[w] = c
        return c
    }

    private func computeCore(_ w: String) -> CoreResult {
        // 1. Tables: caller + domain, irregular forms, nynorsk words, inflected abbreviations.
        if let t = table[w] {
            return CoreResult(lemmas: [t], parts: [], known: true, direct: true, variety: nil)
        }
        if let t = LemmaTables.irregular[w] {
            return CoreResult(lemmas: [t], parts: [], known: true, direct: true, variety: varietyOf(w))
        }
        if let t = LemmaTables.bokmal[w] {
            return CoreResult(lemmas: [t], parts: [], known: true, direct: true, variety: .bokmal)
        }
        if let t = LemmaTables.nynorsk[w] {
            return CoreResult(lemmas: [t, w], parts: [], known: true, direct: true, variety: .nynorsk)
        }
        for e in LemmaTables.abbreviationEndings where w.hasSuffix(e) && w.count > e.count + 1 {
            let base = String(w.dropLast(e.count))
            if LemmaTables.inflectableAbbreviations.contains(base), let t = table[base] {
                return CoreResult(lemmas: [t], parts: [], known: true, direct: true, variety: nil)
            }
            if LemmaTables.domainNouns.contains(base) {
                return CoreResult(lemmas: [base], parts: splitLemma(base, nynorsk: false) ?? [], known: true,
                                  direct: true, variety: nil)
            }
        }
        if let noun = nynorskAgentDomainNoun(w) {
            return CoreResult(lemmas: [noun], parts: splitLemma(noun, nynorsk: false) ?? [], known: true,
                              direct: true, variety: .nynorsk)
        }

        // 2. Hunspell readings (nb + nn).
        let r = readings(w)
        var lemmas: [String] = r.direct.isEmpty ? [] : rank(w, r.direct)
        var known = r.inNb || r.inNn
        // names (known only capitalised) say nothing about the written standard
        var variety: Variety? = r.inNb == r.inNn || r.viaCase ? nil : (r.inNb ? .bokmal : .nynorsk)
        // A spelling with a linking -e- that the word list also has without it takes the
        // analysis of the e-less spelling (sykemeldt as sykmeldt, sjukemelde as sjukmelde).
        if let top = lemmas.first, let respelled = linkingEDoublet(w, lemma: top) {
            var c = core(respelled)
            c.variety = variety
            return c
        }
        // A form whose common reading is known comes first (økt -> øke, saker -> sak).
        if let preferred = LemmaTables.preferredReadings[w], lemmas.contains(w) || lemmas.contains(preferred) {
            lemmas.removeAll { $0 == preferred }
            lemmas.insert(preferred, at: 0)
        }

        // 3. Compound route. Words Hunspell does not know directly are lemmatised through a
        //    dictionary split: head as written + lemma of the last part (fagsystemene ->
        //    fagsystem). For directly known words the split only replaces Hunspell's lemma when
        //    Hunspell's own last part is a look-alike without the z flag and the split's is a
        //    real lemma (arbeidsmengden: arbeidsmengd -> arbeidsmengde; tiltaksmidlene ->
        //    tiltaksmiddel). A lemma that already splits with a real (z) last part is kept.
        var nynorskScope = r.inNn && !r.inNb
        if r.direct.isEmpty {
            var split = surfaceSplit(w, nynorsk: nynorskScope)
            if split == nil && !r.inNb, let s = surfaceSplit(w, nynorsk: true) {
                split = s
                nynorskScope = true
            }
            if let s = split {
                lemmas = [s.head + s.lastLemma]
                known = true
                variety = s.lastVariety
            } else if let pa = r.compounds.first, let last = pa.last, w.hasSuffix(last), last.count < w.count {
                // Hunspell's own compounding (e.g. over + prøvar); lemmatise its last part.
                let head = String(w.dropLast(last.count))
                lemmas = core(last).lemmas.map { head + $0 }
            }
        } else if let top = lemmas.first, !(isBaseEntry(top) && hasZ(top)), !isVerbLemma(top),
                  !(isBaseEntry(top) && entryFlags(top).has(UInt8(ascii: "X"))),
                  w.unicodeScalars.count >= 8, !splitsIntoRealLemmas(top, nynorsk: nynorskScope),
                  let s = surfaceSplit(w, nynorsk: nynorskScope) {
            let replacement = s.head + s.lastLemma
            if replacement != top, top.hasPrefix(s.head) {
                let tail = String(top.dropFirst(s.head.count))
                if !LemmaTables.blockedLastParts.contains(tail), isBaseEntry(s.lastLemma), hasZ(s.lastLemma),
                   !isVerbLemma(s.lastLemma),
                   !(isBaseEntry(tail) && hasZ(tail)) {
                    lemmas.removeAll { $0 == replacement }
                    lemmas.insert(replacement, at: 0)
                }
            }
        }
        if lemmas.isEmpty { lemmas = [w] }

        // 4. Compound parts of the chosen lemma.
        //    A lemma bokmål knows is split into bokmål parts only (portefølje is not port + følje).
        var lemma = lemmas[0]
        let splitScope = nynorskScope && !nbEntries[lemma].exists
        var parts = known ? (splitLemma(lemma, nynorsk: splitScope) ?? []) : []

        // 5. Nynorsk -> bokmål: a shared lemma for forms that differ only in spelling/inflection.
        //    A compound gets the bokmål lemma of every part that has one, written in place
        //    (sakshandsamingstid -> saksbehandlingstid, trygdeyting -> trygdeytelse).
        if known && (r.inNn || nynorskScope), let m = mapNynorsk(lemma) {
            lemma = m
            parts = splitLemma(m, nynorsk: false) ?? []     // rettleiar -> veileder: no parts
        }
        let mapped = parts.map { LemmaTables.nynorsk[$0] ?? table[$0] ?? mapNynorsk($0) ?? $0 }
        // (only when bokmål takes the result: heil + skapleg is a bad split, not helskaplig)
        if known && mapped != parts, let rebuilt = Self.replaceParts(in: lemma, parts, with: mapped),
           rebuilt != lemma, nb.spell(rebuilt) {
            lemma = rebuilt
        }
        if lemma != lemmas[0] {
            lemmas.removeAll { $0 == lemma }
            lemmas.insert(lemma, at: 0)
        }
        parts = mapped
        return CoreResult(lemmas: lemmas, parts: parts, known: known, direct: !r.direct.isEmpty,
                          variety: variety)
    }

    /// The surface word without the linking -e- of its lemma, when nb_NO has the lemma without
    /// it too (sykemelde and sykmelde, sykemelding and sykmelding, skatteyter and skattyter)
    /// and a dictionary knows the respelled word: sykemeldt -> sykmeldt. The part before the e
    /// must be a compound part (not a particle: foreslå is no spelling of forslå), the part
    /// after it an entry.
    func linkingEDoublet(_ w: String, lemma: String) -> String? {
        let l = Array(lemma.unicodeScalars)
        guard l.count >= 8 else { return nil }
        for i in 3..<(l.count - 4) where l[i] == "e" {
            let head = string(l[..<i]), tail = string(l[(i + 1)...])
            guard nbEntries[head + tail].exists, isBaseEntry(tail), isPart(head, nynorsk: true) else { continue }
            let prefix = head + "e"
            guard w.hasPrefix(prefix) else { return nil }
            let respelled = head + String(w.dropFirst(prefix.count))
            return spells(respelled) ? respelled : nil
        }
        return nil
    }

    /// Writes `to[i]` in place of `from[i]` in `lemma`, left to right (linking letters between
    /// the parts stay); nil when a part is not found in order.
    static func replaceParts(in lemma: String, _ from: [String], with to: [String]) -> String? {
        var rest = Substring(lemma)
        var out = ""
        for (f, t) in zip(from, to) {
            guard let r = rest.range(of: f) else { return nil }
            out += rest[rest.startIndex..<r.lowerBound]
            out += t
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    /// A domain noun in -er written with the nynorsk agent ending -ar (besluttar, besluttarar,
    /// besluttarane -> beslutter).
    func nynorskAgentDomainNoun(_ w: String) -> String? {
        for ending in ["arane", "arar", "arens", "aren", "ar"] where w.hasSuffix(ending) {
            let noun = String(w.dropLast(ending.count)) + "er"
            if LemmaTables.domainNouns.contains(noun) { return noun }
        }
        return nil
    }

    /// True when `lemma` splits into parts and its last part is a real lemma (an entry with
    /// z, or a table word): then Hunspell's lemma needs no second opinion from the surface.
    private func splitsIntoRealLemmas(_ lemma: String, nynorsk: Bool) -> Bool {
        guard let parts = splitLemma(lemma, nynorsk: nynorsk), let last = parts.last else { return false }
        return hasZ(last) || table[last] != nil
    }

    /// Variety from plain spell checks.
    private func varietyOf(_ w: String) -> Variety? {
        let b = nb.spell(w), n = nn.spell(w)
        return b == n ? nil : (b ? .bokmal : .nynorsk)
    }

    // MARK: - Entry helpers

    /// Union of the nb and nn flag sets of a base entry.
    func entryFlags(_ w: String) -> FlagSet { nbEntries[w].union(nnEntries[w]) }

    /// True when `w` is a base entry of nb or nn.
    func isBaseEntry(_ w: String) -> Bool { entryFlags(w).exists }

    /// True when a base entry carries the compound flag `z` (our sign of a real lemma, as
    /// opposed to the inflected or imperative forms the word lists also contain).
    func hasZ(_ w: String) -> Bool { entryFlags(w).has(UInt8(ascii: "z")) }

    /// The number of nb and nn entries (and table words) that end in `w` after at least three more bytes
    /// (compounds on it: lønnspakke, tiltakspakke for pakke), counted up to 2,000; memoised.
    func compoundsEnding(in w: String) -> Int {
        if let n = tailCountMemo[w] { return n }
        let n = endings.countWords(endingIn: Array(w.utf8), extra: 3, limit: 2000)
        tailCountMemo[w] = n
        return n
    }

    /// Cached "nb or nn accepts this exact word" (compounds included).
    func spells(_ w: String) -> Bool {
        if let s = spellMemo[w] { return s }
        let s = nb.spell(w) || nn.spell(w)
        spellMemo[w] = s
        return s
    }

    /// True when the word has at least two letters and all of them are upper-case.
    private func isAllCaps(_ w: String) -> Bool {
        var letters = 0
        for s in w.unicodeScalars where s.properties.isAlphabetic {
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
