import ArgumentParser
import Extraction
import Foundation
import Store

/// `fazhi bench import-export`: a long table of N rows imported into a fresh store and exported again,
/// each by this binary as a user runs it, under `/usr/bin/time -v` for its peak memory (maximum RSS).
struct ImportExportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-export",
        abstract: "Import and export of a large long table: time and peak memory (RSS) of each command."
    )

    @Option(help: "Rows of the long table.") var rows = 10_000_000
    @Option(help: "Working folder (default: a temporary one, removed afterwards).") var folder: String?

    func run() throws {
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: "/usr/bin/time") else {
            throw ValidationError("需要 /usr/bin/time (apt-get install time) to measure peak memory")
        }
        let dir = folder.map { URL(fileURLWithPath: $0) }
            ?? fm.temporaryDirectory.appendingPathComponent("fazhi-bench-io-\(getpid())")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if folder == nil { try? fm.removeItem(at: dir) } }
        let csv = dir.appendingPathComponent("long.csv"), db = dir.appendingPathComponent("bench.sqlite")
        let exported = dir.appendingPathComponent("export.csv")
        for url in [db, exported] { try? fm.removeItem(at: url) }
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: db.path + suffix) }

        let bytes = try Self.writeTable(rows: rows, to: csv)
        print("long table: \(rows) rows, \(bytes / 1_000_000) MB → \(csv.path)")
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        for (name, arguments) in [("import", ["import", csv.path, "--new-townships", "--db", db.path]),
                                  ("export", ["export", "-o", exported.path, "--db", db.path])] {
            let (seconds, rssKB, status) = try Self.timed(binary, arguments)
            let size = ((try? fm.attributesOfItem(atPath: name == "import" ? db.path : exported.path)[.size] as? Int) ?? 0) ?? 0
            print(String(format: "%@: %.1f s, peak RSS %.0f MB, exit %d (%@ %d MB)", name, seconds, Double(rssKB) / 1024,
                         status, name == "import" ? "store" : "file", size / 1_000_000))
        }
    }

    /// A long table of `rows` rows: townships × 5 years × 10 count indicators, in a made-up county set.
    static func writeTable(rows: Int, to url: URL) throws -> Int {
        let indicators = ["mediation.disputes", "mediation.resolved", "petitions.received", "petitions.closed",
                          "publicity.events", "publicity.materials", "legal.consultations", "legal.literates",
                          "legal.advisers", "review.legality_reviews"]
        let units = ["件", "件", "件", "件", "场", "份", "人次", "人", "人", "件"]
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw StoreError("cannot write \(url.path)") }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = LongTable.csvHeader
        var written = 0
        for i in 0..<rows {
            let indicator = i % 10, year = 2020 + (i / 10) % 5, township = i / 50
            buffer += "例\(township)镇,示例\(township / 40)县,示例市,示例省,\(year),\(indicators[indicator]),"
                + "\(i % 997 + (indicator == 1 || indicator == 3 ? 0 : 1000)),\(units[indicator]),exact,,false\n"
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                written += buffer.utf8.count
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
        return written + buffer.utf8.count
    }

    /// Runs the command under /usr/bin/time -v: wall seconds, maximum RSS in KB, exit status.
    static func timed(_ binary: String, _ arguments: [String]) throws -> (Double, Int, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-v", binary] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let report = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let rss = report.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            .flatMap { $0.split(separator: ":").last }.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        if process.terminationStatus != 0 { FileHandle.standardError.write(Data(report.suffix(2000).utf8)) }
        return (seconds, rss, process.terminationStatus)
    }
}
