import Foundation
import FritekstCore
import FritekstPipeline
import FritekstText

// Benchmarks (not tests): generated survey corpora, stage by stage and end to end.
// Usage: fritekst-bench [text-mb N] | [job ROWS...] | [cache ROWS...]   (release build: swift run -c release fritekst-bench)

/// Deterministic generator of survey-like answers from the bundled corpus's answers.
struct CorpusGenerator {
    let sentences: [String]
    var rng: SplitMix64

    init(seedCorpus: String, seed: UInt64 = 7) throws {
        var all: [String] = []
        let text = try String(contentsOfFile: seedCorpus, encoding: .utf8)
        // Cheap sentence harvest: split the whole file on sentence ends; keep pieces with letters.
        for piece in text.split(whereSeparator: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" }) {
            let s = piece.trimmingCharacters(in: .whitespaces)
            if s.count > 20 && !s.contains(",R0") && !s.hasPrefix("id,") && !s.contains("\"") { all.append(s) }
        }
        sentences = all
        rng = SplitMix64(seed: seed)
    }

    mutating func answer() -> String {
        let n = Int(rng.next() % 6) + 1
        var parts: [String] = []
        for _ in 0..<n { parts.append(sentences[Int(rng.next() % UInt64(sentences.count))] + ".") }
        return parts.joined(separator: rng.next() % 7 == 0 ? "\n" : " ")
    }
}

func peakRSSMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let seedCorpus = root.appendingPathComponent("Corpora/nav-2019/survey.csv").path
let args = Array(CommandLine.arguments.dropFirst())

func textStage(megabytes: Int) throws {
    var gen = try CorpusGenerator(seedCorpus: seedCorpus)
    var answers: [String] = []
    var bytes = 0
    while bytes < megabytes * 1_000_000 { let a = gen.answer(); bytes += a.utf8.count; answers.append(a) }
    for mode in [TokenizerMode.quanteda, .norwegian] {
        var interner = Interner()
        let tokenizer = Tokenizer(mode: mode)
        var tokens: [Token] = []
        var count = 0
        let t0 = Date()
        for a in answers {
            tokens.removeAll(keepingCapacity: true)
            interner.tokens(of: a, tokenizer: tokenizer, into: &tokens)
            count += tokens.count
        }
        let s = Date().timeIntervalSince(t0)
        print(String(format: "text stage %@: %d answers, %.1f MB, %d tokens, %d surface forms, %d types: %.3f s, %.0f MB/s, %.0f k answers/s, peak RSS %.0f MB",
                     mode.rawValue, answers.count, Double(bytes) / 1e6, count, interner.surfaceCount, interner.vocabulary.count, s,
                     Double(bytes) / 1e6 / s, Double(answers.count) / s / 1000, peakRSSMB()))
    }
}

/// The `fritekst code` job the benchmarks time: coded.csv and crosstab.csv by role and employer.
func codeJob(input: String, codebook: String, out: String) -> CodingJob {
    CodingJob(inputs: [JobInput(path: input, mapping: .init(id: "id", text: "text"))],
              codebookPath: codebook, groupBy: ["role", "employer"], outputDirectory: out,
              outputs: [.codedCSV, .crosstabCSV], reproducible: true, lemmaProvider: nil)
}

func job(rows: Int, codebook: String) throws {
    var gen = try CorpusGenerator(seedCorpus: seedCorpus)
    let dir = root.appendingPathComponent("Benchmarks/corpora").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = "\(dir)/bench-\(rows).csv"
    if !FileManager.default.fileExists(atPath: path) {
        var out = "id,role,employer,text\n"
        let roles = ["veileder", "kontorleder", "fagansvarlig", "annet", "mellomleder", "merkantil"]
        for i in 0..<rows {
            let a = gen.answer().replacingOccurrences(of: "\"", with: "\"\"")
            out += "B\(i),\(roles[i % roles.count]),\(i % 5 < 3 ? "statlig" : "kommunal"),\"\(a)\"\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    let t0 = Date()
    let summary = try JobRunner.run(codeJob(input: path, codebook: codebook, out: "\(dir)/out-\(rows)"))
    let s = Date().timeIntervalSince(t0)
    print(String(format: "job %@ %d rows (%.1f MB): %.2f s, %.0f rows/s, %.1f MB/s, peak RSS %.0f MB, answered %d",
                 (codebook as NSString).lastPathComponent, rows, size / 1e6, s, Double(rows) / s, size / 1e6 / s, peakRSSMB(),
                 summary.accounting.answered))
    print("    stages: " + summary.stageSeconds.map { String(format: "%@ %.2f s", $0.0, $0.1) }.joined(separator: ", "))
}

/// A cold run that fills the cache, an unchanged re-run (results reused) and a run with a changed codebook
/// (tokens reused), with the NAV codebook.
func cache(rows: Int) throws {
    let dir = root.appendingPathComponent("Benchmarks/corpora").path
    let path = "\(dir)/bench-\(rows).csv"
    if !FileManager.default.fileExists(atPath: path) { try job(rows: rows, codebook: root.appendingPathComponent("Lexicons/nav/quanteda.yaml").path) }
    let cacheDir = "\(dir)/cache-\(rows)"
    try? FileManager.default.removeItem(atPath: cacheDir)
    let original = root.appendingPathComponent("Lexicons/nav/codebook.yaml").path
    let changed = "\(dir)/codebook-changed.yaml"
    try (String(contentsOfFile: original, encoding: .utf8) + "\n# changed by fritekst-bench\n").write(toFile: changed, atomically: true, encoding: .utf8)
    for (label, codebook) in [("cold (fills the cache)", original), ("unchanged", original), ("changed codebook", changed)] {
        var j = codeJob(input: path, codebook: codebook, out: "\(dir)/out-cache-\(rows)")
        j.cacheDirectory = cacheDir
        let t0 = Date()
        let summary = try JobRunner.run(j)
        print(String(format: "cache %@ %d rows: %.2f s (reused: %@), peak RSS %.0f MB", label, rows, Date().timeIntervalSince(t0),
                     summary.reused?.rawValue ?? "nothing", peakRSSMB()))
    }
}

do {
    if args.first == "cache" {
        for n in args.dropFirst().compactMap({ Int($0) }) { try cache(rows: n) }
    } else if args.first == "text-mb" {
        try textStage(megabytes: Int(args.dropFirst().first ?? "50") ?? 50)
    } else {
        let sizes = args.first == "job" ? args.dropFirst().compactMap { Int($0) } : [10_000, 100_000, 1_000_000]
        for n in sizes {
            for cb in ["Lexicons/nav/quanteda.yaml", "Lexicons/nav/codebook.yaml"] {
                try job(rows: n, codebook: root.appendingPathComponent(cb).path)
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("fritekst-bench: \(error)\n".utf8))
    exit(1)
}
