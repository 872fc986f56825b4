import Foundation

/// Runs blocking or long CPU-bound test work on a dedicated thread, off Swift's cooperative
/// pool, so other tests' in-process servers keep answering while it runs.
enum OwnThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
