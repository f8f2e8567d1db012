import Foundation
import FritekstCore

/// Writes a codebook as Fritekst YAML, in the schema `CodebookLoader` reads.
///
/// Every string scalar is double-quoted so that no YAML 1.1 reader turns `no`, `nei`, `on` or
/// `yes` into a boolean; optional fields are written only when they differ from their defaults.
public enum CodebookWriter {
    /// The YAML text of `codebook`; `comments` become `#` lines at the top.
    public static func yaml(_ codebook: Codebook, comments: [String] = []) throws -> String {
        var out = ""
        for c in comments {
            for line in c.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.isEmpty ? "#\n" : "# \(line)\n"
            }
        }
        if !comments.isEmpty { out += "\n" }
        out += "codebook:\n"
        out += "  name: \(quote(codebook.name))\n"
        if let v = codebook.version { out += "  version: \(quote(v))\n" }
        out += "\nthemes:\n"
        for theme in codebook.themes {
            out += "\n  - id: \(quote(theme.id))\n"
            if theme.label != theme.id { out += "    label: \(quote(theme.label))\n" }
            if let l = theme.labelEnglish { out += "    label_en: \(quote(l))\n" }
            if let d = theme.definition { out += "    definition: \(quote(d))\n" }
            if let p = theme.parent { out += "    parent: \(quote(p))\n" }
            if theme.minScore != 1 { out += "    min_score: \(number(theme.minScore))\n" }
            if theme.hidden { out += "    hidden: true\n" }
            for (key, list) in [("entries", theme.entries), ("exclude", theme.exclusions)] where !list.isEmpty {
                out += "    \(key):\n"
                for e in list {
                    let (kind, value) = try pattern(e, theme: theme.id)
                    out += "      - \(kind): \(quote(value))\n"
                    if e.weight != 1 { out += "        weight: \(number(e.weight))\n" }
                    if e.caseSensitive { out += "        case_sensitive: true\n" }
                }
            }
            if !theme.rules.isEmpty {
                out += "    rules:\n"
                for r in theme.rules {
                    out += "      - match: \(terms(r.a))\n"
                    out += "        \(r.op.rawValue): \(terms(r.b))\n"
                    if r.window != 5 { out += "        window: \(r.window)\n" }
                    if r.scope != .sentence { out += "        scope: \(quote(r.scope.rawValue))\n" }
                    if r.weight != 1 { out += "        weight: \(number(r.weight))\n" }
                }
            }
        }
        return out
    }

    /// One side of a rule as a YAML flow list: `["lemma:vedtak", "#negasjon", "klage*"]`.
    static func terms(_ list: [RuleTerm]) -> String {
        let items = list.map { term -> String in
            switch term {
            case .theme(let id): return quote("#" + id)
            case .token(let p):
                let (kind, value) = split(p)
                let plain = kind == "glob" && !value.hasPrefix("#")
                    && !["word:", "glob:", "lemma:", "part:", "regex:"].contains { value.hasPrefix($0) }
                return quote(plain ? value : "\(kind):\(value)")
            }
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// The entry key and its text: `word`, `glob`, …, or `phrase` with `kind:` prefixes and `~N` gaps.
    static func pattern(_ e: Entry, theme: String) throws -> (String, String) {
        func fail(_ msg: String) -> FritekstError {
            FritekstError(.codebook, "cannot write entry \(e.label) of theme '\(theme)': \(msg)", file: e.location?.file,
                          line: e.location?.line, position: e.location?.column)
        }
        switch e.pattern {
        case .token(let p):
            let (kind, value) = split(p)
            if kind != "regex", value.contains(where: { $0.isWhitespace }) { throw fail("a single-token pattern cannot contain a space") }
            return (kind, value)
        case .phrase(let elements, let gaps):
            var s = ""
            for (k, el) in elements.enumerated() {
                if k > 0 { s += gaps[k - 1] > 0 ? " ~\(gaps[k - 1]) " : " " }
                let (kind, value) = split(el)
                if kind == "regex" { throw fail("a phrase cannot contain a regex element") }
                if value.isEmpty || value.contains(where: { $0.isWhitespace }) { throw fail("phrase element '\(value)' is empty or has a space") }
                // A glob is the phrase default; write its kind when the bare text would read differently.
                let ambiguous = value.hasPrefix("~") || ["word:", "glob:", "lemma:", "part:"].contains { value.hasPrefix($0) }
                s += kind == "glob" && !ambiguous ? value : "\(kind):\(value)"
            }
            return ("phrase", s)
        }
    }

    /// Kind name and value of a token pattern.
    static func split(_ p: TokenPattern) -> (String, String) {
        switch p {
        case .word(let s): return ("word", s)
        case .glob(let s): return ("glob", s)
        case .lemma(let s): return ("lemma", s)
        case .part(let s): return ("part", s)
        case .regex(let s): return ("regex", s)
        }
    }

    /// A YAML double-quoted scalar (a JSON string literal is one).
    public static func quote(_ s: String) -> String { JSONText.quote(s) }

    /// A number as YAML: integers without a decimal point, others in Swift's shortest form.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let s = "\(x)"
        return s.contains(".") || s.contains("e") ? s : s + ".0"
    }
}
