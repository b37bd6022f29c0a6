import Foundation
import Store
import Testing

/// Runs fazhi with a store and a corrections file in `dir`.
private func runWithStore(_ arguments: [String], in dir: URL, corrections: Bool = true) throws -> FazhiRun {
    var args = arguments + ["--db", dir.appendingPathComponent("fazhi.sqlite").path]
    if corrections { args += ["--corrections", dir.appendingPathComponent("corrections.csv").path] }
    return try runFazhi(args)
}

@Test func extractWithoutDryRunStoresAndASecondRunAddsNothing() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = try runWithStore(["extract", "Data/reports"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("新增 5 份, 更新 0 份, 未变 0 份"), "\(first.stderr)")
    #expect(first.stdout.contains("天龙镇"))
    let second = try runWithStore(["extract", "Data/reports"], in: dir)
    #expect(second.stderr.contains("新增 0 份, 更新 0 份, 未变 5 份"), "\(second.stderr)")
    #expect(second.stdout == first.stdout)
}

@Test func badFilesAreNamedWhileGoodFilesAreStored() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let reports = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Data/reports/贵州省-平坝区-天龙镇-2024.txt"),
                                     to: reports.appendingPathComponent("good.txt"))
    try Data().write(to: reports.appendingPathComponent("empty.txt"))
    let run = try runWithStore(["extract", reports.path], in: dir)
    #expect(run.status == 1)
    #expect(run.stderr.contains("empty.txt"))
    #expect(run.stderr.contains("新增 1 份"), "\(run.stderr)")
}

@Test func aCorrectionFromTheCommandLineOverridesAndSurvivesReextraction() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try runWithStore(["extract", "Data/reports"], in: dir)
    let export = try runWithStore(["export", "--format", "json"], in: dir, corrections: false)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
    let row = try #require(rows.first { $0["township"] as? String == "天龙镇" })
    let indicator = try #require(row["indicator"] as? String)
    let correct = try runWithStore(["correct", "--township", "天龙镇", "--county", "平坝区", "--year", "2024",
                                    "--indicator", indicator, "--value", "12345", "--note", "核对原件"], in: dir)
    #expect(correct.status == 0, "\(correct.stderr)")
    let csv = try String(contentsOf: dir.appendingPathComponent("corrections.csv"), encoding: .utf8)
    // The file says what the correction replaced (the report's value).
    // … and who made it and when (the system user; ISO 8601 UTC).
    #expect(csv.hasPrefix("township,county,year,indicator,value,note,replaces,force,decision,reviewer,at\n天龙镇,平坝区,2024,\(indicator),12345,核对原件,\(formatNumber(row["value"] as! Double)),,,"), "\(csv)")
    #expect(csv.range(of: #",,,[^,\n]+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$"#, options: .regularExpression) != nil, "\(csv)")

    // Re-extract into a fresh store: the corrections file is loaded again.
    try FileManager.default.removeItem(at: dir.appendingPathComponent("fazhi.sqlite"))
    _ = try runWithStore(["extract", "Data/reports"], in: dir)
    let after = try runWithStore(["export", "--format", "csv"], in: dir, corrections: false)
    let line = after.stdout.split(separator: "\n").first { $0.hasPrefix("天龙镇,") && $0.contains(",\(indicator),") }
    #expect(line?.contains(",12345,") == true, "\(after.stdout)")
    #expect(line?.contains(",correction,") == true)
}

@Test func exportThenImportRoundTripsThroughTheCommandLine() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try runWithStore(["extract", "Data/reports"], in: dir)
    let file = dir.appendingPathComponent("long.csv")
    let export = try runWithStore(["export", "--format", "csv", "-o", file.path], in: dir, corrections: false)
    #expect(export.status == 0, "\(export.stderr)")
    let data = try Data(contentsOf: file)
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])

    let other = dir.appendingPathComponent("other")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    let imported = try runWithStore(["import", file.path], in: other, corrections: false)
    #expect(imported.status == 0, "\(imported.stderr)")
    let again = try runWithStore(["export", "--format", "csv"], in: other, corrections: false)
    func strip(_ text: String) -> [String] {
        text.split(separator: "\n").dropFirst().map { line in
            // The evidence, last, is the report's sentence: an imported value has none.
            var fields = Array(line.split(separator: ",", maxSplits: 11, omittingEmptySubsequences: false).prefix(11))
            fields.remove(at: 9) // source
            return fields.joined(separator: ",")
        }.sorted()
    }
    let original = String(decoding: data, as: UTF8.self)
    // Derived rows are computed again from what is imported, except a previous year implied by a
    // stated change (较上年增加58人), which the long table does not carry.
    let impliedPreviousYear = "天龙镇,平坝区,安顺市,贵州省,2023,legal.literates,54,人,exact,true"
    #expect(strip(original).contains(impliedPreviousYear))
    #expect(strip(again.stdout) == strip(original).filter { $0 != impliedPreviousYear })
    #expect(again.stdout.contains(",import:long.csv,"))
    #expect(!strip(original).isEmpty)
}

/// A run killed with SIGKILL in the middle of storing a large batch leaves the store sound and
/// either as it was before the batch or as after it, never in between.
@Test func aKilledIngestLeavesTheStoreAsBeforeOrAfterTheBatch() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("fazhi.sqlite")
    let first = try runWithStore(["extract", "Data/reports"], in: dir)
    #expect(first.status == 0)

    let copies = 300
    let fm = FileManager.default
    let samples = try fm.contentsOfDirectory(at: repositoryRoot.appendingPathComponent("Data/reports"),
                                             includingPropertiesForKeys: nil)
    for i in 0..<copies {
        let folder = dir.appendingPathComponent("batch/\(i)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for sample in samples { try fm.copyItem(at: sample, to: folder.appendingPathComponent(sample.lastPathComponent)) }
    }
    let batch = copies * samples.count

    let process = Process()
    process.executableURL = try fazhiBinary()
    process.arguments = ["extract", dir.appendingPathComponent("batch").path, "--db", db.path,
                         "--corrections", dir.appendingPathComponent("corrections.csv").path]
    process.currentDirectoryURL = repositoryRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill once the WAL holds over 1 MB: one commit per report would have stored dozens by then
    // (checked: 33), while one transaction per batch has committed nothing (or after 60 s at the latest).
    let wal = db.path + "-wal"
    let deadline = Date().addingTimeInterval(60)
    var sawWrite = false
    while process.isRunning && Date() < deadline {
        let size = (try? fm.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        if size > 1_000_000 { sawWrite = true; break }
        usleep(2_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal, "the run ended before it was killed")
    #expect(sawWrite)

    let store = try ReportStore(path: db.path)
    #expect(try store.integrityCheck() == "ok")
    let reports = try store.counts()["report"] ?? -1
    #expect(reports == 5 || reports == 5 + batch, "reports: \(reports)")
}

@Test func aSecondRunSkipsUnchangedFilesButReplacesTheFindingsOfAChangedOne() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let reports = dir.appendingPathComponent("in")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Data/reports"), to: reports)
    let first = try runWithStore(["extract", reports.path, "--format", "json"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")

    // One report gains a sentence with a figure it did not have; the others stay as they were.
    let changed = reports.appendingPathComponent("贵州省-平坝区-天龙镇-2024.txt")
    var text = try String(contentsOf: changed, encoding: .utf8)
    // (After the title: a figure at the very end would stand in the section of next year's plans.)
    let titleEnd = text.firstIndex(of: "\n")!
    text.insert(contentsOf: "\n全年共收到行政复议申请7件,已全部办结。", at: titleEnd)
    try Data(text.utf8).write(to: changed)
    let second = try runWithStore(["extract", reports.path, "--format", "json"], in: dir)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("新增 0 份, 更新 1 份, 未变 4 份"), "\(second.stderr)")

    let store = try ReportStore(path: dir.appendingPathComponent("fazhi.sqlite").path)
    let review = try store.values(indicator: "review.reconsideration_cases").filter { $0.township == "天龙镇" }
    #expect(review.map(\.value) == [7])
    #expect(try store.counts()["report"] == 5)

    // The skipped files print what they printed when they were extracted.
    let third = try runWithStore(["extract", reports.path, "--format", "json"], in: dir)
    #expect(third.stderr.contains("新增 0 份, 更新 0 份, 未变 5 份"), "\(third.stderr)")
    #expect(third.stdout == second.stdout)
    #expect(third.stdout.contains("\"stated_change\": 58"))
}

@Test func theExportCarriesEachValuesSentenceAndImportsAgain() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let export = try run(["export"], inStoreOf: dir)
    #expect(export.status == 0, "\(export.stderr)")
    let lines = export.stdout.split(separator: "\n").map(String.init)
    // Columns added later come at the end: a reader by position keeps working.
    #expect(lines.first?.hasSuffix(",derived,evidence,reviewed") == true)
    let disputes = try #require(lines.first { $0.hasPrefix("天龙镇,") && $0.contains(",mediation.disputes,158,") })
    #expect(disputes.hasSuffix("全年排查化解矛盾纠纷158件,化解率达100%,成功防范“民转刑”案件发生。\",false"))
    // The table people read is the one `import` takes back: its columns are read by name.
    let file = dir.appendingPathComponent("长表.csv")
    try Data(export.stdout.utf8).write(to: file)
    let imported = try run(["import", file.path], inStoreOf: dir)
    #expect(imported.status == 0, "\(imported.stderr)")
}

@Test(arguments: [("zh", "镇街,县区,市,省,年度,指标,数值,单位,限定,来源,推算,原文,已核对", "矛盾纠纷化解数", "余"),
                  ("en", "Township,County,City,Province,Year,Indicator,Value,Unit,Qualifier,Source,Derived,Evidence,Reviewed",
                   "Disputes mediated", "over")])
func theExportForPeopleIsInTheLanguageAsked(_ lang: String, _ header: String, _ indicator: String, _ over: String) throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let export = try run(["export", "--lang", lang], inStoreOf: dir)
    #expect(export.status == 0, "\(export.stderr)")
    let lines = export.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "\u{FEFF}" + header)
    #expect(lines.contains { $0.hasPrefix("天龙镇,") && $0.contains(",\(indicator),158,") })
    // 2万余份 of 良垌镇: the qualifier in the language's words, the value a number.
    #expect(lines.contains { $0.hasPrefix("良垌镇,") && $0.contains(",20000,份,\(over),") }, "\(lines.filter { $0.hasPrefix("良垌镇,") })")
}
