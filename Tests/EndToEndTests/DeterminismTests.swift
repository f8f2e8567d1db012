import Foundation
import FritekstIngest
import FritekstLexicon
import FritekstPipeline
import Testing

@Suite struct DeterminismTests {
    /// Codes do not depend on the number of threads, and runs repeat exactly.
    @Test func codesAreIndependentOfThreadCount() throws {
        let input = JobInput(path: CLI.fixture("Corpora/nav-2019/survey.csv"), mapping: ColumnMapping(id: "id", text: "text"))
        let (responses, _, _) = try JobRunner.readInputs([input], groupBy: [])
        for path in ["Lexicons/nav/quanteda.yaml", "Lexicons/nav/codebook.yaml"] {
            let cb = try JobRunner.loadCodebook(CLI.fixture(path))
            let lemmas = try JobRunner.defaultLemmas(for: cb)
            let one = JobRunner.code(responses, with: try CompiledCodebook(cb, lemmas: lemmas), threads: 1).codings
            let three = JobRunner.code(responses, with: try CompiledCodebook(cb, lemmas: lemmas), threads: 3).codings
            #expect(one.count == responses.count)
            #expect(one == three, "\(path): codes differ between 1 and 3 threads")
            #expect(one.contains { !$0.hits.isEmpty })
        }
    }
}
