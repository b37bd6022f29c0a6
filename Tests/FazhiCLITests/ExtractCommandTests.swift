import Foundation
import Testing

/// Runs the built `fazhi` binary, as a user would.
struct FazhiRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The fazhi binary beside this test bundle in the build folder.
func fazhiBinary() throws -> URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("fazhi")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir.deleteLastPathComponent()
    }
    let fallback = repositoryRoot.appendingPathComponent(".build/debug/fazhi")
    guard FileManager.default.isExecutableFile(atPath: fallback.path) else { throw CocoaError(.fileNoSuchFile) }
    return fallback
}

/// Runs the built fazhi in `cwd` with the environment plus `environment`; `shell` wraps the command
/// (`trap '' XFSZ; ulimit -f 8; exec "$@"`).
func runFazhi(_ arguments: [String], in cwd: URL = repositoryRoot, environment: [String: String] = [:],
              shell: String? = nil) throws -> FazhiRun {
    let process = Process()
    if let shell {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", shell, "sh", try fazhiBinary().path] + arguments
    } else {
        process.executableURL = try fazhiBinary()
        process.arguments = arguments
    }
    process.currentDirectoryURL = cwd
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return FazhiRun(status: process.terminationStatus,
                    stdout: String(decoding: outData, as: UTF8.self),
                    stderr: String(decoding: errData, as: UTF8.self))
}

func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// A temporary folder whose `fazhi.sqlite` holds the five sample reports (no corrections).
func storeOfSamples() throws -> URL {
    let dir = try temporaryFolder()
    let extract = try runFazhi(["extract", "Data/reports", "--db", dir.appendingPathComponent("fazhi.sqlite").path,
                                "--corrections", dir.appendingPathComponent("none.csv").path])
    #expect(extract.status == 0, "\(extract.stderr)")
    return dir
}

/// Runs fazhi against the store in `dir`.
func run(_ arguments: [String], inStoreOf dir: URL) throws -> FazhiRun {
    try runFazhi(arguments + ["--db", dir.appendingPathComponent("fazhi.sqlite").path])
}

@Test func badFilesEachGetOneLineWhileGoodFilesArePrinted() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sample = repositoryRoot.appendingPathComponent("Data/reports/贵州省-平坝区-天龙镇-2024.txt")
    try FileManager.default.copyItem(at: sample, to: dir.appendingPathComponent("good.txt"))
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        .write(to: dir.appendingPathComponent("picture.txt"))
    try Data().write(to: dir.appendingPathComponent("empty.txt"))
    try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]).write(to: dir.appendingPathComponent("truncated.docx"))
    try Data([0x61, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0x81, 0x0A]).write(to: dir.appendingPathComponent("garbled.txt"))

    let run = try runFazhi(["extract", dir.path, "--dry-run", "--format", "json"])
    #expect(run.status == 1)
    let errorLines = run.stderr.split(separator: "\n").filter { !$0.contains("个文件无法读取") && !$0.contains("no store yet") }
    for bad in ["picture.txt", "empty.txt", "truncated.docx", "garbled.txt"] {
        #expect(errorLines.filter { $0.contains(bad) }.count == 1, "\(bad): \(run.stderr)")
    }
    let reports = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
    #expect(reports?.count == 1)
    #expect(reports?.first?["township"] as? String == "天龙镇")
}

@Test func aUsageErrorExitsWithTwo() throws {
    let run = try runFazhi(["extract", "--format", "xml", "Data/reports"])
    #expect(run.status == 2)
    #expect(!run.stderr.isEmpty)
}

@Test func theSampleReportsPrintATableOfWhereEachComesFrom() throws {
    let run = try runFazhi(["extract", "Data/reports", "--dry-run"])
    #expect(run.status == 0, "\(run.stderr)")
    for township in ["良垌镇", "天龙镇", "遂城街道", "北和镇", "后龙镇"] { #expect(run.stdout.contains(township)) }
    for county in ["廉江市", "平坝区", "遂溪县", "雷州市", "泉港区"] { #expect(run.stdout.contains(county)) }
}

@Test func jsonCarriesAStatedChangeOnlyWhereTheReportStatesOne() throws {
    let run = try runFazhi(["extract", "Data/reports/贵州省-平坝区-天龙镇-2024.txt", "--dry-run", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    let indicators = try #require(reports.first?["indicators"] as? [[String: Any]])
    let literates = try #require(indicators.first { $0["id"] as? String == "legal.literates" })
    #expect(literates["value"] as? Double == 112)
    #expect(literates["stated_change"] as? Double == 58)
    #expect(literates["stated_growth_percent"] as? Double == 109)
    let others = indicators.filter { $0["id"] as? String != "legal.literates" }
    #expect(!others.isEmpty)
    #expect(others.allSatisfy { $0["stated_change"] == nil && $0["stated_growth_percent"] == nil })
}
