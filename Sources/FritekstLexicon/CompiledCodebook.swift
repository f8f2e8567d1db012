import Foundation
import FritekstCore
import FritekstText

/// Lemma candidates and compound parts of one word type.
public struct LemmaInfo: Sendable, Equatable {
    /// Lemma candidates, the chosen one first.
    public var lemmas: [String]
    /// Compound parts as lemmas (empty when not a compound).
    public var parts: [String]
    /// Creates lemma information.
    public init(lemmas: [String], parts: [String]) { self.lemmas = lemmas; self.parts = parts }
}

/// Something that can give lemmas and compound parts for a case-folded word type.
public protocol LemmaProvider: Sendable {
    /// Lemmas and compound parts of `type`.
    func lemmaInfo(_ type: String) -> LemmaInfo
    /// True when the lower-case word is a dictionary word or a valid compound.
    func isKnownWord(_ word: String) -> Bool
}

extension LemmaProvider {
    /// Providers without a dictionary know no words.
    public func isKnownWord(_ word: String) -> Bool { false }
}

/// A codebook compiled against a growing vocabulary: every distinct single-token pattern ("unit")
/// is resolved once per vocabulary type, and phrases become sequences of units.
///
/// Thread safety: `resolve` mutates and must not run while any thread codes; between resolves the
/// object is only read, so any number of threads may code with it.
public final class CompiledCodebook: @unchecked Sendable {
    /// A compiled entry.
    public struct CompiledEntry: Sendable {
        public var theme: Int
        public var units: [Int32]
        public var gaps: [Int]
        public var weight: Double
        /// For case-sensitive single words: the exact bytes the original token must have.
        public var exactForm: [UInt8]?
        public var label: String
        public var location: SourceLocation?
    }

    /// The source codebook.
    public let codebook: Codebook
    /// Compiled entries (all themes).
    public private(set) var entries: [CompiledEntry] = []
    /// Distinct single-token patterns.
    public private(set) var units: [TokenPattern] = []
    /// For each unit, entries that consist of that unit alone.
    public private(set) var singles: [[Int32]] = []
    /// For each unit, phrase entries that start with it.
    public private(set) var phraseStarts: [[Int32]] = []
    /// Children of each theme (by index), for counting at any level of the tree.
    public let children: [[Int]]
    /// Compiled exclusion entries (their `theme` is the theme they block).
    public private(set) var exclusions: [CompiledEntry] = []
    /// For each unit, exclusion entries that consist of that unit alone.
    public private(set) var exclusionSingles: [[Int32]] = []
    /// For each unit, exclusion phrases that start with it.
    public private(set) var exclusionPhraseStarts: [[Int32]] = []

    /// A compiled proximity rule.
    public struct CompiledRule: Sendable {
        public var theme: Int
        public var op: Rule.Operator
        public var aUnits: [Int32]
        public var aThemes: [Int]
        public var bUnits: [Int32]
        public var bThemes: [Int]
        public var window: Int
        public var scope: Rule.Scope
        public var weight: Double
        public var label: String
        public var location: SourceLocation?
    }

    /// Compiled rules, all themes.
    public private(set) var rules: [CompiledRule] = []
    /// Rules of each theme (indices into `rules`).
    public private(set) var rulesOfTheme: [[Int]] = []
    /// Theme indices in an order where every theme comes after the themes its rules refer to.
    public private(set) var evaluationOrder: [Int] = []

    private var wordUnits: [String: [Int32]] = [:]
    private var lemmaUnits: [String: [Int32]] = [:]
    private var partUnits: [String: [Int32]] = [:]
    /// Part entries that are compounds themselves, by their first part: (all parts, unit).
    private var compoundPartUnits: [String: [([String], Int32)]] = [:]
    private var prefixedGlobs: [Character: [(Glob, Int32)]] = [:]
    private var openGlobs: [(Glob, Int32)] = []
    private var regexes: [(NSRegularExpression, Int32)] = []
    private let lemmas: (any LemmaProvider)?

    /// The morphology the codebook was compiled with, if any.
    public var lemmaProvider: (any LemmaProvider)? { lemmas }

    /// The tokenizer this codebook's patterns assume; with morphology it also repairs line-end hyphenation.
    public var tokenizer: Tokenizer {
        if let lemmas { return Tokenizer(mode: codebook.tokenizerMode, knownWord: { lemmas.isKnownWord($0) }) }
        return Tokenizer(mode: codebook.tokenizerMode)
    }

    // Per-type resolution (CSR layout): units of type t are typeUnits[typeOffsets[t]..<typeOffsets[t+1]].
    private var typeOffsets: [Int32] = [0]
    private var typeUnits: [Int32] = []

    /// Compiles `codebook`; `lemmas` is required when the codebook has lemma or part entries.
    public init(_ codebook: Codebook, lemmas: (any LemmaProvider)?) throws {
        self.codebook = codebook
        self.lemmas = lemmas
        if codebook.needsMorphology && lemmas == nil {
            throw FritekstError(.codebook, "codebook uses lemma/part entries but no morphology is available", file: codebook.file)
        }
        var index: [String: Int] = [:]
        for (i, t) in codebook.themes.enumerated() { index[t.id] = i }
        var kids = Array(repeating: [Int](), count: codebook.themes.count)
        for (i, t) in codebook.themes.enumerated() { if let p = t.parent, let pi = index[p] { kids[pi].append(i) } }
        children = kids
        var unitIndex: [TokenPattern: Int32] = [:]
        func unit(_ p: TokenPattern) throws -> Int32 {
            let folded: TokenPattern
            if case .word(let w) = p { folded = .word(Normalizer.lowercase(w)) } else { folded = p }
            if let u = unitIndex[folded] { return u }
            let u = Int32(units.count)
            unitIndex[folded] = u
            units.append(folded)
            singles.append([])
            phraseStarts.append([])
            exclusionSingles.append([])
            exclusionPhraseStarts.append([])
            switch folded {
            case .word(let w): wordUnits[w, default: []].append(u)
            case .lemma(let l): lemmaUnits[l, default: []].append(u)
            case .part(let l):
                partUnits[l, default: []].append(u)
                // A compound part entry (arbeidsmiljø = arbeid+miljø) also matches the same run of
                // parts inside a longer compound (arbeidsmiljøutfordringer = arbeid+miljø+utfordring).
                if let ps = lemmas?.lemmaInfo(l).parts, ps.count >= 2 {
                    compoundPartUnits[ps[0], default: []].append((ps, u))
                }
            case .glob(let g):
                let glob = Glob(g)
                if glob.isLiteral { wordUnits[g, default: []].append(u) } else if let c = glob.literalPrefix.first {
                    prefixedGlobs[c, default: []].append((glob, u))
                } else { openGlobs.append((glob, u)) }
            case .regex(let r):
                do {
                    let re = try NSRegularExpression(pattern: "^(?:\(r))$")
                    regexes.append((re, u))
                } catch {
                    throw FritekstError(.codebook, "invalid regex '\(r)'", file: codebook.file)
                }
            }
            return u
        }
        func compile(_ e: Entry, theme ti: Int) throws -> CompiledEntry {
            switch e.pattern {
            case .token(let p):
                var exact: [UInt8]?
                if e.caseSensitive, case .word(let w) = p { exact = Array(w.utf8) }
                return CompiledEntry(theme: ti, units: [try unit(p)], gaps: [], weight: e.weight, exactForm: exact,
                                     label: e.label, location: e.location)
            case .phrase(let ps, let gaps):
                return CompiledEntry(theme: ti, units: try ps.map(unit), gaps: gaps, weight: e.weight, exactForm: nil,
                                     label: e.label, location: e.location)
            }
        }
        rulesOfTheme = Array(repeating: [], count: codebook.themes.count)
        for (ti, theme) in codebook.themes.enumerated() {
            for e in theme.entries {
                let ce = try compile(e, theme: ti)
                let k = Int32(entries.count)
                entries.append(ce)
                if ce.units.count == 1 { singles[Int(ce.units[0])].append(k) } else { phraseStarts[Int(ce.units[0])].append(k) }
            }
            for e in theme.exclusions {
                let ce = try compile(e, theme: ti)
                let k = Int32(exclusions.count)
                exclusions.append(ce)
                if ce.units.count == 1 { exclusionSingles[Int(ce.units[0])].append(k) } else { exclusionPhraseStarts[Int(ce.units[0])].append(k) }
            }
            for r in theme.rules {
                var aUnits: [Int32] = [], aThemes: [Int] = [], bUnits: [Int32] = [], bThemes: [Int] = []
                for term in r.a {
                    switch term {
                    case .token(let p): aUnits.append(try unit(p))
                    case .theme(let id): if let i = index[id] { aThemes.append(i) }
                    }
                }
                for term in r.b {
                    switch term {
                    case .token(let p): bUnits.append(try unit(p))
                    case .theme(let id): if let i = index[id] { bThemes.append(i) }
                    }
                }
                rulesOfTheme[ti].append(rules.count)
                rules.append(CompiledRule(theme: ti, op: r.op, aUnits: aUnits, aThemes: aThemes, bUnits: bUnits, bThemes: bThemes,
                                          window: r.window, scope: r.scope, weight: r.weight, label: "rule:" + r.label,
                                          location: r.location))
            }
        }
        // Order themes so that referenced themes are evaluated first; a cycle is an error.
        var state = Array(repeating: 0, count: codebook.themes.count)   // 0 new, 1 visiting, 2 done
        var order: [Int] = []
        func visit(_ t: Int, from rule: CompiledRule?) throws {
            if state[t] == 2 { return }
            if state[t] == 1 {
                throw FritekstError(.codebook, "rules refer to each other in a cycle through theme '\(codebook.themes[t].id)'",
                                    file: rule?.location?.file ?? codebook.file, line: rule?.location?.line, position: rule?.location?.column)
            }
            state[t] = 1
            for ri in rulesOfTheme[t] { for dep in rules[ri].aThemes + rules[ri].bThemes { try visit(dep, from: rules[ri]) } }
            state[t] = 2
            order.append(t)
        }
        for t in 0..<codebook.themes.count { try visit(t, from: nil) }
        evaluationOrder = order
    }

    /// Evidence label of a match's source: an entry (index < entries.count) or a rule.
    public func label(ofSource source: Int32) -> String {
        Int(source) < entries.count ? entries[Int(source)].label : rules[Int(source) - entries.count].label
    }

    /// Weight of a match's source.
    public func weight(ofSource source: Int32) -> Double {
        Int(source) < entries.count ? entries[Int(source)].weight : rules[Int(source) - entries.count].weight
    }

    /// Number of vocabulary types resolved so far.
    public var resolvedTypes: Int { typeOffsets.count - 1 }

    /// Resolves every type of `vocabulary` not yet resolved (each type exactly once); many new types are
    /// matched on up to `threads` threads (matching reads only the patterns and the thread-safe morphology).
    public func resolve(_ vocabulary: Vocabulary, threads: Int = 1) {
        guard vocabulary.count > resolvedTypes else { return }
        let first = resolvedTypes, count = vocabulary.count - first
        let workers = max(1, min(threads, count / 256))
        let matched = UnsafeSlots<[Int32]>(count: count, initial: [])
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var k = w
            while k < count { matched.set(k, unitsMatching(vocabulary[TypeID(first + k)])); k += workers }
        }
        for k in 0..<count {
            typeUnits.append(contentsOf: matched[k])
            typeOffsets.append(Int32(typeUnits.count))
        }
    }

    /// The per-type resolution so far, as a value: hot loops take it once and then match without going
    /// through the object (no reference counting per token).
    public var resolution: TypeResolution { TypeResolution(offsets: typeOffsets, units: typeUnits) }

    /// Units matching type `t` (the type must be resolved).
    public func units(of t: TypeID) -> ArraySlice<Int32> { resolution.units(of: t) }

    /// True when unit `u` matches type `t`.
    public func type(_ t: TypeID, matches u: Int32) -> Bool { resolution.type(t, matches: u) }

    /// The units a case-folded type matches, computed from scratch.
    public func unitsMatching(_ type: String) -> [Int32] {
        var out: [Int32] = []
        if let w = wordUnits[type] { out += w }
        if let c = type.first, let gs = prefixedGlobs[c] {
            for (g, u) in gs where g.matches(type) { out.append(u) }
        }
        for (g, u) in openGlobs where g.matches(type) { out.append(u) }
        if !regexes.isEmpty {
            let range = NSRange(type.startIndex..., in: type)
            for (re, u) in regexes where re.firstMatch(in: type, range: range) != nil { out.append(u) }
        }
        if let lemmas, !(lemmaUnits.isEmpty && partUnits.isEmpty), type.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            let info = lemmas.lemmaInfo(type)
            // Lemma entries match the chosen lemma only: a form like "leder" must not match lemma "lede".
            if let l = info.lemmas.first, let us = lemmaUnits[l] { out += us }
            // A part entry matches the word itself (by any lemma) or any of its compound parts.
            for l in info.lemmas.prefix(1) + info.parts { if let us = partUnits[l] { out += us } }
            if let us = partUnits[type] { out += us }
            if !compoundPartUnits.isEmpty, info.parts.count >= 2 {
                for (i, p) in info.parts.enumerated() {
                    for (run, u) in compoundPartUnits[p] ?? [] where i + run.count <= info.parts.count
                        && info.parts[i..<(i + run.count)].elementsEqual(run) { out.append(u) }
                }
            }
        }
        if out.count > 1 {
            out.sort()
            var dedup: [Int32] = []
            for u in out where dedup.last != u { dedup.append(u) }
            out = dedup
        }
        return out
    }
}

/// Which units each resolved type matches (CSR layout: the units of type t are
/// `units[offsets[t]..<offsets[t + 1]]`), with the matching that coder and linter share.
public struct TypeResolution: Sendable {
    public let offsets: [Int32]
    public let units: [Int32]

    /// Creates a view of a resolution.
    public init(offsets: [Int32], units: [Int32]) { self.offsets = offsets; self.units = units }

    /// Positions in `units` of the units matching type `t` (iterating these makes no slice per token).
    @inlinable
    public func range(of t: TypeID) -> Range<Int> { Int(offsets[Int(t)])..<Int(offsets[Int(t) + 1]) }

    /// Units matching type `t`.
    @inlinable
    public func units(of t: TypeID) -> ArraySlice<Int32> { units[range(of: t)] }

    /// True when unit `u` matches type `t`.
    @inlinable
    public func type(_ t: TypeID, matches u: Int32) -> Bool {
        for k in range(of: t) where units[k] == u { return true }
        return false
    }

    /// The last token of phrase `phrase` (with `gaps[k - 1]` tokens allowed before element k) matched from
    /// token `pos`, whose type matches the first unit; nil when the phrase does not continue there.
    public func phraseEnd(units phrase: [Int32], gaps: [Int], from pos: Int, tokens: [Token]) -> Int? {
        func step(_ k: Int, _ at: Int) -> Int? {
            if k == phrase.count { return at - 1 }
            var q = at
            while q < tokens.count && q <= at + gaps[k - 1] {
                if type(tokens[q].type, matches: phrase[k]), let end = step(k + 1, q + 1) { return end }
                q += 1
            }
            return nil
        }
        return step(1, pos + 1)
    }
}
