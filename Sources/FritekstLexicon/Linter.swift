import Foundation
import FritekstCore
import FritekstIngest
import FritekstMorphology
import FritekstText

/// One problem the linter found, located at a theme or entry.
public struct LintFinding: Sendable, Equatable, CustomStringConvertible {
    /// How bad a finding is: errors make `fritekst lexicon lint` fail, warnings and notes do not.
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        /// Errors sort before warnings before notes.
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    /// What kind of problem this is (stable, for tests and tools).
    public enum Kind: String, Sendable {
        /// The codebook could not be read at all.
        case unreadable
        /// Two themes share an id.
        case duplicateTheme
        /// A `parent:` names no theme.
        case unknownParent
        /// Parents form a loop.
        case parentCycle
        /// A `#theme` pattern names no theme.
        case unknownReference
        /// `#theme` references form a loop.
        case referenceCycle
        /// A hidden helper theme that no rule uses.
        case unusedHidden
        /// The same entry twice in one theme.
        case duplicateEntry
        /// The same entry in two themes.
        case duplicateAcrossThemes
        /// A word or glob the tokenizer can never produce.
        case cannotMatch
        /// A glob (or regex) matching too large a share of the corpus vocabulary.
        case overBroad
        /// An entry matching no token of the corpus.
        case noCorpusMatch
        /// Something the linter could not check.
        case notChecked
    }

    public var severity: Severity
    public var kind: Kind
    public var message: String
    public var location: SourceLocation?
    /// The file when no finer location is known.
    public var file: String?

    /// Creates a finding.
    public init(_ severity: Severity, _ kind: Kind, _ message: String, at location: SourceLocation?, file: String? = nil) {
        self.severity = severity
        self.kind = kind
        self.message = message
        self.location = location
        self.file = file ?? location?.file
    }

    /// `file:line:column: error|warning|note: message`.
    public var description: String {
        let place: String
        if let l = location, l.line > 0 { place = "\(l.file):\(l.line):\(l.column)" } else { place = file ?? "<codebook>" }
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// Options for `Linter`.
public struct LintOptions: Sendable {
    /// A glob (or regex) matching more than this share of the corpus's word types is over-broad.
    public var broadShare: Double
    /// ... and at least this many types (so that a tiny corpus does not flag every glob).
    public var broadMinimumTypes: Int
    /// Creates options.
    public init(broadShare: Double = 0.02, broadMinimumTypes: Int = 5) {
        self.broadShare = broadShare
        self.broadMinimumTypes = broadMinimumTypes
    }
}

/// Checks a codebook for structural errors, patterns that can never match, duplicates and,
/// given a corpus, over-broad globs and entries that match nothing.
public enum Linter {
    /// Lints the codebook or dictionary at `path` (Fritekst/quanteda YAML, or LIWC/WordStat by extension).
    /// A file that cannot be read at all gives one `unreadable` error. With `loadMorphology` and no
    /// `lemmas`, the Hunspell morphology is loaded when the codebook has lemma or part entries.
    public static func lint(path: String, corpus: [String]? = nil, lemmas: (any LemmaProvider)? = nil,
                            loadMorphology: Bool = false, options: LintOptions = LintOptions()) -> [LintFinding] {
        let codebook: Codebook
        var notes: [LintFinding] = []
        do {
            if let format = DictionaryFormat.guess(path: path), format != .quanteda {
                let imported = try DictionaryImporter.importFile(path: path, format: format)
                codebook = imported.codebook
                notes = imported.notes.map { LintFinding(.note, .notChecked, $0, at: nil, file: path) }
            } else {
                // YAML goes through the same loader as `fritekst code`, so lint accepts exactly what coding accepts.
                codebook = try CodebookLoader.load(path: path)
            }
        } catch let e as FritekstError {
            let loc = e.line.map { SourceLocation(file: e.file ?? path, line: $0, column: e.position ?? 1) }
            return [LintFinding(.error, .unreadable, e.message, at: loc, file: e.file ?? path)]
        } catch {
            return [LintFinding(.error, .unreadable, "\(error)", at: nil, file: path)]
        }
        var provider = lemmas
        if loadMorphology, provider == nil, codebook.needsMorphology {
            do {
                provider = try Morphology()
            } catch {
                notes.append(LintFinding(.note, .notChecked, "Norwegian morphology could not be loaded: \(error)", at: nil, file: path))
            }
        }
        return notes + lint(codebook, corpus: corpus, lemmas: provider, options: options)
    }

    /// Lints an in-memory codebook; `corpus` holds answer texts, `lemmas` is needed to check lemma/part entries against it.
    public static func lint(_ codebook: Codebook, corpus: [String]? = nil, lemmas: (any LemmaProvider)? = nil,
                            options: LintOptions = LintOptions()) -> [LintFinding] {
        var findings: [LintFinding] = []
        let file = codebook.file ?? "<codebook>"
        func loc(_ theme: Theme) -> SourceLocation? { theme.location ?? codebook.file.map { SourceLocation(file: $0, line: 0, column: 0) } }
        func loc(_ entry: Entry, _ theme: Theme) -> SourceLocation? { entry.location ?? loc(theme) }

        // Theme ids and parents.
        var index: [String: Int] = [:]
        for (i, t) in codebook.themes.enumerated() {
            if let first = index[t.id] {
                findings.append(LintFinding(.error, .duplicateTheme,
                                            "duplicate theme id '\(t.id)' (first at line \(codebook.themes[first].location?.line ?? 0))",
                                            at: loc(t), file: file))
            } else {
                index[t.id] = i
            }
        }
        for t in codebook.themes {
            if let p = t.parent, index[p] == nil {
                findings.append(LintFinding(.error, .unknownParent, "theme '\(t.id)' names unknown parent '\(p)'", at: loc(t), file: file))
            }
        }
        let parentEdges = codebook.themes.map { t -> [Int] in t.parent.flatMap { index[$0] }.map { [$0] } ?? [] }
        for cycle in cycles(parentEdges) {
            let names = (cycle + [cycle[0]]).map { codebook.themes[$0].id }.joined(separator: " → ")
            findings.append(LintFinding(.error, .parentCycle, "parent cycle: \(names)", at: loc(codebook.themes[cycle[0]]), file: file))
        }

        // #theme references (in rules).
        var referenceEdges = Array(repeating: [Int](), count: codebook.themes.count)
        var referenceSites: [[Int: SourceLocation?]] = Array(repeating: [:], count: codebook.themes.count)
        var referenced = Set<Int>()
        for (ti, t) in codebook.themes.enumerated() {
            for r in t.rules {
                let site = r.location ?? loc(t)
                for case .theme(let name) in r.a + r.b {
                    if let target = resolveReference(name, codebook: codebook, index: index) {
                        referenced.insert(target)
                        if !referenceEdges[ti].contains(target) { referenceEdges[ti].append(target) }
                        if referenceSites[ti][target] == nil { referenceSites[ti][target] = site }
                    } else {
                        findings.append(LintFinding(.error, .unknownReference, "unknown theme reference '#\(name)' in a rule of theme '\(t.id)'",
                                                    at: site, file: file))
                    }
                }
            }
        }
        for cycle in cycles(referenceEdges) {
            let names = (cycle + [cycle[0]]).map { codebook.themes[$0].id }.joined(separator: " → #")
            let next = cycle.count > 1 ? cycle[1] : cycle[0]
            findings.append(LintFinding(.error, .referenceCycle, "theme reference cycle: \(names)",
                                        at: referenceSites[cycle[0]][next] ?? loc(codebook.themes[cycle[0]]), file: file))
        }
        for (ti, t) in codebook.themes.enumerated() where t.hidden && !referenced.contains(ti)
            && !codebook.themes.contains(where: { $0.parent == t.id }) {
            findings.append(LintFinding(.warning, .unusedHidden, "hidden theme '\(t.id)' is referenced by no rule, so it has no effect",
                                        at: loc(t), file: file))
        }

        // Duplicate entries, within a theme and across themes.
        var seen: [DuplicateKey: (theme: Int, location: SourceLocation?)] = [:]
        for (ti, t) in codebook.themes.enumerated() {
            var local: [DuplicateKey: SourceLocation?] = [:]
            for e in t.entries {
                let key = DuplicateKey(e)
                if let first = local[key] {
                    findings.append(LintFinding(.warning, .duplicateEntry,
                                                "duplicate entry \(e.label) in theme '\(t.id)'\(lineNote(first, "first at line"))",
                                                at: loc(e, t), file: file))
                    continue
                }
                local[key] = loc(e, t)
                if let other = seen[key], other.theme != ti {
                    findings.append(LintFinding(.warning, .duplicateAcrossThemes,
                                                "entry \(e.label) is also in theme '\(codebook.themes[other.theme].id)'\(lineNote(other.location, "line"))",
                                                at: loc(e, t), file: file))
                } else if seen[key] == nil {
                    seen[key] = (ti, loc(e, t))
                }
            }
        }

        // Patterns that can never match a token.
        let mode = codebook.tokenizerMode
        let tokenizer = Tokenizer(mode: mode)
        for t in codebook.themes {
            for e in t.entries + t.exclusions {
                if let name = references(in: e).first {
                    let known = resolveReference(name, codebook: codebook, index: index) != nil
                    findings.append(LintFinding(.error, known ? .cannotMatch : .unknownReference,
                                                "'#\(name)' in an entry is a literal pattern that never matches\(known ? "" : " (and names no theme)"); a theme reference belongs in a rule (near, not_near, before, after)",
                                                at: loc(e, t), file: file))
                    continue
                }
                for element in elements(of: e) {
                    if let reason = cannotMatch(element, caseSensitive: e.caseSensitive, tokenizer: tokenizer) {
                        findings.append(LintFinding(.error, .cannotMatch, reason, at: loc(e, t), file: file))
                        break
                    }
                }
                // A lemma entry matches the tokens whose chosen lemma it is; when the morphology normalises the
                // entry's own form to another lemma («lære» → «lær»), the entry misses its own inflections.
                if let lemmas {
                    for case .lemma(let l) in elements(of: e) {
                        let folded = Normalizer.lowercase(l)
                        if let chosen = lemmas.lemmaInfo(folded).lemmas.first, chosen != folded {
                            findings.append(LintFinding(.warning, .cannotMatch,
                                                        "lemma '\(l)' is not the lemma the morphology chooses for it ('\(chosen)'), so its own forms do not match it; write lemma: '\(chosen)' or a glob",
                                                        at: loc(e, t), file: file))
                        }
                    }
                }
                if case .token(.glob(let g)) = e.pattern, !g.hasPrefix("#"), !g.isEmpty, g.allSatisfy({ $0 == "*" || $0 == "?" }),
                   g.contains("*") {
                    findings.append(LintFinding(.warning, .overBroad, "glob '\(g)' matches every token", at: loc(e, t), file: file))
                }
            }
            for r in t.rules {
                for case .token(let p) in r.a + r.b {
                    if let reason = cannotMatch(p, caseSensitive: false, tokenizer: tokenizer) {
                        findings.append(LintFinding(.error, .cannotMatch, "in a rule: " + reason, at: r.location ?? loc(t), file: file))
                    }
                }
            }
        }

        if let corpus {
            findings += corpusFindings(codebook, corpus: corpus, lemmas: lemmas, options: options, file: file, loc: loc)
        }
        return sorted(findings)
    }

    /// Orders findings by file position (unlocated first), then severity.
    static func sorted(_ findings: [LintFinding]) -> [LintFinding] {
        findings.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            let ka = (la?.line ?? 0, la?.column ?? 0), kb = (lb?.line ?? 0, lb?.column ?? 0)
            if ka != kb { return ka < kb }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func lineNote(_ l: SourceLocation?, _ prefix: String) -> String {
        guard let l, l.line > 0 else { return "" }
        return " (\(prefix) \(l.line))"
    }

    /// Identity of an entry for duplicate detection: a literal glob counts as the same word.
    struct DuplicateKey: Hashable {
        var elements: [TokenPattern]
        var gaps: [Int]
        var caseSensitive: Bool
        init(_ e: Entry) {
            func canonical(_ p: TokenPattern) -> TokenPattern {
                if case .glob(let g) = p, Glob(g).isLiteral { return .word(g) }
                return p
            }
            switch e.pattern {
            case .token(let p): elements = [canonical(p)]; gaps = []
            case .phrase(let ps, let g): elements = ps.map(canonical); gaps = g
            }
            caseSensitive = e.caseSensitive
        }
    }

    /// The single-token patterns an entry is made of.
    static func elements(of e: Entry) -> [TokenPattern] {
        switch e.pattern {
        case .token(let p): return [p]
        case .phrase(let ps, _): return ps
        }
    }

    /// Theme names written as `#name` in an entry's word or glob elements (which the loader reads as literal patterns).
    static func references(in e: Entry) -> [String] {
        elements(of: e).compactMap { p in
            switch p {
            case .word(let s), .glob(let s): return s.hasPrefix("#") && s.count > 1 ? String(s.dropFirst()) : nil
            default: return nil
            }
        }
    }

    /// The theme a `#name` reference means: the id, else a case-insensitive id or label.
    static func resolveReference(_ name: String, codebook: Codebook, index: [String: Int]) -> Int? {
        if let i = index[name] { return i }
        let folded = Normalizer.lowercase(name)
        if let i = codebook.themes.firstIndex(where: { Normalizer.lowercase($0.id) == folded }) { return i }
        return codebook.themes.firstIndex(where: { Normalizer.lowercase($0.label) == folded || DictionaryImporter.themeID($0.label) == folded })
    }

    /// Every elementary cycle reachable in a graph, each once, starting at its lowest node.
    static func cycles(_ edges: [[Int]]) -> [[Int]] {
        var found: [[Int]] = []
        var seenCycles = Set<[Int]>()
        var state = Array(repeating: 0, count: edges.count)    // 0 new, 1 on stack, 2 done
        var stack: [Int] = []
        func visit(_ v: Int) {
            state[v] = 1
            stack.append(v)
            for w in edges[v] {
                if state[w] == 1, let start = stack.lastIndex(of: w) {
                    var cycle = Array(stack[start...])
                    let m = cycle.firstIndex(of: cycle.min()!)!
                    cycle = Array(cycle[m...] + cycle[..<m])
                    if seenCycles.insert(cycle).inserted { found.append(cycle) }
                } else if state[w] == 0 {
                    visit(w)
                }
            }
            stack.removeLast()
            state[v] = 2
        }
        for v in edges.indices where state[v] == 0 { visit(v) }
        return found.sorted { $0[0] < $1[0] }
    }

    /// Why a word or glob can never equal a token type in this tokenizer mode, or nil when it can.
    ///
    /// A glob is tried with each wildcard standing for nothing, a letter, a digit or a period; it
    /// can match when one of these is read as exactly one whole token. Regexes, lemmas and parts
    /// are not checked, nor are `#theme` references.
    public static func cannotMatch(_ p: TokenPattern, caseSensitive: Bool, tokenizer: Tokenizer) -> String? {
        let text: String
        let isGlob: Bool
        switch p {
        case .word(let s): text = s; isGlob = false
        case .glob(let s): text = s; isGlob = true
        default: return nil
        }
        if text.hasPrefix("#") && text.count > 1 { return nil }
        let what = isGlob ? "glob '\(text)'" : "word '\(text)'"
        // Types are normalised (soft hyphens dropped, hyphens and apostrophes folded, NFC, lower case).
        if !caseSensitive {
            var t = text
            let normalised = t.withUTF8 { Normalizer.normalizeToken($0) }
            if normalised != Normalizer.lowercase(text) {
                return "\(what) cannot match any token: texts are normalised to '\(normalised)'; write that instead"
            }
        }
        let fillers: [String] = isGlob ? ["", "a", "1", "."] : [""]
        var firstReading: [String] = []
        for filler in fillers {
            var candidate = ""
            for c in text {
                if isGlob && c == "*" { candidate += filler } else if isGlob && c == "?" { candidate += filler.isEmpty ? "a" : filler } else {
                    candidate.append(c)
                }
            }
            if candidate.isEmpty { return nil }
            let tokens = tokenizer.tokenize(candidate)
            if tokens.count == 1 && tokens[0].start == 0 && tokens[0].end == candidate.utf8.count { return nil }
            if filler == fillers[0] || (firstReading.isEmpty && filler == "a") {
                let bytes = Array(candidate.utf8)
                firstReading = tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
            }
        }
        let mode = tokenizer.mode.rawValue
        if firstReading.isEmpty {
            return "\(what) cannot match any token: the \(mode) tokenizer keeps no token in it"
        }
        if firstReading.count == 1 {
            return "\(what) cannot match any token: the \(mode) tokenizer reads it as '\(firstReading[0])'"
        }
        let shown = firstReading.map { "'\($0)'" }.joined(separator: ", ")
        return "\(what) cannot match any token: the \(mode) tokenizer reads it as \(firstReading.count) tokens (\(shown)); use phrase: for several words"
    }

    // MARK: corpus checks

    /// Over-broad globs and entries without any match in `corpus`.
    static func corpusFindings(_ codebook: Codebook, corpus: [String], lemmas: (any LemmaProvider)?, options: LintOptions,
                               file: String, loc: (Entry, Theme) -> SourceLocation?) -> [LintFinding] {
        var findings: [LintFinding] = []
        // Entries the compiled codebook can check: no #references; no lemma/part without a provider.
        // Rules and exclusions are not checked here; dropping them also keeps reference cycles from stopping the compiler.
        var checkable = codebook
        for i in checkable.themes.indices { checkable.themes[i].rules = []; checkable.themes[i].exclusions = [] }
        var origin: [(theme: Int, entry: Int)] = []
        var skippedMorphology = 0
        for (ti, t) in codebook.themes.enumerated() {
            var kept: [Entry] = []
            for (ei, e) in t.entries.enumerated() {
                if !references(in: e).isEmpty { continue }
                let morph = elements(of: e).contains { if case .lemma = $0 { return true }; if case .part = $0 { return true }; return false }
                if morph && lemmas == nil { skippedMorphology += 1; continue }
                kept.append(e)
                origin.append((ti, ei))
            }
            checkable.themes[ti].entries = kept
        }
        if skippedMorphology > 0 {
            findings.append(LintFinding(.note, .notChecked,
                                        "\(skippedMorphology) lemma/part entr\(skippedMorphology == 1 ? "y was" : "ies were") not checked against the corpus: no morphology (lemma provider) available",
                                        at: nil, file: file))
        }
        let compiled: CompiledCodebook
        do {
            compiled = try CompiledCodebook(checkable, lemmas: lemmas)
        } catch {
            findings.append(LintFinding(.error, .unreadable, "cannot compile the codebook: \((error as? FritekstError)?.message ?? "\(error)")",
                                        at: nil, file: file))
            return findings
        }
        // Tokenise the corpus once.
        let tokenizer = Tokenizer(mode: codebook.tokenizerMode)
        var interner = Interner()
        var answers: [(bytes: [UInt8], tokens: [Token])] = []
        answers.reserveCapacity(corpus.count)
        for text in corpus {
            var tokens: [Token] = []
            interner.tokens(of: text, tokenizer: tokenizer, into: &tokens)
            answers.append((Array(text.utf8), tokens))
        }
        let vocabulary = interner.vocabulary
        compiled.resolve(vocabulary)

        // Over-broad globs and regexes: share of word types (types with a letter) matched by the pattern alone.
        let wordTypes = (0..<vocabulary.count).filter { vocabulary[TypeID($0)].unicodeScalars.contains { $0.properties.isAlphabetic } }
        var broadCache: [Int32: Int] = [:]
        for (k, ce) in compiled.entries.enumerated() where ce.units.count == 1 {
            let u = ce.units[0]
            let kindName: String
            switch compiled.units[Int(u)] {
            case .glob(let g) where !Glob(g).isLiteral && !g.allSatisfy({ $0 == "*" || $0 == "?" }): kindName = "glob '\(g)'"
            case .regex(let r): kindName = "regex '\(r)'"
            default: continue
            }
            let count: Int
            if let c = broadCache[u] { count = c } else {
                count = wordTypes.reduce(0) { $0 + (compiled.type(TypeID($1), matches: u) ? 1 : 0) }
                broadCache[u] = count
            }
            guard !wordTypes.isEmpty else { break }
            let share = Double(count) / Double(wordTypes.count)
            if share > options.broadShare && count >= options.broadMinimumTypes {
                let examples = wordTypes.filter { compiled.type(TypeID($0), matches: u) }.prefix(5).map { vocabulary[TypeID($0)] }
                let o = origin[k]
                let theme = codebook.themes[o.theme]
                findings.append(LintFinding(.warning, .overBroad,
                                            "\(kindName) matches \(count) of \(wordTypes.count) word types in the corpus (\(percent(share)), more than \(percent(options.broadShare))), e.g. \(examples.joined(separator: ", "))",
                                            at: loc(theme.entries[o.entry], theme), file: file))
            }
        }

        // Entries that match nothing.
        var matched = Array(repeating: false, count: compiled.entries.count)
        for answer in answers {
            let tokens = answer.tokens
            for pos in tokens.indices {
                for u in compiled.units(of: tokens[pos].type) {
                    for e in compiled.singles[Int(u)] where !matched[Int(e)] {
                        let ce = compiled.entries[Int(e)]
                        if let exact = ce.exactForm {
                            let tok = tokens[pos]
                            guard Array(answer.bytes[Int(tok.start)..<Int(tok.end)]) == exact else { continue }
                        }
                        matched[Int(e)] = true
                    }
                    for e in compiled.phraseStarts[Int(u)] where !matched[Int(e)] {
                        let ce = compiled.entries[Int(e)]
                        if compiled.resolution.phraseEnd(units: ce.units, gaps: ce.gaps, from: pos, tokens: tokens) != nil { matched[Int(e)] = true }
                    }
                }
            }
        }
        let answered = corpus.filter { !$0.allSatisfy(\.isWhitespace) }.count
        for (k, m) in matched.enumerated() where !m {
            let o = origin[k]
            let theme = codebook.themes[o.theme]
            let e = theme.entries[o.entry]
            findings.append(LintFinding(.warning, .noCorpusMatch,
                                        "entry \(e.label) of theme '\(theme.id)' matches nothing in the corpus (\(answered) answers)",
                                        at: loc(e, theme), file: file))
        }
        return findings
    }

    private static func percent(_ x: Double) -> String {
        String(format: "%.2f %%", x * 100)
    }

    /// Answer texts from the `textColumn` of a CSV file, with notes for rows the reader skipped.
    public static func corpusTexts(path: String, textColumn: String, encoding: TextEncoding? = nil) throws -> (texts: [String], notes: [String]) {
        let result = try CSVReader.read(path: path, options: CSVOptions(encoding: encoding))
        var accounting = result.accounting
        let responses = try ColumnMapping(id: nil, text: textColumn).responses(from: result.table, file: path, accounting: &accounting)
        var notes = accounting.warnings
        for s in accounting.skipped { notes.append("\(path): skipped row: \(s)") }
        return (responses.map(\.text), notes)
    }
}
