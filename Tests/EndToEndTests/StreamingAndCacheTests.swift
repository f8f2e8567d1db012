import Foundation
import FritekstCore
import FritekstIngest
import FritekstPipeline
import FritekstText
import Testing

@Suite struct StreamingAndCacheTests {
    static let survey = CLI.fixture("Corpora/nav-2019/survey.csv")

    func job(_ codebook: String, outputs: [JobOutput], out: String, input: String = survey) -> CodingJob {
        CodingJob(inputs: [JobInput(path: input, mapping: ColumnMapping(id: "id", text: "text"), wave: "2019")],
                  codebookPath: codebook, groupBy: ["role", "employer"], outputDirectory: out, outputs: outputs,
                  reproducible: true, minCell: 0)
    }

    func read(_ dir: String, _ name: String) throws -> String {
        try String(contentsOfFile: (dir as NSString).appendingPathComponent(name), encoding: .utf8)
    }

    /// Tokenising a batch on several threads gives the ids, tokens and vocabulary of one interner fed answer by answer.
    @Test func parallelInterningGivesTheSerialIds() throws {
        let tokenizer = Tokenizer(mode: .norwegian, knownWord: { $0 == "arbeidsevnevurdering" })
        var texts: [String] = []
        let pieces = ["Vi må gjøre arbeids-\nevnevurdering på NAV-\nkontoret.", "Æ, ø og å: «Brukerne» får oppfølging i dag.",
                      "Me har fått nye oppgåver – dei tek mykje tid!", "", "Tiltaksplassene 3,5 % f.eks. i 2019.",
                      "NAVs digitale aktivitetsplan ble ikkje brukt", "   "]
        for k in 0..<900 { texts.append(pieces[k % pieces.count] + (k % 11 == 0 ? " ord\(k)" : "")) }
        var serial = Interner()
        var expected: [[Token]] = []
        for t in texts {
            var tokens: [Token] = []
            serial.tokens(of: t, tokenizer: tokenizer, into: &tokens)
            expected.append(tokens)
        }
        for threads in [1, 2, 3, 8] {
            var parallel = Interner()
            // Two batches: the second sees the first one's surfaces in the shared table.
            let got = parallel.tokens(of: Array(texts[..<400]), tokenizer: tokenizer, threads: threads)
                + parallel.tokens(of: Array(texts[400...]), tokenizer: tokenizer, threads: threads)
            #expect(got == expected, "\(threads) threads")
            #expect(parallel.vocabulary.types == serial.vocabulary.types, "\(threads) threads")
        }
        #expect(serial.vocabulary.id(of: "arbeidsevnevurdering") != nil)
        #expect(serial.vocabulary.id(of: "nav-kontoret") != nil)
    }

    /// A streamed run (counts only) writes the same tables as a run that keeps every answer, for any
    /// batch size and thread count.
    @Test func streamedRunEqualsInMemoryRun() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cb = CLI.fixture("Lexicons/nav/codebook.yaml")
        let tables: [JobOutput] = [.codedCSV, .crosstabCSV, .cooccurrenceCSV, .wavesCSV, .codedExcelCSV]
        let streamed = try JobRunner.run(job(cb, outputs: tables, out: dir + "/a"), threads: 1, batchRows: 97)
        let kept = try JobRunner.run(job(cb, outputs: tables + [.quotesCSV], out: dir + "/b"), threads: 3, batchRows: 5000)
        for name in tables.map(\.rawValue) {
            #expect(try read(dir + "/a", name) == read(dir + "/b", name), "\(name) differs")
        }
        #expect(streamed.accounting == kept.accounting)
        #expect(streamed.codedPerTheme == kept.codedPerTheme)
        #expect(streamed.accounting.rowsRead == 1745)
        #expect(try read(dir + "/a", "coded.csv").split(separator: "\n").count == 1746)
        #expect(streamed.codedPerTheme.reduce(0, +) > 100)
    }

    /// An unchanged re-run copies its outputs; a changed codebook codes the stored tokens and gives what a
    /// run without the cache gives; a changed input is read again.
    @Test func cacheReusesResultsThenTokens() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let input = dir + "/svar.csv", cb1 = dir + "/kodebok.yaml", cb2 = dir + "/kodebok2.yaml"
        try FileManager.default.copyItem(atPath: Self.survey, toPath: input)
        let original = try String(contentsOfFile: CLI.fixture("Lexicons/nav/codebook.yaml"), encoding: .utf8)
        try original.write(toFile: cb1, atomically: true, encoding: .utf8)
        // The second codebook's lemma entries match nothing: the same tokens, other codes.
        let changed = original.replacingOccurrences(of: "lemma: \"", with: "lemma: \"zq")
        #expect(changed != original)
        try changed.write(toFile: cb2, atomically: true, encoding: .utf8)
        let outputs: [JobOutput] = [.codedCSV, .crosstabCSV, .quotesCSV]
        func cached(_ cb: String, _ out: String) -> CodingJob {
            var j = job(cb, outputs: outputs, out: out, input: input)
            j.cacheDirectory = dir + "/cache"
            return j
        }
        let first = try JobRunner.run(cached(cb1, dir + "/o1"))
        #expect(first.reused == nil)
        let second = try JobRunner.run(cached(cb1, dir + "/o2"))
        #expect(second.reused == .results)
        #expect(second.codedPerTheme == first.codedPerTheme)
        for o in outputs { #expect(try read(dir + "/o1", o.rawValue) == read(dir + "/o2", o.rawValue)) }

        let third = try JobRunner.run(cached(cb2, dir + "/o3"))
        #expect(third.reused == .tokens)
        _ = try JobRunner.run(job(cb2, outputs: outputs, out: dir + "/o4", input: input))
        for o in outputs { #expect(try read(dir + "/o3", o.rawValue) == read(dir + "/o4", o.rawValue), "\(o.rawValue)") }
        #expect(try read(dir + "/o3", "coded.csv") != read(dir + "/o1", "coded.csv"))
        #expect(third.accounting == first.accounting)

        // One more row: nothing stored fits.
        let handle = try #require(FileHandle(forWritingAtPath: input))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("NY1,veileder,statlig,Kontor X,Vi trenger mer opplæring i tiltak.\n".utf8))
        try handle.close()
        let header = try String(contentsOfFile: input, encoding: .utf8).prefix { $0 != "\n" }
        let fourth = try JobRunner.run(cached(cb1, dir + "/o5"))
        #expect(fourth.reused == nil, "header: \(header)")
        #expect(fourth.accounting.rowsRead + fourth.accounting.skipped.count >= 1746)
    }

    /// A cache directory the tool creates is its owner's only (token entries hold every word, names
    /// included); one that exists keeps its permissions; a file in its place is a clear error.
    @Test func newCacheDirectoryIsPrivate() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func cached(_ cache: String, _ out: String) -> CodingJob {
            var j = job(CLI.fixture("Lexicons/nav/codebook.yaml"), outputs: [.codedCSV], out: out)
            j.cacheDirectory = cache
            return j
        }
        func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        _ = try JobRunner.run(cached(dir + "/ny/cache", dir + "/o1"))
        #expect(try mode(dir + "/ny/cache") == 0o700)
        let shared = dir + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        _ = try JobRunner.run(cached(shared, dir + "/o2"))
        #expect(try mode(shared) == 0o750)
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/fil"))
        #expect(throws: FritekstError.self) { _ = try JobRunner.run(cached(dir + "/fil", dir + "/o3")) }
    }

    /// A cut-short token entry or a results entry missing a file is not used: the inputs are read again and
    /// every row is coded.
    @Test func damagedCacheEntriesAreNotUsed() throws {
        let dir = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cb = CLI.fixture("Lexicons/nav/quanteda.yaml")
        func cached(_ out: String) -> CodingJob {
            var j = job(cb, outputs: [.codedCSV, .crosstabCSV], out: out)
            j.cacheDirectory = dir + "/cache"
            return j
        }
        _ = try JobRunner.run(cached(dir + "/o1"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")
        let tokens = try #require(entries.first { $0.hasPrefix("tokens-") })
        let results = try #require(entries.first { $0.hasPrefix("results-") })
        // Results without crosstab.csv; tokens cut short by one byte.
        try FileManager.default.removeItem(atPath: "\(dir)/cache/\(results)/crosstab.csv")
        let rows = "\(dir)/cache/\(tokens)/rows.bin"
        let data = try Data(contentsOf: URL(fileURLWithPath: rows))
        try data.dropLast().write(to: URL(fileURLWithPath: rows))
        let again = try JobRunner.run(cached(dir + "/o2"))
        #expect(again.reused == nil)
        #expect(try read(dir + "/o2", "coded.csv") == read(dir + "/o1", "coded.csv"))
        #expect(try read(dir + "/o2", "crosstab.csv") == read(dir + "/o1", "crosstab.csv"))
        // The second run replaced both entries: a third run reuses its results.
        #expect(try JobRunner.run(cached(dir + "/o3")).reused == .results)
    }
}
