import Foundation

/// Writes a set of output files so that either all of them appear or none does.
///
/// Files are written into a hidden staging directory beside the target directory and moved
/// into place only by `commit()`; an error before that leaves the target untouched.
public final class StagedOutput {
    /// The directory the files end up in.
    public let directory: URL
    /// The staging directory files are written to first.
    public let staging: URL
    private var names: [String] = []
    private var committed = false

    /// Prepares a staging area for `directory`.
    public init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            // Found before any work is done, not when the finished outputs are moved into place.
            throw FritekstError(.output, "output directory is an existing file", file: directory)
        }
        let parent = self.directory.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw FritekstError(.output, "cannot create directory: \(error.localizedDescription)", file: parent.path)
        }
        staging = parent.appendingPathComponent(".\(self.directory.lastPathComponent).staging-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw FritekstError(.output, "cannot create staging directory: \(error.localizedDescription)", file: staging.path)
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Path inside the staging area for `name`; the file must be written there before `commit()`.
    public func path(for name: String) -> String {
        if !names.contains(name) { names.append(name) }
        return staging.appendingPathComponent(name).path
    }

    /// Writes bytes to `name` in the staging area.
    public func write(_ data: Data, to name: String) throws {
        let p = path(for: name)
        do { try data.write(to: URL(fileURLWithPath: p)) } catch {
            throw FritekstError(.output, "cannot write: \(error.localizedDescription)", file: p)
        }
    }

    /// Moves every staged file into the target directory (each by an atomic rename) and removes the staging area.
    public func commit() throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            for name in names {
                let src = staging.appendingPathComponent(name)
                let dst = directory.appendingPathComponent(name)
                if rename(src.path, dst.path) != 0 {
                    throw FritekstError(.output, "cannot move output into place: \(String(cString: strerror(errno)))", file: dst.path)
                }
            }
            try fm.removeItem(at: staging)
            committed = true
        } catch let e as FritekstError {
            throw e
        } catch {
            throw FritekstError(.output, "cannot finish output: \(error.localizedDescription)", file: directory.path)
        }
    }
}

/// Writes one file atomically (temporary file in the same directory, then rename).
public func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    do {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        try data.write(to: tmp)
        if rename(tmp.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: tmp)
            throw FritekstError(.output, "cannot move output into place: \(String(cString: strerror(errno)))", file: path)
        }
    } catch let e as FritekstError {
        throw e
    } catch {
        throw FritekstError(.output, "cannot write: \(error.localizedDescription)", file: path)
    }
}
