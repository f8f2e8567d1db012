/// One suggestion for growing a codebook.
public struct SuggestionRow: Sendable, Equatable {
    /// What kind of suggestion this is.
    public enum Kind: String, Sendable {
        /// A frequent word no single-token entry of any theme matches.
        case uncovered
        /// A frequent lemma or compound part of uncovered words (needs morphology).
        case uncoveredPart = "uncovered_part"
        /// A word over-represented in the answers coded for a theme (G² coded vs not coded).
        case associated
        /// A word in the corpus spelled almost like an existing entry, not matched by it.
        case variant
    }
    public var kind: Kind
    /// The theme concerned (empty for `uncovered` and `uncovered_part`).
    public var theme: String
    public var term: String
    /// Occurrences and answers containing the term.
    public var count: Int
    public var answers: Int
    /// G² for `associated`, edit distance for `variant`, answers for the others.
    public var score: Double
    /// Detail: the entry a variant is close to, whether an associated word is already covered, example words of a part.
    public var detail: String

    /// Creates a row.
    public init(kind: Kind, theme: String, term: String, count: Int, answers: Int, score: Double, detail: String) {
        self.kind = kind; self.theme = theme; self.term = term; self.count = count; self.answers = answers
        self.score = score; self.detail = detail
    }
}

/// Edit distances for spelling variants.
public enum EditDistance {
    /// Optimal-string-alignment (restricted Damerau–Levenshtein) distance over characters:
    /// insertions, deletions, substitutions and transpositions of neighbours each cost 1.
    public static func osa(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    /// Distance allowed for a literal of this length: 1 from 5 characters, 2 from 9; 0 below 5.
    public static func allowed(forLength n: Int) -> Int { n >= 9 ? 2 : n >= 5 ? 1 : 0 }

    /// Distance of `word` to an entry literal: the whole word for an exact literal; for a prefix
    /// literal (a glob ending in `*`), the closest prefix of `word` within one character of its length.
    public static func distance(_ word: String, toLiteral literal: String, isPrefix: Bool) -> Int {
        guard isPrefix else { return osa(word, literal) }
        let w = Array(word), n = literal.count
        var best = Int.max
        for len in max(1, n - 1)...(n + 1) where len <= w.count {
            best = min(best, osa(String(w[0..<len]), literal))
        }
        return best
    }
}

/// Common Norwegian function words (bokmål and nynorsk), left out of the frequency suggestions.
public enum Stopwords {
    /// The list, lower-cased.
    public static let norwegian: Set<String> = [
        "alle", "alt", "andre", "at", "av", "bare", "ble", "blei", "bli", "blir", "blitt", "både", "da", "dag", "de", "dei", "deg",
        "dem", "den", "denne", "der", "dere", "deres", "det", "dette", "di", "din", "disse", "ditt", "du", "då", "eg", "ein", "eit",
        "eitt", "eller", "elles", "ellers", "en", "ene", "eneste", "enhver", "enn", "er", "et", "ett", "etter", "for", "fordi", "fra",
        "frå", "få", "får", "før", "ganske", "gjennom", "gjer", "gjere", "gjør", "gjøre", "god", "godt", "ha", "hadde", "han", "hans",
        "har", "hennar", "henne", "hennes", "her", "hjå", "ho", "hoss", "hossen", "hun", "hva", "hvem", "hver", "hvilke", "hvilken",
        "hvis", "hvor", "hvordan", "hvorfor", "i", "ikke", "ikkje", "ingen", "inkje", "inn", "innan", "inni", "ja", "jeg", "kan",
        "kom", "korleis", "korso", "kun", "kunne", "kva", "kvar", "kvarhelst", "kven", "kvi", "kvifor", "lik", "litt", "man", "mange",
        "me", "med", "medan", "meg", "meget", "mellom", "men", "mer", "meir", "mest", "mi", "min", "mine", "mitt", "mot", "mykje",
        "må", "måtte", "ned", "nei", "no", "noe", "noen", "noka", "noko", "nokon", "nokor", "nokre", "nå", "når", "og", "også", "om",
        "opp", "oss", "over", "på", "samme", "same", "seg", "selv", "si", "sia", "sidan", "siden", "sin", "sine", "sitt", "sjøl",
        "skal", "skulle", "slik", "so", "som", "somme", "somt", "så", "sånn", "til", "um", "upp", "ut", "uten", "utan", "var", "vart",
        "varte", "ved", "vere", "verte", "vi", "vil", "ville", "vore", "vors", "vort", "vår", "være", "vært", "å", "mye", "veldig",
        "helt", "ofte", "svært", "blant", "mindre", "flere", "fleire", "hele", "heile", "ennå", "enda", "jo", "vel", "kanskje",
    ]
}
