/// One term's keyness in a target group against a reference group.
public struct KeynessRow: Sendable, Equatable {
    /// What is compared, e.g. `employer: statlig vs kommunal`, `role: veileder vs rest`, `theme: tiltak coded vs not`.
    public var comparison: String
    public var target: String
    public var reference: String
    /// `word` or `lemma`.
    public var unit: String
    public var term: String
    /// Raw frequency in the target (a) and in the reference (b), and the token totals (c, d).
    public var a: Int
    public var b: Int
    public var c: Int
    public var d: Int
    /// Respondents in the target and in the reference group.
    public var nTarget: Int
    public var nReference: Int
    /// Log-likelihood G², its χ²(1) p-value, and Hardie's log ratio (effect size, log₂).
    public var g2: Double
    public var pValue: Double
    public var logRatio: Double
}

/// Log-likelihood keyness of terms between two groups of documents.
public enum Keyness {
    /// Keyness of every term occurring at least `minFrequency` times in the two groups together;
    /// keeps the `top` terms with the highest G² relatively more frequent in the target and the
    /// `top` relatively more frequent in the reference, ordered by G² (descending) then term.
    /// `documents[r]` are respondent r's terms; `inTarget[r]` true, false, or nil (in neither group).
    public static func compare(comparison: String, target: String, reference: String, unit: String,
                               documents: [[String]], inTarget: [Bool?], minFrequency: Int = 3, top: Int = 20) -> [KeynessRow] {
        var ids: [String: Int32] = [:]
        var terms: [String] = []
        let idDocs = documents.map { doc in
            doc.map { w -> Int32 in
                if let id = ids[w] { return id }
                let id = Int32(terms.count)
                ids[w] = id
                terms.append(w)
                return id
            }
        }
        return compare(comparison: comparison, target: target, reference: reference, unit: unit, documents: idDocs, terms: terms,
                       inTarget: inTarget, minFrequency: minFrequency, top: top)
    }

    /// The same over documents of term ids (`terms[id]` names a term): counts go into arrays, not string-keyed
    /// dictionaries, so many comparisons over one corpus stay cheap.
    public static func compare(comparison: String, target: String, reference: String, unit: String,
                               documents: [[Int32]], terms: [String], inTarget: [Bool?], minFrequency: Int = 3,
                               top: Int = 20) -> [KeynessRow] {
        var fa = [Int](repeating: 0, count: terms.count), fb = [Int](repeating: 0, count: terms.count)
        var c = 0, d = 0, nt = 0, nr = 0
        for (doc, side) in zip(documents, inTarget) {
            guard let side else { continue }
            if side { nt += 1; c += doc.count; for w in doc { fa[Int(w)] += 1 } } else {
                nr += 1; d += doc.count; for w in doc { fb[Int(w)] += 1 }
            }
        }
        guard c > 0, d > 0 else { return [] }
        var rows: [KeynessRow] = []
        for (id, term) in terms.enumerated() {
            let a = fa[id], b = fb[id]
            guard a + b >= minFrequency, a + b > 0 else { continue }
            let g2 = Statistics.logLikelihood(a: a, b: b, c: c, d: d)
            rows.append(KeynessRow(comparison: comparison, target: target, reference: reference, unit: unit, term: term,
                                   a: a, b: b, c: c, d: d, nTarget: nt, nReference: nr, g2: g2,
                                   pValue: Statistics.chiSquareSurvival(g2, df: 1),
                                   logRatio: Statistics.logRatio(a: a, b: b, c: c, d: d)))
        }
        let order: (KeynessRow, KeynessRow) -> Bool = { $0.g2 != $1.g2 ? $0.g2 > $1.g2 : $0.term < $1.term }
        let over = rows.filter { Double($0.a) * Double(d) > Double($0.b) * Double(c) }.sorted(by: order).prefix(top)
        let under = rows.filter { Double($0.a) * Double(d) < Double($0.b) * Double(c) }.sorted(by: order).prefix(top)
        return (Array(over) + Array(under)).sorted(by: order)
    }
}
