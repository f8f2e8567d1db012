import Foundation
import Logging

/// Terminal helpers of the command line: progress on stderr and the swift-log logger.
enum Console {
    /// A progress callback that prints rows, rows/s and ETA on stderr when stderr is a terminal and the run
    /// has taken more than two seconds; nil otherwise.
    static func progress() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        let started = Date()
        return { done, total in
            let elapsed = Date().timeIntervalSince(started)
            guard elapsed > 2 else { return }
            let rate = Double(done) / max(elapsed, 0.001)
            let eta = rate > 0 ? Double(total - done) / rate : 0
            let line = String(format: "\r  coding %d/%d rows  %.0f rows/s  ETA %.0f s   ", done, total, rate, eta)
            FileHandle.standardError.write(Data(line.utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }

    /// A logger to stderr: debug level with `--verbose`, warnings otherwise.
    static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "fritekst") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
