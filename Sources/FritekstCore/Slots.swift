/// Fixed slots that concurrent workers fill, each slot by exactly one worker (one allocation made up front,
/// so workers write through a stable pointer instead of mutating a shared array).
public final class UnsafeSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value>
    /// Number of slots.
    public let count: Int
    /// Creates `count` slots holding `initial`.
    public init(count: Int, initial: Value) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: initial)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    /// Stores `value` in slot `k` (each slot written by one worker only).
    public func set(_ k: Int, _ value: Value) { storage[k] = value }
    /// The value of slot `k`.
    public subscript(k: Int) -> Value { storage[k] }
    /// All values, in slot order.
    public var values: [Value] { Array(storage.prefix(count)) }
}
