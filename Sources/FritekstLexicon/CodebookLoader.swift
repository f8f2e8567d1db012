import Foundation
import FritekstCore
import FritekstText
import Yams

/// Reads codebooks from YAML: the Fritekst format (`themes:` list) or a quanteda-style dictionary.
///
/// Decoding goes only through typed `Decodable` models, so unquoted `no`, `nei`, `on`, `yes`
/// stay words; every error names the file, line and column.
public enum CodebookLoader {
    /// Loads the codebook at `path`, detecting its format.
    public static func load(path: String) throws -> Codebook {
        guard FileManager.default.fileExists(atPath: path) else {
            throw FritekstError(.codebook, "no such codebook file", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FritekstError(.codebook, "cannot read codebook file", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FritekstError(.codebook, "codebook is not valid UTF-8", file: path)
        }
        return try load(yaml: text, file: path)
    }

    /// Loads a codebook from YAML text; `file` names it in messages.
    public static func load(yaml: String, file: String) throws -> Codebook {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw FritekstError(.codebook, "codebook is empty", file: file, line: 1)
            }
            root = node
        } catch let e as FritekstError {
            throw e
        } catch let e as YamlError {
            throw yamlError(e, file: file)
        } catch {
            throw FritekstError(.codebook, "cannot parse YAML: \(error)", file: file)
        }
        guard let mapping = root.mapping else {
            throw located("the top level must be a mapping (theme ids or `themes:`)", root, file)
        }
        if let themes = mapping["themes"], themes.sequence != nil {
            return try loadFritekst(root, file: file)
        }
        return try loadQuanteda(root, file: file)
    }

    // MARK: Fritekst format

    struct FileModel: Decodable {
        struct Meta: Decodable {
            var name: String?
            var version: String?
            var language: String?
            var description: String?
        }
        struct ThemeModel: Decodable {
            var id: String
            var label: String?
            var label_en: String?
            var definition: String?
            var parent: String?
            var min_score: Double?
            var entries: [EntryModel]?
            var rules: [RuleModel]?
            var exclude: [EntryModel]?
            var hidden: Bool?
        }
        var codebook: Meta?
        var themes: [ThemeModel]
    }

    struct EntryModel: Decodable {
        var word: String?
        var glob: String?
        var lemma: String?
        var part: String?
        var phrase: String?
        var regex: String?
        var weight: Double?
        var case_sensitive: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case word, glob, lemma, part, phrase, regex, weight, case_sensitive
        }

        init(from decoder: any Decoder) throws {
            // A bare string entry is a glob.
            if let single = try? decoder.singleValueContainer(), let s = try? single.decode(String.self) {
                glob = s
                return
            }
            let c = try decoder.container(keyedBy: AnyKey.self)
            for key in c.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "unknown entry key '\(key.stringValue)' (expected one of: word, glob, lemma, part, phrase, regex, weight, case_sensitive)")
            }
            word = try c.decodeIfPresent(String.self, forKey: AnyKey("word"))
            glob = try c.decodeIfPresent(String.self, forKey: AnyKey("glob"))
            lemma = try c.decodeIfPresent(String.self, forKey: AnyKey("lemma"))
            part = try c.decodeIfPresent(String.self, forKey: AnyKey("part"))
            phrase = try c.decodeIfPresent(String.self, forKey: AnyKey("phrase"))
            regex = try c.decodeIfPresent(String.self, forKey: AnyKey("regex"))
            weight = try c.decodeIfPresent(Double.self, forKey: AnyKey("weight"))
            case_sensitive = try c.decodeIfPresent(Bool.self, forKey: AnyKey("case_sensitive"))
        }
    }

    /// A string or a list of strings; a string may hold alternatives separated by `|`.
    struct Terms: Decodable {
        var items: [String]
        init(from decoder: any Decoder) throws {
            if let s = try? decoder.singleValueContainer().decode(String.self) {
                items = s.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            } else {
                items = try decoder.singleValueContainer().decode([String].self)
            }
        }
    }

    struct RuleModel: Decodable {
        var match: Terms
        var op: Rule.Operator
        var other: Terms
        var window: Int?
        var scope: Rule.Scope?
        var weight: Double?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            let known: Set<String> = ["match", "near", "not_near", "before", "after", "window", "scope", "weight"]
            for key in c.allKeys where !known.contains(key.stringValue) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: "unknown rule key '\(key.stringValue)' (expected match, near, not_near, before, after, window, scope, weight)")
            }
            match = try c.decode(Terms.self, forKey: AnyKey("match"))
            let ops = Rule.Operator.allCasesInOrder.filter { c.contains(AnyKey($0.rawValue)) }
            guard ops.count == 1, let op = ops.first else {
                throw DecodingError.dataCorruptedError(
                    forKey: AnyKey("match"), in: c,
                    debugDescription: "a rule needs exactly one of near, not_near, before, after")
            }
            self.op = op
            other = try c.decode(Terms.self, forKey: AnyKey(op.rawValue))
            window = try c.decodeIfPresent(Int.self, forKey: AnyKey("window"))
            if let s = try c.decodeIfPresent(String.self, forKey: AnyKey("scope")) {
                guard let sc = Rule.Scope(rawValue: s) else {
                    throw DecodingError.dataCorruptedError(forKey: AnyKey("scope"), in: c,
                                                           debugDescription: "scope must be sentence or answer, not '\(s)'")
                }
                scope = sc
            }
            weight = try c.decodeIfPresent(Double.self, forKey: AnyKey("weight"))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }

    static func loadFritekst(_ root: Node, file: String) throws -> Codebook {
        let model: FileModel
        do {
            model = try YAMLDecoder().decode(FileModel.self, from: root)
        } catch let e as DecodingError {
            throw decodingError(e, root: root, file: file)
        }
        let themeNodes = root.mapping?["themes"]?.sequence.map(Array.init) ?? []
        var themes: [Theme] = []
        var seen: [String: SourceLocation] = [:]
        for (i, t) in model.themes.enumerated() {
            let tnode = themeNodes[i]
            let tloc = location(tnode, file)
            let id = t.id.trimmingCharacters(in: .whitespaces)
            if id.isEmpty { throw FritekstError(.codebook, "theme id is empty", file: file, line: tloc.line, position: tloc.column) }
            if let first = seen[id] {
                throw FritekstError(.codebook, "duplicate theme id '\(id)' (first defined at line \(first.line))",
                                    file: file, line: tloc.line, position: tloc.column)
            }
            seen[id] = tloc
            let entryNodes = tnode.mapping?["entries"]?.sequence.map(Array.init) ?? []
            var entries: [Entry] = []
            for (j, e) in (t.entries ?? []).enumerated() {
                let enode = entryNodes[j]
                entries.append(try entry(from: e, node: enode, file: file))
            }
            let exclusionNodes = tnode.mapping?["exclude"]?.sequence.map(Array.init) ?? []
            var exclusions: [Entry] = []
            for (j, e) in (t.exclude ?? []).enumerated() {
                exclusions.append(try entry(from: e, node: exclusionNodes[j], file: file))
            }
            let ruleNodes = tnode.mapping?["rules"]?.sequence.map(Array.init) ?? []
            var rules: [Rule] = []
            for (j, r) in (t.rules ?? []).enumerated() {
                let loc = location(ruleNodes[j], file)
                let fail: (String) -> FritekstError = { FritekstError(.codebook, $0, file: file, line: loc.line, position: loc.column) }
                let window = r.window ?? 5
                if window < 1 { throw fail("window must be at least 1") }
                rules.append(Rule(op: r.op, a: try r.match.items.map { try ruleTerm($0, fail: fail) },
                                  b: try r.other.items.map { try ruleTerm($0, fail: fail) },
                                  window: window, scope: r.scope ?? .sentence, weight: r.weight ?? 1, location: loc))
            }
            themes.append(Theme(id: id, label: t.label, labelEnglish: t.label_en, definition: t.definition,
                                parent: t.parent, minScore: t.min_score ?? 1, entries: entries, rules: rules,
                                exclusions: exclusions, hidden: t.hidden ?? false, location: tloc))
        }
        for t in themes {
            for r in t.rules {
                for case .theme(let ref) in r.a + r.b where seen[ref] == nil {
                    throw FritekstError(.codebook, "rule in theme '\(t.id)' refers to unknown theme '#\(ref)'",
                                        file: file, line: r.location?.line, position: r.location?.column)
                }
            }
        }
        for t in themes {
            if let p = t.parent, seen[p] == nil {
                throw FritekstError(.codebook, "theme '\(t.id)' names unknown parent '\(p)'",
                                    file: file, line: t.location?.line, position: t.location?.column)
            }
        }
        return Codebook(name: model.codebook?.name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
                        version: model.codebook?.version, format: .fritekst, themes: themes, file: file)
    }

    static func entry(from e: EntryModel, node: Node, file: String) throws -> Entry {
        let loc = location(node, file)
        func fail(_ msg: String) -> FritekstError {
            FritekstError(.codebook, msg, file: file, line: loc.line, position: loc.column)
        }
        let given: [(String, String)] = [("word", e.word), ("glob", e.glob), ("lemma", e.lemma), ("part", e.part),
                                         ("phrase", e.phrase), ("regex", e.regex)].compactMap { k, v in v.map { (k, $0) } }
        guard given.count == 1, let (kind, raw) = given.first else {
            throw fail(given.isEmpty ? "entry has no pattern (word, glob, lemma, part, phrase or regex)"
                                     : "entry has more than one pattern: \(given.map(\.0).joined(separator: ", "))")
        }
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { throw fail("empty \(kind) pattern") }
        let caseSensitive = e.case_sensitive ?? false
        let pattern: EntryPattern
        switch kind {
        case "phrase":
            pattern = try parsePhrase(value, defaultKind: "glob") { fail($0) }
        case "regex":
            do { _ = try NSRegularExpression(pattern: value) } catch { throw fail("invalid regex '\(value)'") }
            pattern = .token(.regex(value))
        default:
            pattern = .token(try tokenPattern(kind: kind, value: caseSensitive ? value : Normalizer.lowercase(value), fail: fail))
        }
        if let w = e.weight, !(w.isFinite) { throw fail("weight must be a number") }
        return Entry(pattern: pattern, weight: e.weight ?? 1, caseSensitive: caseSensitive, location: loc)
    }

    static func tokenPattern(kind: String, value: String, fail: (String) -> FritekstError) throws -> TokenPattern {
        if value.contains(where: { $0.isWhitespace }) {
            throw fail("\(kind) pattern '\(value)' contains a space; use phrase: for several words")
        }
        switch kind {
        case "word": return .word(value)
        case "glob": return .glob(value)
        case "lemma": return .lemma(value)
        case "part": return .part(value)
        case "regex": return .regex(value)
        default: throw fail("unknown pattern kind '\(kind)'")
        }
    }

    /// Parses one side of a rule: `#theme`, `kind:value`, or a glob.
    static func ruleTerm(_ raw: String, fail: (String) -> FritekstError) throws -> RuleTerm {
        let s = raw.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("#") {
            let id = String(s.dropFirst())
            if id.isEmpty { throw fail("empty theme reference '#'") }
            return .theme(id)
        }
        if s.isEmpty { throw fail("empty rule term") }
        var kind = "glob"
        var value = s
        if let colon = s.firstIndex(of: ":"), ["word", "glob", "lemma", "part", "regex"].contains(String(s[..<colon])) {
            kind = String(s[..<colon])
            value = String(s[s.index(after: colon)...])
        }
        if kind == "regex" {
            do { _ = try NSRegularExpression(pattern: value) } catch { throw fail("invalid regex '\(value)'") }
            return .token(.regex(value))
        }
        return .token(try tokenPattern(kind: kind, value: Normalizer.lowercase(value), fail: fail))
    }

    /// Parses `a b ~2 lemma:c` into elements and gaps.
    static func parsePhrase(_ text: String, defaultKind: String, fail: (String) -> FritekstError) throws -> EntryPattern {
        var elements: [TokenPattern] = []
        var gaps: [Int] = []
        var pendingGap = 0
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            if word.hasPrefix("~"), let n = Int(word.dropFirst()), n >= 0 {
                if elements.isEmpty { throw fail("phrase cannot start with a gap") }
                pendingGap = n
                continue
            }
            var kind = defaultKind
            var value = String(word)
            if let colon = value.firstIndex(of: ":"), ["word", "glob", "lemma", "part"].contains(String(value[..<colon])) {
                kind = String(value[..<colon])
                value = String(value[value.index(after: colon)...])
            }
            if !elements.isEmpty { gaps.append(pendingGap) }
            pendingGap = 0
            elements.append(try tokenPattern(kind: kind, value: Normalizer.lowercase(value), fail: fail))
        }
        if elements.isEmpty { throw fail("empty phrase") }
        if elements.count == 1 { return .token(elements[0]) }
        return .phrase(elements, gaps: gaps)
    }

    // MARK: quanteda-style dictionary

    /// A quanteda dictionary node: a list of patterns or nested categories.
    indirect enum QuantedaNode: Decodable {
        case patterns([String])
        case nested([(String, QuantedaNode)])

        init(from decoder: any Decoder) throws {
            if let list = try? decoder.singleValueContainer().decode([String].self) {
                self = .patterns(list)
                return
            }
            if let single = try? decoder.singleValueContainer().decode(String.self) {
                self = .patterns([single])
                return
            }
            let c = try decoder.container(keyedBy: AnyKey.self)
            var children: [(String, QuantedaNode)] = []
            for key in c.allKeys {
                children.append((key.stringValue, try c.decode(QuantedaNode.self, forKey: key)))
            }
            self = .nested(children)
        }
    }

    static func loadQuanteda(_ root: Node, file: String) throws -> Codebook {
        let top: QuantedaNode
        do {
            top = try YAMLDecoder().decode(QuantedaNode.self, from: root)
        } catch let e as DecodingError {
            throw decodingError(e, root: root, file: file)
        }
        guard case .nested(let categories) = top else {
            throw located("a quanteda dictionary must be a mapping of categories", root, file)
        }
        var themes: [Theme] = []
        func add(_ name: String, _ node: QuantedaNode, path: [String], yamlNode: Node?) throws {
            switch node {
            case .patterns(let list):
                let id = (path + [name]).joined(separator: ".")
                let tloc = yamlNode.map { location($0, file) }
                let items = yamlNode?.sequence.map(Array.init) ?? []
                var entries: [Entry] = []
                for (k, p) in list.enumerated() {
                    let loc = k < items.count ? location(items[k], file) : tloc
                    let fail: (String) -> FritekstError = { FritekstError(.codebook, $0, file: file, line: loc?.line, position: loc?.column) }
                    let trimmed = p.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty { throw fail("empty pattern in category '\(id)'") }
                    var e = Entry(pattern: try parsePhrase(trimmed, defaultKind: "glob", fail: fail), location: loc)
                    e.location = loc
                    entries.append(e)
                }
                if themes.contains(where: { $0.id == id }) {
                    throw FritekstError(.codebook, "duplicate category '\(id)'", file: file, line: tloc?.line, position: tloc?.column)
                }
                themes.append(Theme(id: id, entries: entries, location: tloc))
            case .nested(let children):
                for (childName, child) in children {
                    try add(childName, child, path: path + [name], yamlNode: yamlNode?.mapping?[childName])
                }
            }
        }
        for (name, node) in categories {
            try add(name, node, path: [], yamlNode: root.mapping?[name])
        }
        return Codebook(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
                        format: .quanteda, themes: themes, file: file)
    }

    // MARK: errors with locations

    static func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    static func located(_ message: String, _ node: Node, _ file: String) -> FritekstError {
        FritekstError(.codebook, message, file: file, line: node.mark?.line, position: node.mark?.column)
    }

    static func node(at path: [any CodingKey], in root: Node) -> Node {
        var current = root
        for key in path {
            if let i = key.intValue, let seq = current.sequence, i < seq.count {
                current = seq[i]
            } else if let m = current.mapping, let next = m[key.stringValue] {
                current = next
            } else {
                break
            }
        }
        return current
    }

    static func decodingError(_ e: DecodingError, root: Node, file: String) -> FritekstError {
        let path: [any CodingKey]
        let message: String
        switch e {
        case .typeMismatch(let type, let ctx):
            path = ctx.codingPath
            message = "expected \(describe(type)) at '\(pathString(ctx.codingPath))'"
        case .valueNotFound(let type, let ctx):
            path = ctx.codingPath
            message = "missing value (\(describe(type))) at '\(pathString(ctx.codingPath))'"
        case .keyNotFound(let key, let ctx):
            path = ctx.codingPath
            message = "missing key '\(key.stringValue)'" + (ctx.codingPath.isEmpty ? "" : " in '\(pathString(ctx.codingPath))'")
        case .dataCorrupted(let ctx):
            path = ctx.codingPath
            message = ctx.debugDescription
        @unknown default:
            path = []
            message = "\(e)"
        }
        let n = node(at: path, in: root)
        return located(message, n, file)
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return name.replacingOccurrences(of: "Model", with: "")
        }
    }

    static func pathString(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    static func yamlError(_ e: YamlError, file: String) -> FritekstError {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return FritekstError(.codebook, "invalid YAML: \(ctx)\(problem)".trimmingCharacters(in: .whitespaces),
                                 file: file, line: mark.line, position: mark.column)
        case .composer(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return FritekstError(.codebook, "invalid YAML: \(ctx)\(problem)", file: file, line: mark.line, position: mark.column)
        default:
            return FritekstError(.codebook, "invalid YAML: \(e)", file: file)
        }
    }
}

extension CodebookLoader {
    /// A one-theme codebook from a pattern given on the command line (`lemma:tiltak`, `digital*`, `tid til ~2 oppfølging`).
    public static func codebook(fromPattern pattern: String, themeID: String = "treff") throws -> Codebook {
        let fail: (String) -> FritekstError = { FritekstError(.usage, "pattern '\(pattern)': \($0)") }
        let trimmed = pattern.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw fail("empty pattern") }
        let entryPattern: EntryPattern
        if trimmed.hasPrefix("regex:") {
            let r = String(trimmed.dropFirst(6))
            do { _ = try NSRegularExpression(pattern: r) } catch { throw fail("invalid regex") }
            entryPattern = .token(.regex(r))
        } else {
            entryPattern = try parsePhrase(trimmed, defaultKind: "glob", fail: fail)
        }
        return Codebook(name: "pattern", format: .fritekst, themes: [Theme(id: themeID, entries: [Entry(pattern: entryPattern)])])
    }
}
