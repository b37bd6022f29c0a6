import Foundation

/// A one-line progress bar on a terminal; nothing when stderr is a file or a pipe.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let lock = NSLock()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let label: String

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func advance() {
        guard enabled else { return }
        lock.lock()
        done += 1
        let width = 30, filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        lock.unlock()
    }
}
