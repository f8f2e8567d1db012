import FritekstCoding
import FritekstLexicon
import FritekstPrivacy

/// What `coded.csv` rows print for a codebook, as UTF-8 bytes made once: entry and rule labels, theme ids
/// and which themes are hidden helpers.
public struct EvidenceLabels: Sendable {
    let compiled: CompiledCodebook
    let labels: [[UInt8]]
    let themeIDs: [[UInt8]]
    let hidden: [Bool]

    /// The labels of `compiled`.
    public init(_ compiled: CompiledCodebook) {
        self.compiled = compiled
        let sources = compiled.entries.count + compiled.rules.count
        labels = (0..<sources).map { Array(compiled.label(ofSource: Int32($0)).utf8) }
        themeIDs = compiled.codebook.themes.map { Array($0.id.utf8) }
        hidden = compiled.codebook.themes.map(\.hidden)
    }
}

/// Writes `coded.csv` rows (id, 0/1 flags, evidence) straight into UTF-8 bytes: the same bytes as
/// `CSVWriter.row(_:flags:_:)` given `CodedAnswer.evidence(text:compiled:redacting:)`, without a string per field.
public struct CodedRowWriter: Sendable {
    /// The rows written so far.
    public private(set) var bytes: [UInt8] = []
    private let delimiter: UInt8
    private let labels: EvidenceLabels
    private var scratch: [UInt8] = []

    /// A writer with an ASCII field delimiter.
    public init(delimiter: UInt8, labels: EvidenceLabels, reserve: Int = 0) {
        self.delimiter = delimiter
        self.labels = labels
        bytes.reserveCapacity(reserve)
    }

    /// Appends the row of one answer; `text` is the answer's UTF-8 (what the match ranges point into) and
    /// `spans` its redacted spans.
    public mutating func row(id: String, flags: [Bool], coding: CodedAnswer, text: UnsafeBufferPointer<UInt8>,
                             answer: String, spans: [RedactionSpan]) {
        var id = id
        id.withUTF8 { appendField($0) }
        for f in flags {
            bytes.append(delimiter)
            bytes.append(f ? 0x31 : 0x30)
        }
        bytes.append(delimiter)
        if !spans.isEmpty {
            // Rare: a match may show a redaction marker instead of its words.
            var e = coding.evidence(text: answer, compiled: labels.compiled, redacting: spans)
            e.withUTF8 { appendField($0) }
        } else {
            scratch.removeAll(keepingCapacity: true)
            evidence(coding, text)
            scratch.withUnsafeBufferPointer { appendField($0) }
        }
        bytes.append(0x0A)
    }

    /// Evidence of `coding` into `scratch`: `theme[label «words»; …] | …`, line breaks in the words folded to one space.
    private mutating func evidence(_ coding: CodedAnswer, _ text: UnsafeBufferPointer<UInt8>) {
        var firstTheme = true
        for hit in coding.hits where !hit.viaChildren && !labels.hidden[hit.theme] {
            if !firstTheme { scratch.append(contentsOf: [0x20, 0x7C, 0x20]) }                 // " | "
            firstTheme = false
            scratch.append(contentsOf: labels.themeIDs[hit.theme])
            scratch.append(0x5B)                                                              // [
            for (k, m) in hit.matches.enumerated() {
                if k > 0 { scratch.append(contentsOf: [0x3B, 0x20]) }                         // "; "
                scratch.append(contentsOf: labels.labels[Int(m.entry)])
                scratch.append(contentsOf: [0x20, 0xC2, 0xAB])                                // " «"
                foldedWords(text, Int(m.start), Int(m.end))
                scratch.append(contentsOf: [0xC2, 0xBB])                                      // "»"
            }
            scratch.append(0x5D)                                                              // ]
        }
    }

    /// `text[start..<end]` with each run of line breaks (LF, CR, VT, FF, NEL, LS, PS) between words made one
    /// space and line breaks at the edges dropped.
    private mutating func foldedWords(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var i = start
        var wrote = false
        var pendingSpace = false
        while i < end {
            let b = text[i]
            var newline = 0
            if b >= 0x0A && b <= 0x0D {
                newline = 1
            } else if b == 0xC2, i + 1 < end, text[i + 1] == 0x85 {
                newline = 2
            } else if b == 0xE2, i + 2 < end, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 {
                newline = 3
            }
            if newline > 0 {
                if wrote { pendingSpace = true }
                i += newline
                continue
            }
            if pendingSpace { scratch.append(0x20); pendingSpace = false }
            scratch.append(b)
            wrote = true
            i += 1
        }
    }

    /// Appends one field, quoted when it holds the delimiter, a quote or a line break, or starts or ends with a space.
    private mutating func appendField(_ f: UnsafeBufferPointer<UInt8>) {
        var needs = false
        var quotes = false
        for b in f {
            if b == 0x22 { quotes = true; needs = true; break }
            if b == delimiter || b == 0x0A || b == 0x0D { needs = true }
        }
        if !needs, let first = f.first, let last = f.last { needs = first == 0x20 || last == 0x20 }
        guard needs else { bytes.append(contentsOf: f); return }
        bytes.append(0x22)
        if quotes {
            for b in f {
                bytes.append(b)
                if b == 0x22 { bytes.append(0x22) }
            }
        } else {
            bytes.append(contentsOf: f)
        }
        bytes.append(0x22)
    }
}
