import Foundation
import GRDB
import Store
import Testing

// Issue 13 and 14.5/14.8: hostile and broken input, a store that never lies. Each test makes its inputs.

/// Runs fazhi in `cwd` (the repository by default) with the repository's Data and extra environment.
private func run(_ arguments: [String], in cwd: URL = repositoryRoot, environment: [String: String] = [:],
                 shell: String? = nil) throws -> FazhiRun {
    try runFazhi(arguments, in: cwd,
                 environment: ["FAZHI_DATA": repositoryRoot.appendingPathComponent("Data").path].merging(environment) { $1 },
                 shell: shell)
}

/// A folder with a store of the five samples and an (absent) corrections file; `args` adds both.
private struct Workspace {
    let dir: URL
    var db: String { dir.appendingPathComponent("fazhi.sqlite").path }
    var corrections: String { dir.appendingPathComponent("corrections.csv").path }
    var storeArgs: [String] { ["--db", db] }
    var correctionArgs: [String] { ["--db", db, "--corrections", corrections] }

    init(samples: Bool = true) throws {
        dir = try temporaryFolder()
        if samples {
            let r = try run(["extract", "Data/reports", "--db", db, "--corrections", corrections])
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    func file(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

private let tianlong = "Data/reports/贵州省-平坝区-天龙镇-2024.txt"

// MARK: 2. Formula injection

@Test func aFormulaInAReportsFileNameOrTextIsWrittenAsTextInEveryCSV() throws {
    let w = try Workspace(samples: false)
    defer { w.remove() }
    let reports = w.dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    let evil = reports.appendingPathComponent("=HYPERLINK(1+1).txt")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(tianlong), to: evil)
    // Run inside the folder: the source cell is the file's name itself.
    let extract = try run(["extract", evil.lastPathComponent, "--format", "csv"] + w.correctionArgs, in: reports)
    #expect(extract.status == 0, "\(extract.stderr)")
    let cells = extract.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(!cells.isEmpty)
    #expect(cells.allSatisfy { $0.first?.hasPrefix("'=HYPERLINK") == true || $0.first?.hasPrefix("\"'=HYPERLINK") == true },
            "\(extract.stdout.prefix(300))")
    let export = try run(["export"] + w.storeArgs)
    #expect(export.stdout.contains(",'=HYPERLINK(1+1).txt,"), "\(export.stdout.prefix(400))")
    for line in export.stdout.split(separator: "\n") {
        for cell in line.split(separator: ",") where ["=", "+", "@"].contains(cell.first.map(String.init) ?? "") {
            Issue.record("a formula cell in export: \(line)")
        }
    }
    // A township that is a formula, imported, in trend and compare.
    let file = try w.file("evil.csv", "township,county,year,indicator,value\n=1+1,@SUM(A1),2024,mediation.disputes,5\n-2+3,x,2024,mediation.disputes,6\n")
    let imported = try run(["import", file.path, "--new-townships"] + w.storeArgs)
    #expect(imported.status == 0, "\(imported.stderr)")
    for command in [["trend", "mediation.disputes"], ["compare", "mediation.disputes", "--year", "2024"]] {
        let out = try run(command + ["--format", "csv"] + w.storeArgs)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("'=1+1") && out.stdout.contains("'@SUM(A1)") && out.stdout.contains("'-2+3"), "\(out.stdout)")
        #expect(!out.stdout.contains(",=1+1") && !out.stdout.contains("\n=1+1"))
    }
}

@Test func aNumberStaysANumberAndAFormulaBecomesTextInOneCSVCell() {
    #expect(CSV.field("-5") == "-5")
    #expect(CSV.field("+3.5") == "+3.5")
    #expect(CSV.field("-1e3") == "-1e3")
    #expect(CSV.field("=1+1") == "'=1+1")
    #expect(CSV.field("-2+3") == "'-2+3")
    #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSV.field("\tx") == "'\tx")
    #expect(CSV.field("\r=1") == "\"'\r=1\"")
    #expect(CSV.field("=HYPERLINK(\"a\",\"b\")") == "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")
    #expect(CSV.unguarded("'=1+1") == "=1+1" && CSV.unguarded("'abc") == "'abc")
}

/// LibreOffice opens the exported CSV as a spreadsheet would: no cell of it is a formula.
@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice"), "needs libreoffice-calc-nogui"))
func libreOfficeReadsNoFormulaInAnExport() throws {
    let w = try Workspace(samples: false)
    defer { w.remove() }
    let file = try w.file("evil.csv", "township,county,year,indicator,value,qualifier\n=1+1,@SUM(A1),2024,mediation.disputes,5,exact\n+7*6,-3+4,2023,mediation.disputes,6,exact\n")
    #expect(try run(["import", file.path, "--new-townships"] + w.storeArgs).status == 0)
    let csv = w.dir.appendingPathComponent("export.csv")
    #expect(try run(["export", "-o", csv.path] + w.storeArgs).status == 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
    // CSV filter: comma, UTF-8 (76), first line 1; each column's type detected as Calc does.
    process.arguments = ["-env:UserInstallation=file://\(w.dir.path)/lo-profile", "--headless", "--infilter=CSV:44,34,76,1",
                         "--convert-to", "fods", "--outdir", w.dir.path, csv.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let fods = try String(contentsOf: w.dir.appendingPathComponent("export.fods"), encoding: .utf8)
    #expect(fods.contains("=1+1") && fods.contains("@SUM(A1)") && fods.contains("+7*6"), "the cells are there, as text")
    #expect(!fods.contains("table:formula"), "a cell became a formula")
    // Numbers stay numbers.
    #expect(fods.contains("office:value-type=\"float\" office:value=\"2024\""))
}

// MARK: 3. nan and inf

@Test func notANumberOrInfinityIsRefusedByCorrectAndNamedByLineInTheCorrectionsFile() throws {
    let w = try Workspace()
    defer { w.remove() }
    for value in ["nan", "inf", "-inf"] {
        let r = try run(["correct", "--township", "天龙镇", "--year", "2024", "--indicator", "mediation.disputes",
                         "--value=\(value)"] + w.correctionArgs)
        #expect(r.status == 1 && r.stderr.contains("有限数"), "\(value): \(r.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: w.corrections))
    // A hand-edited file with nan: extract names the line and stores the rest.
    _ = try w.file("corrections.csv", "township,county,year,indicator,value,note\n天龙镇,平坝区,2024,mediation.disputes,nan,x\n天龙镇,平坝区,2024,publicity.events,12,ok\n")
    let r = try run(["extract", "Data/reports"] + w.correctionArgs)
    #expect(r.status == 1)
    #expect(r.stderr.contains("corrections.csv: 第 2 行"), "\(r.stderr)")
    #expect(!r.stderr.contains("NOT NULL"))
    let export = try run(["export"] + w.storeArgs)
    #expect(export.stdout.contains("天龙镇,平坝区,安顺市,贵州省,2024,publicity.events,12,"), "the good row applies")
}

// MARK: 4. A failed correct saves nothing

@Test func aCorrectThatCannotWriteTheStoreLeavesTheCorrectionsFileAsItWas() throws {
    let w = try Workspace(samples: false)
    defer { w.remove() }
    try Data("not a store, just text".utf8).write(to: URL(fileURLWithPath: w.db))
    for _ in 0..<2 {
        let r = try run(["correct", "--township", "天龙镇", "--county", "平坝区", "--year", "2024",
                         "--indicator", "mediation.disputes", "--value", "3"] + w.correctionArgs)
        #expect(r.status == 1)
        #expect(r.stderr.contains("不是 fazhi 数据库"), "\(r.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: w.corrections))
}

@Test func aCorrectWhoseFileCannotBeWrittenLeavesTheStoreAsItWas() throws {
    let w = try Workspace()
    defer { w.remove() }
    // The corrections file's path is a folder: the file cannot be written, so the store must not change.
    try FileManager.default.createDirectory(atPath: w.corrections, withIntermediateDirectories: true)
    let r = try run(["correct", "--township", "天龙镇", "--county", "平坝区", "--year", "2024",
                     "--indicator", "mediation.disputes", "--value", "3"] + w.correctionArgs)
    #expect(r.status == 1, "\(r.stderr)")
    let store = try ReportStore(path: w.db, access: .readOnly)
    #expect(try store.corrections().isEmpty)
}

// MARK: 6. Unterminated quotes

@Test func anUnterminatedQuoteRefusesTheImportAtItsLine() throws {
    let w = try Workspace()
    defer { w.remove() }
    let file = try w.file("broken.csv", """
        township,county,year,indicator,value
        天龙镇,平坝区,2023,mediation.disputes,1
        "天龙镇,平坝区,2022,mediation.disputes,2
        天龙镇,平坝区,2021,mediation.disputes,3

        """)
    let r = try run(["import", file.path] + w.storeArgs)
    #expect(r.status == 1)
    #expect(r.stderr.contains("第 3 行") && r.stderr.contains("引号未闭合"), "\(r.stderr)")
    #expect(try ReportStore(path: w.db, access: .readOnly).counts()["imported"] == 0)
    let skip = try run(["import", file.path, "--skip-bad"] + w.storeArgs)
    #expect(skip.status == 0, "\(skip.stderr)")
    #expect(skip.stderr.contains("已导入 1 行") && skip.stderr.contains("跳过不合格 1 行"), "\(skip.stderr)")
}

@Test func anUnterminatedQuoteInTheCorrectionsFileIsNamedNotSwallowed() throws {
    let w = try Workspace()
    defer { w.remove() }
    _ = try w.file("corrections.csv", "township,county,year,indicator,value,note\n天龙镇,平坝区,2024,mediation.disputes,5,\"oops\n天龙镇,平坝区,2024,publicity.events,12,ok\n")
    let r = try run(["correct", "--township", "天龙镇", "--county", "平坝区", "--year", "2024",
                     "--indicator", "legal.advisers", "--value", "2"] + w.correctionArgs)
    #expect(r.status == 1)
    #expect(r.stderr.contains("第 2 行") && r.stderr.contains("引号未闭合"), "\(r.stderr)")
}

// MARK: 7. Read commands do not write

@Test func readCommandsLeaveTheStoresBytesAndTimeAlone() throws {
    let w = try Workspace()
    defer { w.remove() }
    let url = URL(fileURLWithPath: w.db)
    let before = try Data(contentsOf: url)
    let mtime = try FileManager.default.attributesOfItem(atPath: w.db)[.modificationDate] as? Date
    for command in [["export"], ["check"], ["trend", "mediation.disputes"], ["compare", "mediation.disputes", "--year", "2024"]] {
        let r = try run(command + w.storeArgs)
        #expect(r.status == 0, "\(command): \(r.stderr)")
    }
    #expect(try Data(contentsOf: url) == before)
    #expect(try FileManager.default.attributesOfItem(atPath: w.db)[.modificationDate] as? Date == mtime)
}

@Test func aStoreWhoseFileAndFolderAreReadOnlyCanBeRead() throws {
    let w = try Workspace()
    defer {
        chmod(w.dir.path, 0o755)
        w.remove()
    }
    // Put the store in the read-only state a copy from a CD or a shared folder has: no -wal, no -shm.
    try FileManager.default.removeItem(at: w.dir.appendingPathComponent("corrections.csv"), ifExists: true)
    chmod(w.db, 0o444)
    chmod(w.dir.path, 0o555)
    let store = try ReportStore(path: w.db, access: .readOnly)
    #expect(try store.counts()["report"] == 5)
    let r = try run(["export"] + w.storeArgs)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("天龙镇"))
    #expect(try run(["check"] + w.storeArgs).status == 0)
    // A command that writes says the store is read-only, and the corrections file stays as it was.
    chmod(w.dir.path, 0o755)
    let correct = try run(["correct", "--township", "天龙镇", "--county", "平坝区", "--year", "2024",
                           "--indicator", "mediation.disputes", "--value", "3"] + w.correctionArgs)
    #expect(correct.status == 1)
    #expect(correct.stderr.contains("数据库只读"), "\(correct.stderr)")
    #expect(!FileManager.default.fileExists(atPath: w.corrections))
}

// MARK: 8. A newer schema

@Test func aStoreFromANewerSchemaIsRefusedNamingBothVersions() throws {
    let w = try Workspace()
    defer { w.remove() }
    let queue = try DatabaseQueue(path: w.db)
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: w.db))
    for command in [["export"], ["extract", "Data/reports"], ["correct", "--township", "天龙镇", "--year", "2024",
                                                              "--indicator", "mediation.disputes", "--value", "1"]] {
        let r = try run(command + (command[0] == "export" ? w.storeArgs : w.correctionArgs))
        #expect(r.status == 1, "\(command)")
        #expect(r.stderr.contains("v9-from-the-future") && r.stderr.contains(ReportStore.knownSchemas.last!), "\(r.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: w.db)) == before)
}

// MARK: 9. A full disk

@Test func anExportThatFailsToWriteKeepsThePreviousFile() throws {
    let w = try Workspace()
    defer { w.remove() }
    // An export of some 300 KB.
    let rows = (0..<3000).map { "例山镇\($0),示例县,2024,mediation.disputes,\($0)\n" }.joined()
    let file = try w.file("many.csv", "township,county,year,indicator,value\n" + rows)
    #expect(try run(["import", file.path, "--new-townships"] + w.storeArgs).status == 0)
    let out = w.dir.appendingPathComponent("long.csv")
    try Data("the previous good file\n".utf8).write(to: out)
    // The file size limit stands in for a full disk: a write past 128 KB fails (EFBIG) instead of killing.
    let r = try run(["export", "-o", out.path] + w.storeArgs, shell: "trap '' XFSZ; ulimit -f 256; exec \"$@\"")
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("原文件未改变"), "\(r.stderr)")
    #expect(try String(contentsOf: out, encoding: .utf8) == "the previous good file\n")
    let left = try FileManager.default.contentsOfDirectory(atPath: w.dir.path).filter { $0.hasSuffix(".tmp") }
    #expect(left.isEmpty, "\(left)")
}

@Test func anExtractThatFailsToWriteLeavesTheStoreAsItWasAndNoWAL() throws {
    let w = try Workspace()
    defer { w.remove() }
    let batch = w.dir.appendingPathComponent("batch")
    let samples = try FileManager.default.contentsOfDirectory(at: repositoryRoot.appendingPathComponent("Data/reports"),
                                                             includingPropertiesForKeys: nil)
    for i in 0..<60 {
        let folder = batch.appendingPathComponent("\(i)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sample in samples { try FileManager.default.copyItem(at: sample, to: folder.appendingPathComponent(sample.lastPathComponent)) }
    }
    // Files may not grow past 512 KB: the batch's transaction cannot be written.
    let r = try run(["extract", batch.path] + w.correctionArgs, shell: "trap '' XFSZ; ulimit -f 1024; exec \"$@\" >/dev/null")
    #expect(r.status == 1)
    #expect(r.stderr.contains("数据库未改变"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: w.db + "-wal"), "the WAL is left behind")
    let store = try ReportStore(path: w.db, access: .readOnly)
    #expect(try store.integrityCheck() == "ok")
    #expect(try store.counts()["report"] == 5)
}

// MARK: 11. Two writers

@Test func aSecondWriterWaitsAndSaysSoWhenItGivesUp() throws {
    let w = try Workspace()
    defer { w.remove() }
    let queue = try DatabaseQueue(path: w.db)
    let args = ["correct", "--township", "天龙镇", "--county", "平坝区", "--year", "2024",
                "--indicator", "mediation.disputes", "--value", "3"] + w.correctionArgs
    // Held longer than the writer waits: it gives up, says so, and changes nothing.
    try queue.inTransaction(.immediate) { _ in
        let r = try run(args, environment: ["FAZHI_BUSY_TIMEOUT": "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("等待 1 秒后放弃"), "\(r.stderr)")
        return .rollback
    }
    #expect(!FileManager.default.fileExists(atPath: w.corrections))
    // Held for a moment: it waits and succeeds.
    let release = DispatchSemaphore(value: 0)
    let holder = Thread {
        try? queue.inTransaction(.immediate) { _ in
            release.signal()
            Thread.sleep(forTimeInterval: 1.5)
            return .rollback
        }
    }
    holder.start()
    release.wait()
    let r = try run(args, environment: ["FAZHI_BUSY_TIMEOUT": "20"])
    #expect(r.status == 0, "\(r.stderr)")
}

// MARK: 12. What import and corrections accept

@Test func importRefusesEachKindOfBadRowNamingItsLine() throws {
    let w = try Workspace()
    defer { w.remove() }
    let header = "township,county,year,indicator,value,qualifier\n"
    let good = "天龙镇,平坝区,2023,mediation.disputes,10,exact\n"
    let bad: [(String, String)] = [
        ("天龙镇,平坝区,2023,mediation.disputes\n", "列"),
        ("天龙镇,平坝区,2023,no.such.indicator,1,exact\n", "未知指标"),
        ("天龙镇,平坝区,2023,mediation.disputes,99,exact\n", "冲突"),
        ("天龙镇,平坝区,2022,mediation.disputes,0x10,exact\n", "数值无效"),
        ("天龙镇,平坝区,99999,mediation.disputes,1,exact\n", "年份"),
        ("天龙镇,平坝区,-5,mediation.disputes,1,exact\n", "年份"),
        ("天龙镇,平坝区,2022,petitions.closure_rate,-50,exact\n", "不能为负"),
        ("天龙镇,平坝区,2022,mediation.disputes,1,roughly\n", "限定词"),
        ("无此镇,平坝区,2022,mediation.disputes,1,exact\n", "未知镇街"),
        ("天龙镇,平坝区,2022,mediation.disputes,2.5,exact\n", "非负整数"),
        ("天龙镇,平坝区,2022,petitions.closure_rate,150,exact\n", "--force"),
    ]
    for (i, (row, reason)) in bad.enumerated() {
        let file = try w.file("bad\(i).csv", header + good + row)
        let r = try run(["import", file.path] + w.storeArgs)
        #expect(r.status == 1, "\(row)")
        #expect(r.stderr.contains("第 3 行") && r.stderr.contains(reason), "\(row): \(r.stderr)")
        #expect(try ReportStore(path: w.db, access: .readOnly).counts()["imported"] == 0, "all or nothing")
    }
    // --skip-bad takes the good rows and says how many it skipped.
    let all = try w.file("all.csv", header + good + bad.map(\.0).joined())
    let r = try run(["import", all.path, "--skip-bad"] + w.storeArgs)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("已导入 1 行") && r.stderr.contains("跳过不合格 \(bad.count) 行"), "\(r.stderr)")
    // A rate over 100 goes in with --force, and check lists it.
    let over = try w.file("over.csv", header + "天龙镇,平坝区,2022,petitions.closure_rate,150,exact\n")
    #expect(try run(["import", over.path, "--force"] + w.storeArgs).status == 0)
    let check = try run(["check", "--format", "json"] + w.storeArgs)
    #expect(check.stdout.contains("150"), "\(check.stdout.prefix(400))")
}

// MARK: 13. Unplaced townships; one report from two folders

@Test func aValueWithoutATownshipIsExportedAndCounted() throws {
    let w = try Workspace(samples: false)
    defer { w.remove() }
    let reports = w.dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    // No township, county or year anywhere in the name or the text.
    try Data("一、基本情况\n全年排查化解矛盾纠纷158件，化解率达100%。\n".utf8).write(to: reports.appendingPathComponent("报告.txt"))
    #expect(try run(["extract", reports.path] + w.correctionArgs).status == 0)
    let r = try run(["export"] + w.storeArgs)
    #expect(r.status == 0)
    #expect(r.stdout.contains(",mediation.disputes,158,"), "\(r.stdout)")
    #expect(r.stderr.contains("缺少镇街或年份"), "\(r.stderr)")
}

@Test func aReportExtractedFromTwoWorkingFoldersIsStoredOnce() throws {
    let w = try Workspace(samples: false)
    defer { w.remove() }
    let first = try run(["extract", "Data/reports"] + w.correctionArgs)
    #expect(first.status == 0)
    let second = try run(["extract", "reports"] + w.correctionArgs, in: repositoryRoot.appendingPathComponent("Data"))
    #expect(second.stderr.contains("新增 0 份, 更新 0 份, 未变 5 份"), "\(second.stderr)")
    #expect(try ReportStore(path: w.db, access: .readOnly).counts()["report"] == 5)
}

// MARK: 14.5 Corrections that check what they change

@Test func aMisspeltTownshipIsRefusedWithTheNearestNames() throws {
    let w = try Workspace()
    defer { w.remove() }
    let r = try run(["correct", "--township", "天龙", "--year", "2024", "--indicator", "mediation.disputes",
                     "--value", "3"] + w.correctionArgs)
    #expect(r.status == 1)
    #expect(r.stderr.contains("未知镇街 天龙") && r.stderr.contains("天龙镇"), "\(r.stderr)")
    #expect(!r.stderr.contains("已更正"))
    let compare = try run(["compare", "mediation.disputes", "--year", "2024"] + w.storeArgs)
    #expect(!compare.stdout.contains("天龙 "))
}

@Test func aCorrectionByChineseNameChangesTheValueAndSaysWhatItReplaced() throws {
    let w = try Workspace()
    defer { w.remove() }
    let r = try run(["correct", "--township", "天龙镇", "--county", "平坝区", "--year", "2024", "--indicator", "矛盾纠纷化解数",
                     "--value", "160"] + w.correctionArgs)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("原为 158"), "\(r.stderr)")
    let export = try run(["export"] + w.storeArgs)
    #expect(export.stdout.contains("天龙镇,平坝区,安顺市,贵州省,2024,mediation.disputes,160,件,exact,correction,false"))
    let list = try run(["corrections"] + w.correctionArgs)
    #expect(list.stdout.contains("矛盾纠纷化解数") && list.stdout.contains("158") && list.stdout.contains("160"), "\(list.stdout)")
    let undo = try run(["correct", "--undo", "1"] + w.correctionArgs)
    #expect(undo.status == 0, "\(undo.stderr)")
    #expect(try run(["export"] + w.storeArgs).stdout.contains(",2024,mediation.disputes,158,"))
    // A count cannot be fractional or negative.
    for value in ["2.5", "-1"] {
        let bad = try run(["correct", "--township", "天龙镇", "--year", "2024", "--indicator", "mediation.disputes",
                           "--value=\(value)"] + w.correctionArgs)
        #expect(bad.status == 1 && bad.stderr.contains("非负整数"), "\(bad.stderr)")
    }
}

@Test func aSupersededReportCanBeRemovedAndPruned() throws {
    let w = try Workspace(samples: false)
    defer { w.remove() }
    let reports = w.dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
    let old = reports.appendingPathComponent("天龙镇-2024-初稿.txt"), revised = reports.appendingPathComponent("天龙镇-2024-修订.txt")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(tianlong), to: old)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(tianlong), to: revised)
    #expect(try run(["extract", reports.path] + w.correctionArgs).status == 0)
    let removed = try run(["remove", old.path] + w.storeArgs)
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(removed.stderr.contains("已移除") && removed.stderr.contains("初稿"), "\(removed.stderr)")
    #expect(try ReportStore(path: w.db, access: .readOnly).counts()["report"] == 1)
    #expect(try run(["remove", old.path] + w.storeArgs).status == 1, "a report not in the store")
    // The draft is moved out of the folder, so that the next run does not store it again.
    try FileManager.default.removeItem(at: old)
    // --prune: the revised file is deleted from the folder, and extract takes it out.
    try FileManager.default.removeItem(at: revised)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Data/reports/广东省-雷州市-北和镇-2022.txt"),
                                     to: reports.appendingPathComponent("北和镇.txt"))
    let pruned = try run(["extract", reports.path, "--prune"] + w.correctionArgs)
    #expect(pruned.stderr.contains("修订") && pruned.stderr.contains("已移除"), "\(pruned.stderr)")
    #expect(try ReportStore(path: w.db, access: .readOnly).counts()["report"] == 1)
}

// MARK: 14.8 GB18030 import, rows taken and skipped, conflicts with reports

@Test func aGB18030FileImportsAndAConflictWithAReportIsNamed() throws {
    let w = try Workspace()
    defer { w.remove() }
    let text = """
        township,county,year,indicator,value
        天龙镇,平坝区,2024,mediation.disputes,200
        天龙镇,平坝区,2019,矛盾纠纷化解数,40

        """
    let url = w.dir.appendingPathComponent("excel.csv")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let gb = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(String(data: gb, encoding: .utf8) == nil, "the test file is not UTF-8")
    try gb.write(to: url)
    let r = try run(["import", url.path] + w.storeArgs)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("已导入 2 行") && r.stderr.contains("GB18030"), "\(r.stderr)")
    #expect(r.stderr.contains("第 2 行") && r.stderr.contains("报告") && r.stderr.contains("158"), "\(r.stderr)")
    let export = try run(["export"] + w.storeArgs)
    #expect(export.stdout.contains("天龙镇,平坝区,,,2019,mediation.disputes,40,件,exact,import:excel.csv,false")
            || export.stdout.contains(",2019,mediation.disputes,40,"), "\(export.stdout)")
}

extension FileManager {
    fileprivate func removeItem(at url: URL, ifExists: Bool) throws {
        if fileExists(atPath: url.path) { try removeItem(at: url) }
    }
}
