import FritekstAnalysis
import FritekstCoding
import FritekstCore
import FritekstLexicon
import FritekstPrivacy

extension CodedAnswer {
    /// Evidence as `evidence(text:compiled:)` gives it, with matched text redacted: a match that
    /// overlaps a redacted span shows the span's marker instead of its words.
    public func evidence(text: String, compiled: CompiledCodebook, redacting spans: [RedactionSpan]) -> String {
        if spans.isEmpty { return evidence(text: text, compiled: compiled) }
        return evidence(text: text, compiled: compiled) { Redactor.apply(spans, to: text, range: $0) }
    }
}

/// What the outputs need to protect respondents: redaction spans per answer and the small-cell threshold.
public struct Disclosure: Sendable {
    /// Redacted spans per response (same order as the responses); empty lists when nothing was found.
    public var spans: [[RedactionSpan]]
    /// Cells under this count are hidden (`--min-cell`); 0 or 1 hides nothing.
    public var minCell: Int
    /// Per response: true when its group's size is hidden (`AnalysisOutputs.hiddenGroupSizes`), so its group values are not shown next to its answer.
    public var hideGroupValues: [Bool]

    /// Creates the settings.
    public init(spans: [[RedactionSpan]], minCell: Int, hideGroupValues: [Bool]) {
        self.spans = spans
        self.minCell = minCell
        self.hideGroupValues = hideGroupValues
    }

    /// Text shown in place of the group values of a respondent in a hidden group.
    public var smallGroupLabel: String { "(skjult: gruppe under \(minCell))" }
}
