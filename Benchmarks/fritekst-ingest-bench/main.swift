// Measures CSV ingest: MB/s and peak RSS, streaming rows (bounded memory) or collecting the whole table.
// Usage: fritekst-ingest-bench FILE [--table]
import Foundation
import FritekstCore
import FritekstIngest

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports KiB
}

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write(Data("usage: fritekst-ingest-bench FILE [--table]\n".utf8))
    exit(64)
}
let path = args[1]
let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_000_000
let started = Date()
do {
    var rows = 0
    var answered = 0
    var skipped = 0
    if args.contains("--table") {
        let r = try CSVReader.read(path: path)
        rows = r.table.rows.count
        let t = r.table.columnIndex("text")
        answered = t.map { k in r.table.rows.reduce(0) { $0 + ($1[k].isEmpty ? 0 : 1) } } ?? 0
        skipped = r.accounting.skipped.count
    } else {
        let stream = try CSVStream(path: path)
        let t = stream.header.firstIndex(of: "text")
        while let (fields, _) = try stream.next() {
            rows += 1
            if let t, !fields[t].isEmpty { answered += 1 }
        }
        skipped = stream.accounting.skipped.count
    }
    let seconds = Date().timeIntervalSince(started)
    print(String(format: "%@: %.1f MB, %d rows (%d answered, %d skipped) in %.2f s = %.1f MB/s, %.0f rows/s, peak RSS %.1f MB",
                 args.contains("--table") ? "table" : "stream", size, rows, answered, skipped, seconds, size / seconds,
                 Double(rows) / seconds, peakRSSMegabytes()))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(3)
}
