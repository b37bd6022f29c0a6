import Foundation
import Testing

/// A sample county of six townships over two years, stored; its folder holds roster.csv and the store.
func sampleCountyStore(townships: Int = 6, years: String = "2023-2024") throws -> URL {
    let dir = try temporaryFolder()
    let sample = dir.appendingPathComponent("示例县")
    let made = try runFazhi(["sample", "--townships", String(townships), "--years", years, "--out", sample.path])
    #expect(made.status == 0, "\(made.stderr)")
    let stored = try runFazhi(["extract", sample.appendingPathComponent("reports").path, "--db", dir.appendingPathComponent("s.sqlite").path])
    #expect(stored.status == 0, "\(stored.stderr)")
    return dir
}

func runOnSample(_ arguments: [String], _ dir: URL) throws -> FazhiRun {
    try runFazhi(arguments + ["--db", dir.appendingPathComponent("s.sqlite").path,
                              "--roster", dir.appendingPathComponent("示例县/roster.csv").path])
}

@Test func anXLSXTableOpensInLibreOfficeWithNumbersAsNumbers() throws {
    let dir = try sampleCountyStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let xlsx = dir.appendingPathComponent("t.xlsx")
    let made = try runOnSample(["table", "--year", "2024", "-o", xlsx.path], dir)
    #expect(made.status == 0, "\(made.stderr)")
    // LibreOffice Calc, headless, to CSV with the cells' values rather than as shown (token 9 false).
    let soffice = Process()
    soffice.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    soffice.arguments = ["soffice", "--headless", "-env:UserInstallation=file://\(dir.path)/lo",
                         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false",
                         "--outdir", dir.path, xlsx.path]
    soffice.standardOutput = FileHandle.nullDevice
    soffice.standardError = FileHandle.nullDevice
    try soffice.run()
    soffice.waitUntilExit()
    let csv = try String(contentsOf: dir.appendingPathComponent("t.csv"), encoding: .utf8)
    let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = try #require(rows.first { $0.first == "镇街" })
    let column = try #require(header.firstIndex { $0.hasPrefix("持证执法人员") })
    // Every township's figure is a plain number in the sheet, equal to what compare gives.
    let compare = try runOnSample(["compare", "enforcement.certified_staff", "--year", "2024", "--format", "json"], dir)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
    let expected = (json["rows"] as? [[String: Any]] ?? []).compactMap { r -> (String, Double)? in
        guard let t = r["township"] as? String, let v = r["value"] as? Double else { return nil }
        return (t, v)
    }
    #expect(!expected.isEmpty)
    for (township, value) in expected {
        let row = try #require(rows.first { $0.first == township })
        #expect(Double(row[column]) == value, "\(township): \(row[column])")
    }
}

@Test func aCSVTableHasABOMNumbersAsNumbersAndTheQualifierBeside() throws {
    let dir = try sampleCountyStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("t.csv")
    #expect(try runOnSample(["table", "法律咨询", "-o", out.path], dir).status == 0)
    let data = try Data(contentsOf: out)
    #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("较上年（同口径）"))
    // 法律咨询 is mostly written 1000余: the figure as a number, 余 in the note column.
    #expect(text.contains("·注") && text.contains(",余"), "\(text.prefix(400))")
    let english = try runOnSample(["table", "法律咨询", "--lang", "en"], dir)
    #expect(english.stdout.contains("like-for-like change") && english.stdout.contains("over "), "\(english.stdout.prefix(600))")
}

@Test func extractCSVStartsWithABOM() throws {
    let out = try runFazhi(["extract", "Data/reports", "--dry-run", "--format", "csv"])
    #expect(out.stdout.hasPrefix("\u{FEFF}"))
}
