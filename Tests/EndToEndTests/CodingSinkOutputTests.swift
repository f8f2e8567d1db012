import Foundation
import FritekstCore
@testable import FritekstPipeline
import Testing

/// A failed write of an output (a full disk) must name the file, not surface as a bare system error.
@Suite struct CodingSinkOutputTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDiskNamesTheOutputFile() throws {
        let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? handle.close() }
        let output = CodingSink.Output(handle: handle, path: "ut/coded.csv")
        let row = Array("r1,1,0,tiltak[part:tiltak «tiltaksplassene»]\n".utf8)
        do {
            try output.write(row)
            Issue.record("writing to /dev/full succeeded")
        } catch let error as FritekstError {
            #expect(error.file == "ut/coded.csv")
            #expect(error.message.hasPrefix("cannot write output file ("))
            #expect(error.description.contains("ut/coded.csv"))
        }
    }
}
