import Foundation
import Testing

@Test func everyFigureOfTheSummaryEqualsCompareAndTrendForTheSameRegionAndYear() throws {
    let dir = try sampleCountyStore(townships: 12, years: "2023-2025")
    defer { try? FileManager.default.removeItem(at: dir) }
    // Two townships lose a year's report, so that the years' sets differ.
    let reports = dir.appendingPathComponent("示例县/reports")
    let names = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
    let lost2024 = try #require(names.first { $0.hasSuffix("-2024.txt") })
    let lost2025 = try #require(names.last { $0.hasSuffix("-2025.txt") })
    for name in [lost2024, lost2025] { try FileManager.default.removeItem(at: reports.appendingPathComponent(name)) }
    let missing = lost2025.split(separator: "-")[1]
    // A fresh store: extract keeps what it stored of files no longer there.
    try FileManager.default.removeItem(at: dir.appendingPathComponent("s.sqlite"))
    #expect(try runFazhi(["extract", reports.path, "--db", dir.appendingPathComponent("s.sqlite").path]).status == 0)
    let out = try runOnSample(["summary", "--year", "2025", "--county", "示例县", "--format", "json"], dir)
    #expect(out.status == 0, "\(out.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    let figures = try #require(json["figures"] as? [[String: Any]])
    var checked = 0
    for f in figures {
        guard let kind = f["kind"] as? String, let value = f["value"] as? Double else { continue }
        let indicator = f["indicator"] as? String
        switch kind {
        case "pooled", "highest", "lowest", "median":
            let compare = try runOnSample(["compare", indicator!, "--year", "2025", "--county", "示例县", "--format", "json"], dir)
            let c = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
            let values = (c["rows"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }
            switch kind {
            case "pooled": #expect(abs(value - (c["pooled"] as? Double ?? .nan)) < 1e-9, "\(indicator!)")
            case "highest": #expect(value == values.max(), "\(indicator!)")
            case "lowest": #expect(value == values.min(), "\(indicator!)")
            default: #expect(value == c["median"] as? Double, "\(indicator!)")
            }
            checked += 1
        case "matched_previous", "matched_current", "matched_count", "change_absolute", "change_relative":
            let trend = try runOnSample(["trend", indicator!, "--county", "示例县", "--format", "json"], dir)
            let t = try #require(try JSONSerialization.jsonObject(with: Data(trend.stdout.utf8)) as? [String: Any])
            let year2025 = try #require((t["rollup"] as? [[String: Any]])?.first { $0["year"] as? Int == 2025 })
            let change = try #require(year2025["change"] as? [String: Any])
            let key = ["matched_previous": "previous", "matched_current": "current", "matched_count": "matched",
                       "change_absolute": "absolute", "change_relative": "relative"][kind]!
            let expected = (change[key] as? Double) ?? (change[key] as? Int).map(Double.init)
            #expect(expected.map { abs($0 - value) < 1e-9 } == true, "\(kind) \(indicator!): \(value) vs \(String(describing: expected))")
            checked += 1
        case "submitted", "roster":
            let roster = try runOnSample(["roster", "--year", "2025", "--county", "示例县", "--format", "json"], dir)
            let r = try #require(try JSONSerialization.jsonObject(with: Data(roster.stdout.utf8)) as? [String: Any])
            #expect(value == Double(r[kind == "roster" ? "expected" : "submitted"] as? Int ?? -1))
            checked += 1
        default: break
        }
    }
    #expect(checked >= 8)
    let text = try #require(json["text"] as? String)
    #expect(text.contains("应报送法治政府建设年度报告的镇街12个，已报送11个，未报送1个（\(missing)）"), "\(text)")
}

@Test func theSummaryInMarkdownNamesTheReportsAndConvertsToDOCXWithPandoc() throws {
    let dir = try sampleCountyStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let md = try runOnSample(["summary", "--year", "2024", "--county", "示例县", "--format", "md"], dir)
    #expect(md.status == 0, "\(md.stderr)")
    #expect(md.stdout.contains("[^1]") && md.stdout.contains("[^1]: ") && md.stdout.contains("示例县-"), "\(md.stdout)")
    let docx = dir.appendingPathComponent("摘要.docx")
    let made = try runOnSample(["summary", "--year", "2024", "--county", "示例县", "-o", docx.path], dir)
    #expect(made.status == 0, "\(made.stderr)")
    let unzip = Process()
    unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    unzip.arguments = ["python3", "-c", "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", docx.path]
    let pipe = Pipe()
    unzip.standardOutput = pipe
    try unzip.run()
    let xml = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    unzip.waitUntilExit()
    #expect(xml.contains("应报送法治政府建设年度报告的镇街"))
    #expect(xml.contains("footnoteReference"))
}
