import Foundation
import Testing

/// Every file in Tests/Fixtures/malformed/ run through `fritekst code`, with the outcome stated in EXPECTED.tsv.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var args: [String]
        var exit: Int32
        var fragment: String
        var output: Bool
        var testDescription: String { "\(file) \(args.joined(separator: " "))" }
    }

    static let directory = "Tests/Fixtures/malformed"

    static func cases() -> [Case] {
        let path = CLI.fixture("\(directory)/EXPECTED.tsv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let exit = Int32(f[2]) else { return nil }
            return Case(file: f[0], args: f[1].split(separator: " ").map(String.init), exit: exit, fragment: f[3], output: f[4] == "yes")
        }
    }

    @Test func manifestCoversEveryFileAndHasThirtyOrMore() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.fixture(Self.directory))
            .filter { $0 != "EXPECTED.tsv" }
        let listed = Set(Self.cases().map(\.file))
        #expect(files.count >= 30)
        #expect(Set(files) == listed, "files without an expected outcome: \(Set(files).subtracting(listed).sorted())")
    }

    @Test(arguments: MalformedInputTests.cases())
    func documentedOutcome(_ c: Case) throws {
        let out = CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.run(["code", "\(Self.directory)/\(c.file)", "--codebook", "Tests/Fixtures/small/dict.yaml",
                             "--out", out, "--quiet"] + c.args)
        #expect(r.status == c.exit, "stderr: \(r.stderr)")
        #expect(r.stderr.contains(c.fragment), "stderr: \(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out) == c.output)
        if c.exit != 0 {
            #expect(r.stderr.hasPrefix("fritekst: error: "), "one clear error line")
            #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
        } else {
            #expect(r.stderr.contains("fritekst: rows read:"))
        }
    }
}
