import Foundation

/// Programs fazhi runs for formats it does not read itself (LibreOffice for .doc/.wps,
/// Tesseract for scans): found on PATH, run with a time limit.
enum ExternalTool {
    /// The full path of the first of `names` on PATH, or nil.
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    struct Outcome {
        let status: Int32
        let timedOut: Bool
        let stdout: Data
        let stderr: Data
    }

    /// Runs a program and waits for it, killing it after `timeout` seconds. Its output goes to
    /// temporary files (not pipes) so that a chatty program cannot block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval,
                    environment: [String: String]? = nil) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
        }
        try? out.close()
        try? err.close()
        return Outcome(status: process.terminationStatus, timedOut: timedOut,
                       stdout: (try? Data(contentsOf: outURL)) ?? Data(),
                       stderr: (try? Data(contentsOf: errURL)) ?? Data())
    }
}
