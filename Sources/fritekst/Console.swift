import Foundation
import FritekstPipeline
import Logging

/// Terminal helpers of the command line: progress on stderr and the swift-log logger.
enum Console {
    /// A progress callback that prints rows, rows/s and the ETA (from the share of input read) on stderr
    /// when stderr is a terminal and the run has taken more than two seconds; nil otherwise.
    static func progress() -> (@Sendable (JobProgress) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        let started = Date()
        return { p in
            let elapsed = Date().timeIntervalSince(started)
            guard elapsed > 2 else { return }
            let rate = Double(p.rows) / max(elapsed, 0.001)
            let eta = p.fractionRead > 0 ? elapsed * (1 - p.fractionRead) / p.fractionRead : 0
            let line = String(format: "\r  coded %d rows  %.0f rows/s  %3.0f %% read  ETA %.0f s   ", p.rows, rate,
                              100 * p.fractionRead, eta)
            FileHandle.standardError.write(Data(line.utf8))
            if p.finished { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }

    /// A logger to stderr: debug level with `--verbose`, warnings otherwise.
    static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "fritekst") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
