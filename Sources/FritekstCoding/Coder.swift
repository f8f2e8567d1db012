import FritekstCore
import FritekstLexicon
import FritekstText

/// One entry matching a run of tokens in an answer.
public struct Match: Sendable, Equatable {
    /// Index of the compiled entry.
    public var entry: Int32
    /// First token index (inclusive) and last (exclusive).
    public var firstToken: Int32
    public var endToken: Int32
    /// Byte range in the original answer.
    public var start: Int32
    public var end: Int32
    /// Sentence of the first token.
    public var sentence: Int32
}

/// A theme found in one answer, with its score and the matches that count for it.
public struct ThemeHit: Sendable, Equatable {
    /// Index of the theme in the codebook.
    public var theme: Int
    /// Sum of the weights of the counted matches.
    public var score: Double
    /// Matches counted for the theme (overlaps resolved), in text order.
    public var matches: [Match]
    /// True when the hit comes only from child themes.
    public var viaChildren: Bool
}

/// How one theme was decided for one answer (for `fritekst explain`).
public struct ThemeTrace: Sendable, Equatable {
    public var theme: Int
    /// Matches that counted.
    public var kept: [Match]
    /// Matches dropped because a longer match of the same theme overlapped them.
    public var overlapped: [Match]
    /// Matches blocked by an exclusion, with the blocking exclusion match.
    public var blocked: [(Match, Match)]
    public var score: Double
    public var minScore: Double
    public var coded: Bool

    /// Equality on everything but the blocked pairs' identity.
    public static func == (l: ThemeTrace, r: ThemeTrace) -> Bool {
        l.theme == r.theme && l.kept == r.kept && l.overlapped == r.overlapped && l.blocked.map(\.0) == r.blocked.map(\.0)
            && l.blocked.map(\.1) == r.blocked.map(\.1) && l.score == r.score && l.minScore == r.minScore && l.coded == r.coded
    }
}

/// The coding of one answer.
public struct CodedAnswer: Sendable, Equatable {
    /// Themes whose score reached their minimum, in codebook order.
    public var hits: [ThemeHit]
    /// Number of tokens in the answer.
    public var tokenCount: Int

    /// Creates a coding.
    public init(hits: [ThemeHit], tokenCount: Int) {
        self.hits = hits
        self.tokenCount = tokenCount
    }

    /// True when theme `t` was coded.
    public func has(_ t: Int) -> Bool { hits.contains { $0.theme == t } }
}

/// Applies a compiled codebook to tokenised answers.
///
/// Overlap policy: within one theme, when matches overlap, the longest wins (ties: the earlier);
/// a match nested inside a longer one of the same theme counts once. Matches of different themes
/// never block each other.
public struct Coder: Sendable {
    /// The compiled codebook.
    public let compiled: CompiledCodebook

    /// For each unit, the rule sides that name it (rule index × 2 for side A, + 1 for side B).
    private let ruleSides: [[Int32]]
    /// Per theme, taken once from the codebook (reading a theme copies all of its strings and entries).
    private let themeCount: Int
    private let minScores: [Double]
    private let roots: [Int]
    private let children: [[Int]]
    private let nested: Bool
    /// Weight of every source (entries, then rules).
    private let weights: [Double]
    /// The compiled tables the coder reads (fixed once compiled; only the type resolution grows).
    private let entries: EntryTable, exclusions: EntryTable
    private let hasExclusions: Bool
    private let rules: [CompiledCodebook.CompiledRule]
    /// Themes named on side A of each rule.
    private let ruleAThemes: [[Int]]
    private let evaluationOrder: [Int]
    /// The rules of theme t are `ruleList[ruleStart[t]..<ruleStart[t + 1]]`.
    private let ruleList: [Int], ruleStart: [Int]

    /// Creates a coder.
    public init(_ compiled: CompiledCodebook) {
        self.compiled = compiled
        let themes = compiled.codebook.themes
        themeCount = themes.count
        minScores = themes.map(\.minScore)
        roots = themes.indices.filter { themes[$0].parent == nil }
        children = compiled.children
        nested = compiled.children.contains { !$0.isEmpty }
        weights = compiled.entries.map(\.weight) + compiled.rules.map(\.weight)
        entries = EntryTable(compiled.entries, singles: compiled.singles, phrases: compiled.phraseStarts, units: compiled.units.count)
        exclusions = EntryTable(compiled.exclusions, singles: compiled.exclusionSingles, phrases: compiled.exclusionPhraseStarts,
                                units: compiled.units.count)
        hasExclusions = !compiled.exclusions.isEmpty
        rules = compiled.rules
        ruleAThemes = compiled.rules.map(\.aThemes)
        evaluationOrder = compiled.evaluationOrder
        ruleList = compiled.rulesOfTheme.flatMap { $0 }
        var starts = [0]                              // rulesOfTheme has one list per theme
        for r in compiled.rulesOfTheme { starts.append(starts[starts.count - 1] + r.count) }
        ruleStart = starts
        var sides = Array(repeating: [Int32](), count: compiled.units.count)
        for (ri, rule) in compiled.rules.enumerated() {
            for u in Set(rule.aUnits) { sides[Int(u)].append(Int32(ri * 2)) }
            for u in Set(rule.bUnits) { sides[Int(u)].append(Int32(ri * 2 + 1)) }
        }
        ruleSides = sides
    }

    /// The fields of compiled entries the matcher reads, one array per field (reading a whole entry would
    /// retain all of its arrays and strings for every matching token).
    struct EntryTable: Sendable {
        /// Per unit, the entries matching it as a single token (`singles[singleStart[u]..<singleStart[u + 1]]`) and
        /// the phrases starting with it: flat lists, so that no inner array is retained per token.
        var singles: [Int32] = [], singleStart: [Int] = [0]
        var phrases: [Int32] = [], phraseStart: [Int] = [0]
        var theme: [Int] = []
        var exact: [[UInt8]?] = []
        var units: [[Int32]] = []
        var gaps: [[Int]] = []

        init(_ entries: [CompiledCodebook.CompiledEntry], singles bySingle: [[Int32]], phrases byPhrase: [[Int32]], units unitCount: Int) {
            for u in 0..<unitCount {
                if u < bySingle.count { singles += bySingle[u] }
                singleStart.append(singles.count)
                if u < byPhrase.count { phrases += byPhrase[u] }
                phraseStart.append(phrases.count)
            }
            theme = entries.map(\.theme)
            exact = entries.map(\.exactForm)
            self.units = entries.map(\.units)
            gaps = entries.map(\.gaps)
        }
    }

    /// Token positions where each rule side's units occur in one answer, found in one pass over the tokens.
    struct SidePositions {
        /// (side key, token position), sorted, without repeats.
        var entries: [(key: Int32, pos: Int32)] = []

        /// Positions of side `key`, in token order.
        func positions(_ key: Int32) -> ArraySlice<(key: Int32, pos: Int32)> {
            var lo = 0, hi = entries.count
            while lo < hi { let mid = (lo + hi) / 2; if entries[mid].key < key { lo = mid + 1 } else { hi = mid } }
            var end = lo
            while end < entries.count && entries[end].key == key { end += 1 }
            return entries[lo..<end]
        }

        func has(_ key: Int32) -> Bool { !positions(key).isEmpty }
    }

    private func sidePositions(_ tokens: [Token], _ resolution: TypeResolution) -> SidePositions {
        var out = SidePositions()
        for pos in 0..<tokens.count {
            for k in resolution.range(of: tokens[pos].type) {
                for key in ruleSides[Int(resolution.units[k])] { out.entries.append((key, Int32(pos))) }
            }
        }
        if out.entries.count > 1 {
            out.entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.pos < $1.pos }
            var w = 1
            for r in 1..<out.entries.count where out.entries[r] != out.entries[w - 1] {
                out.entries[w] = out.entries[r]
                w += 1
            }
            out.entries.removeLast(out.entries.count - w)
        }
        return out
    }

    /// Codes one answer; `text` is the original UTF-8 answer the token ranges point into.
    public func code(tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> CodedAnswer {
        var traces: [ThemeTrace]? = nil
        return run(tokens: tokens, text: text, traces: &traces)
    }

    /// Codes one answer and tells, per theme with any candidate match, what fired, what was blocked and why.
    public func explain(tokens: [Token], text: UnsafeBufferPointer<UInt8>) -> (CodedAnswer, [ThemeTrace]) {
        var traces: [ThemeTrace]? = []
        let coded = run(tokens: tokens, text: text, traces: &traces)
        return (coded, (traces ?? []).sorted { $0.theme < $1.theme })
    }

    /// Matches grouped by theme, each theme's in the order found (a counting sort): theme t's are
    /// `matches[offsets[t]..<offsets[t + 1]]`.
    private func grouped(_ found: [(theme: Int, match: Match)]) -> (matches: [Match], offsets: [Int]) {
        var offsets = [Int](repeating: 0, count: themeCount + 1)
        for f in found { offsets[f.theme + 1] += 1 }
        for t in 0..<themeCount { offsets[t + 1] += offsets[t] }
        var next = offsets
        var matches = [Match](repeating: Match(entry: 0, firstToken: 0, endToken: 0, start: 0, end: 0, sentence: 0), count: found.count)
        for f in found {
            matches[next[f.theme]] = f.match
            next[f.theme] += 1
        }
        return (matches, offsets)
    }

    private func run(tokens: [Token], text: UnsafeBufferPointer<UInt8>, traces: inout [ThemeTrace]?) -> CodedAnswer {
        var found: [(theme: Int, match: Match)] = []
        collect(tokens: tokens, text: text, entries: entries) { found.append(($0, $1)) }
        let sides = rules.isEmpty ? SidePositions() : sidePositions(tokens, compiled.resolution)
        // No entry and no rule side occurs (a large share of answers): nothing can be coded, since a rule needs
        // its side A and exclusions only block.
        if found.isEmpty && sides.entries.isEmpty && traces == nil { return CodedAnswer(hits: [], tokenCount: tokens.count) }
        var coded = Array(repeating: false, count: themeCount)
        var results: [ThemeHit?] = Array(repeating: nil, count: themeCount)
        let (matches, offsets) = grouped(found)
        var blocking: [(theme: Int, match: Match)] = []
        if hasExclusions { collect(tokens: tokens, text: text, entries: exclusions) { blocking.append(($0, $1)) } }
        let (blockers, blockerOffsets) = blocking.isEmpty ? ([], []) : grouped(blocking)
        for t in evaluationOrder {
            // A theme with no match of its own and no rule that can fire is skipped without touching its lists.
            if offsets[t] == offsets[t + 1] && !(ruleStart[t]..<ruleStart[t + 1]).contains(where: { canFire(ruleList[$0], sides, results) }) {
                continue
            }
            var candidates = Array(matches[offsets[t]..<offsets[t + 1]])
            for k in ruleStart[t]..<ruleStart[t + 1] {
                candidates += ruleMatches(ruleList[k], sides, tokens: tokens, results: results)
            }
            var blocked: [(Match, Match)] = []
            if !blocking.isEmpty && blockerOffsets[t] < blockerOffsets[t + 1] {
                let themeBlockers = blockers[blockerOffsets[t]..<blockerOffsets[t + 1]]
                candidates.removeAll { m in
                    if let b = themeBlockers.first(where: { $0.firstToken < m.endToken && m.firstToken < $0.endToken }) {
                        blocked.append((m, b)); return true
                    }
                    return false
                }
            }
            var kept: [Match] = [], score = 0.0
            if !candidates.isEmpty { (kept, score) = settle(t, candidates, &coded, &results) }
            if traces != nil && (!candidates.isEmpty || !blocked.isEmpty) {
                let overlapped = candidates.filter { c in !kept.contains(c) }
                traces?.append(ThemeTrace(theme: t, kept: kept, overlapped: overlapped, blocked: blocked, score: score,
                                          minScore: minScores[t], coded: coded[t]))
            }
        }
        return finish(coded: &coded, results: &results, tokenCount: tokens.count)
    }

    /// The coding from the themes settled so far: a parent theme counts when any descendant does.
    private func finish(coded: inout [Bool], results: inout [ThemeHit?], tokenCount: Int) -> CodedAnswer {
        func propagate(_ t: Int) -> Bool {
            var any = coded[t]
            for c in children[t] where propagate(c) { any = true }
            if any && results[t] == nil {
                results[t] = ThemeHit(theme: t, score: 0, matches: [], viaChildren: true)
            }
            return any
        }
        if nested { for t in roots { _ = propagate(t) } }
        return CodedAnswer(hits: results.compactMap { $0 }, tokenCount: tokenCount)
    }

    /// Resolves overlaps, scores, and records the theme when the score reaches its minimum.
    private func settle(_ t: Int, _ matches: [Match], _ coded: inout [Bool], _ results: inout [ThemeHit?]) -> ([Match], Double) {
        let weights = self.weights                    // captured alone: capturing self would copy the coder per call
        let kept = Self.resolveOverlaps(matches) { weights[Int($0.entry)] }
        let score = kept.reduce(0.0) { $0 + weights[Int($1.entry)] }
        if score >= minScores[t] {
            coded[t] = true
            results[t] = ThemeHit(theme: t, score: score, matches: kept, viaChildren: false)
        }
        return (kept, score)
    }

    /// Finds single-token and phrase matches of a set of entries, calling `add(theme, match)`.
    private func collect(tokens: [Token], text: UnsafeBufferPointer<UInt8>, entries: EntryTable, add: (Int, Match) -> Void) {
        let resolution = compiled.resolution
        for pos in 0..<tokens.count {
            let tok = tokens[pos]
            for k in resolution.range(of: tok.type) {        // most tokens match no pattern: an empty range
                let u = Int(resolution.units[k])
                for i in entries.singleStart[u]..<entries.singleStart[u + 1] {
                    let e = entries.singles[i]
                    if let exact = entries.exact[Int(e)], !bytesEqual(text, Int(tok.start), Int(tok.end), exact) { continue }
                    add(entries.theme[Int(e)], Match(entry: e, firstToken: Int32(pos), endToken: Int32(pos + 1),
                                                     start: tok.start, end: tok.end, sentence: tok.sentence))
                }
                for i in entries.phraseStart[u]..<entries.phraseStart[u + 1] {
                    let e = entries.phrases[i]
                    if let last = resolution.phraseEnd(units: entries.units[Int(e)], gaps: entries.gaps[Int(e)], from: pos, tokens: tokens) {
                        add(entries.theme[Int(e)], Match(entry: e, firstToken: Int32(pos), endToken: Int32(last + 1),
                                                         start: tok.start, end: tokens[last].end, sentence: tok.sentence))
                    }
                }
            }
        }
    }

    /// Spans where one side of a rule occurs: tokens matching any of its units (side `key`), then the counted
    /// matches of referenced themes.
    private func occurrences(_ key: Int32, _ sides: SidePositions, themes: [Int], results: [ThemeHit?]) -> [(Int32, Int32)] {
        var out: [(Int32, Int32)] = sides.positions(key).map { ($0.pos, $0.pos + 1) }
        for t in themes { if let hit = results[t] { out += hit.matches.map { ($0.firstToken, $0.endToken) } } }
        return out
    }

    /// True when side A of rule `ri` occurs: one of its units in the answer or one of its themes already coded
    /// (checked without copying the rule; most rules have no side A in most answers).
    private func canFire(_ ri: Int, _ sides: SidePositions, _ results: [ThemeHit?]) -> Bool {
        sides.has(Int32(ri * 2)) || ruleAThemes[ri].contains { results[$0] != nil }
    }

    /// Matches contributed by rule `ri` (source index entries.count + ri).
    private func ruleMatches(_ ri: Int, _ sides: SidePositions, tokens: [Token], results: [ThemeHit?]) -> [Match] {
        if !canFire(ri, sides, results) { return [] }
        let rule = rules[ri]
        let aSpans = occurrences(Int32(ri * 2), sides, themes: rule.aThemes, results: results)
        if aSpans.isEmpty { return [] }
        let bSpans = occurrences(Int32(ri * 2 + 1), sides, themes: rule.bThemes, results: results)
        let source = Int32(compiled.entries.count + ri)
        var out: [Match] = []
        func sameScope(_ a: (Int32, Int32), _ b: (Int32, Int32)) -> Bool {
            rule.scope == .answer || tokens[Int(a.0)].sentence == tokens[Int(b.0)].sentence
        }
        // Tokens strictly between the two spans must be fewer than the window.
        func distance(_ first: (Int32, Int32), _ second: (Int32, Int32)) -> Int? {
            second.0 >= first.1 ? Int(second.0 - first.1) : nil
        }
        func make(_ from: Int32, _ to: Int32) -> Match {
            Match(entry: source, firstToken: from, endToken: to, start: tokens[Int(from)].start, end: tokens[Int(to - 1)].end,
                  sentence: tokens[Int(from)].sentence)
        }
        for a in aSpans {
            var partner: (Int32, Int32)?
            for b in bSpans where sameScope(a, b) && !(a.0 < b.1 && b.0 < a.1) {
                let d: Int?
                switch rule.op {
                case .near, .notNear: d = distance(a, b) ?? distance(b, a)
                case .before: d = distance(a, b)
                case .after: d = distance(b, a)
                }
                if let d, d < rule.window { partner = b; break }
            }
            switch rule.op {
            case .notNear:
                if partner == nil { out.append(make(a.0, a.1)) }
            default:
                if let b = partner { out.append(make(min(a.0, b.0), max(a.1, b.1))) }
            }
        }
        return out
    }

    /// Longest-match-wins selection of non-overlapping matches, returned in text order.
    static func resolveOverlaps(_ matches: [Match], weight: (Match) -> Double = { _ in 1 }) -> [Match] {
        if matches.count == 1 { return matches }
        // Longest first; on equal spans the heavier entry, then the earlier one, so a specific entry
        // (brukeroppfølging, weight 1) is not hidden behind a generic one on the same word (oppfølging, 0.5).
        let ordered = matches.sorted {
            let l0 = $0.endToken - $0.firstToken, l1 = $1.endToken - $1.firstToken
            if l0 != l1 { return l0 > l1 }
            if $0.firstToken != $1.firstToken { return $0.firstToken < $1.firstToken }
            let w0 = weight($0), w1 = weight($1)
            if w0 != w1 { return w0 > w1 }
            return $0.entry < $1.entry
        }
        // Token occupancy instead of comparing with every kept match: linear, not quadratic, in a 10 MB answer.
        var kept: [Match] = []
        let upper = Int(ordered.map(\.endToken).max() ?? 0)
        var taken = [Bool](repeating: false, count: upper + 1)
        for m in ordered {
            let range = Int(m.firstToken)..<Int(m.endToken)
            if range.contains(where: { taken[$0] }) { continue }
            for t in range { taken[t] = true }
            kept.append(m)
        }
        return kept.sorted { $0.firstToken < $1.firstToken }
    }

    /// Index of the last token of a phrase match starting at `pos`, or nil.
    @inline(__always)
    private func bytesEqual(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ exact: [UInt8]) -> Bool {
        guard e - s == exact.count else { return false }
        for k in 0..<exact.count where text[s + k] != exact[k] { return false }
        return true
    }
}

extension CodedAnswer {
    /// Coded flags for the codebook's visible themes, in codebook order.
    public func visibleFlags(_ codebook: Codebook) -> [Bool] {
        visibleFlags(indices: codebook.visibleThemes.map(\.index))
    }

    /// Coded flags for the given theme indices (precomputed `visibleThemes` indices), in that order.
    public func visibleFlags(indices: [Int]) -> [Bool] {
        indices.map { i in hits.contains { $0.theme == i } }
    }

    /// Evidence as one line: `theme[entry «matched text»; …] | …`, themes in codebook order (hidden helper
    /// themes left out). `themes` limits it to some theme indices; `matchedText` renders a byte range
    /// (for example redacted); by default the original words with line breaks folded.
    public func evidence(text: String, compiled: CompiledCodebook, themes: Set<Int>? = nil,
                         matchedText: ((Range<Int>) -> String)? = nil) -> String {
        let bytes = Array(text.utf8)
        var parts: [String] = []
        for hit in hits where !hit.viaChildren && !compiled.codebook.themes[hit.theme].hidden && themes?.contains(hit.theme) != false {
            let items = hit.matches.map { m -> String in
                let range = Int(m.start)..<Int(m.end)
                let matched = (matchedText?(range) ?? String(decoding: bytes[range], as: UTF8.self))
                    .split(whereSeparator: { $0.isNewline }).joined(separator: " ")
                return "\(compiled.label(ofSource: m.entry)) «\(matched)»"
            }
            parts.append("\(compiled.codebook.themes[hit.theme].id)[\(items.joined(separator: "; "))]")
        }
        return parts.joined(separator: " | ")
    }
}
