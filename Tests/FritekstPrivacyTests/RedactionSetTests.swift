import Foundation
import FritekstPrivacy
import Testing

/// The team's redaction test set (Resources/redaction-cases.tsv): kind, text, expected redacted text.
struct RedactionCase {
    var line: Int
    var kind: String
    var text: String
    var expected: String
}

enum RedactionSet {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")

    /// User names the set's `bruker` cases rely on.
    static let userNames = "Tordis Aalvik\nSnøfrid\nNav Fjellvik\nFjellvik\nHalvorsrud\n"

    static func load() throws -> [RedactionCase] {
        let text = try String(contentsOf: directory.appendingPathComponent("redaction-cases.tsv"), encoding: .utf8)
        var out: [RedactionCase] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where n > 0 && !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(f.count == 3, "redaction-cases.tsv:\(n + 1): expected 3 columns")
            out.append(RedactionCase(line: n + 1, kind: f[0], text: f[1], expected: f[2]))
        }
        return out
    }

    static let markerKinds: [(String, RedactionKind)] = RedactionKind.allCases.map { ($0.marker, $0) }

    /// The spans the expected text implies: it is the text with some stretches replaced by markers.
    static func expectedSpans(text: String, expected: String) -> [RedactionSpan]? {
        // Split the expected text into literal pieces and markers.
        var literals: [[UInt8]] = [[]]
        var kinds: [RedactionKind] = []
        let e = Array(expected.utf8)
        var i = 0
        outer: while i < e.count {
            if e[i] == UInt8(ascii: "[") {
                for (m, k) in markerKinds {
                    let mb = Array(m.utf8)
                    if i + mb.count <= e.count, Array(e[i..<(i + mb.count)]) == mb {
                        kinds.append(k)
                        literals.append([])
                        i += mb.count
                        continue outer
                    }
                }
            }
            literals[literals.count - 1].append(e[i])
            i += 1
        }
        let t = Array(text.utf8)
        func starts(_ at: Int, _ lit: [UInt8]) -> Bool {
            at + lit.count <= t.count && Array(t[at..<(at + lit.count)]) == lit
        }
        // Backtracking alignment: every marker covers at least one byte.
        func align(_ k: Int, _ pos: Int) -> [RedactionSpan]? {
            if k == kinds.count { return pos == t.count ? [] : nil }
            let lit = literals[k + 1]
            let isLast = k + 1 == kinds.count
            var end = pos + 1
            while end <= t.count {
                if starts(end, lit), !isLast || end + lit.count == t.count {
                    if let rest = align(k + 1, end + lit.count) {
                        return [RedactionSpan(kind: kinds[k], start: pos, end: end)] + rest
                    }
                }
                end += 1
            }
            return nil
        }
        guard starts(0, literals[0]) else { return nil }
        return align(0, literals[0].count)
    }
}

@Suite struct RedactionSetTests {
    static func redactor() -> Redactor {
        var names = NameLists.shipped
        names.addUserNames(RedactionSet.userNames)
        return Redactor(names: names)
    }

    @Test func setIsLargeAndWellFormed() throws {
        let cases = try RedactionSet.load()
        #expect(cases.count >= 300)
        #expect(cases.filter { $0.kind == "neg" }.count >= 60)
        for c in cases {
            #expect(RedactionSet.expectedSpans(text: c.text, expected: c.expected) != nil, "line \(c.line): expected text does not align")
        }
    }

    @Test func recallAndPrecisionPerKind() throws {
        let cases = try RedactionSet.load()
        let r = Self.redactor()
        var tp = [RedactionKind: Int](), fp = [RedactionKind: Int](), fn = [RedactionKind: Int]()
        var exact = 0
        var failures: [String] = []
        for c in cases {
            guard let want = RedactionSet.expectedSpans(text: c.text, expected: c.expected) else { continue }
            let got = r.redact(c.text)
            if got.text == c.expected { exact += 1 } else { failures.append("line \(c.line) [\(c.kind)]\n  got:  \(got.text)\n  want: \(c.expected)") }
            let wantSet = Set(want), gotSet = Set(got.spans)
            for s in gotSet { if wantSet.contains(s) { tp[s.kind, default: 0] += 1 } else { fp[s.kind, default: 0] += 1 } }
            for s in wantSet where !gotSet.contains(s) { fn[s.kind, default: 0] += 1 }
        }
        var report = ["redaction test set: \(cases.count) cases, \(exact) redacted exactly as expected",
                      "kind     expected  found  correct  recall  precision"]
        var recall: [RedactionKind: Double] = [:], precision: [RedactionKind: Double] = [:]
        for k in RedactionKind.allCases {
            let t = tp[k] ?? 0, p = t + (fp[k] ?? 0), e = t + (fn[k] ?? 0)
            recall[k] = e > 0 ? Double(t) / Double(e) : 1
            precision[k] = p > 0 ? Double(t) / Double(p) : 1
            report.append(k.description.padding(toLength: 8, withPad: " ", startingAt: 0)
                          + String(format: " %8d  %5d  %7d  %5.1f %%  %7.1f %%", e, p, t, 100 * recall[k]!, 100 * precision[k]!))
        }
        print(report.joined(separator: "\n"))
        if !failures.isEmpty { print("cases not redacted exactly as expected:\n" + failures.joined(separator: "\n")) }
        #expect(recall[.fnr]! >= 0.99)
        #expect(recall[.tlf]! >= 0.99)
        #expect(recall[.epost]! >= 0.99)
        #expect(recall[.navn]! >= 0.90)
        for k in RedactionKind.allCases { #expect(precision[k]! >= 0.95, "precision for \(k)") }
        // Every kind is exercised.
        for k in RedactionKind.allCases { #expect((tp[k] ?? 0) + (fn[k] ?? 0) >= 10, "too few \(k) cases") }
    }
}
