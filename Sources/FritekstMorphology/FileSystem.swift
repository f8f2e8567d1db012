#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// True when a file exists at `path` (checked with `access(2)`).
func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
}
