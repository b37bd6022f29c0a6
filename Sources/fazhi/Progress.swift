import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar for a stream of known size (bytes or rows) on stderr, drawn only when stderr is a terminal (never into a log or a pipe),
/// at most ten times a second.
final class ByteProgress {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(_ label: String) { self.label = label }

    /// `done` of `total` (bytes, rows…); a total of 0 draws the count alone.
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done >= total else { return }
        lastDraw = now
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let text = total > 0 ? "\r\(label) \(bar) \(Int(fraction * 100))%" : "\r\(label) \(done)"
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
