import Foundation
import Testing

@Test func chartDrawsEveryKindFromTheStoreInEveryFormat() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (kind, indicators) in [("trend", ["publicity.events"]), ("rank", ["publicity.events"]), ("grouped", ["publicity.events"]),
                               ("heatmap", ["publicity.events"]), ("small-multiples", ["publicity.events"]),
                               ("slope", ["publicity.events"]), ("scatter", ["mediation.disputes", "publicity.events"]),
                               ("heatmap", ["mediation.disputes", "publicity.events", "legal.literates"])] {
        for format in ["png", "svg", "pdf"] {
            let file = dir.appendingPathComponent("\(kind)-\(indicators.count).\(format)")
            let out = try run(["chart", kind] + indicators + ["-o", file.path], inStoreOf: dir)
            #expect(out.status == 0, "\(kind) \(format): \(out.stderr)")
            let data = try Data(contentsOf: file)
            #expect(data.count > 1000, "\(kind) \(format)")
        }
    }
}

@Test func chartOfAnIndicatorWithoutDataSaysSoInOneLine() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try run(["chart", "rank", "review.litigation_cases", "-o", dir.appendingPathComponent("x.png").path], inStoreOf: dir)
    #expect(out.status == 1)
    #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
    #expect(out.stderr.contains("行政诉讼案件"))
}

@Test func chartsTwiceChangesNoFileAndNamesAreSafe() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let charts = dir.appendingPathComponent("Charts")
    let first = try run(["charts", "--out", charts.path, "--format", "png,svg"], inStoreOf: dir)
    #expect(first.status == 0, "\(first.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
    #expect(names.contains("index.html"))
    #expect(names.contains("briefing-2024.pdf"))
    #expect(names.contains("petitions.closure_rate-rank-2022.png"))
    // File names carry indicator ids and years, never a township's name.
    #expect(names.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } }, "\(names)")
    let html = try String(contentsOf: charts.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(html.contains("<img src=\"petitions.closure_rate-rank-2022.png\""))
    #expect(html.contains("遂城街道"))  // the data table
    let second = try run(["charts", "--out", charts.path, "--format", "png,svg"], inStoreOf: dir)
    #expect(second.stderr.contains("改动 0 个文件"), "\(second.stderr)")
}

@Test func briefingFiguresEqualThoseOfCompareForTheSameYearAndRegion() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let briefing = try run(["briefing", "--year", "2022", "--city", "湛江市", "-o", dir.appendingPathComponent("b.pdf").path,
                            "--figures", "json"], inStoreOf: dir)
    #expect(briefing.status == 0, "\(briefing.stderr)")
    let figures = try #require(try JSONSerialization.jsonObject(with: Data(briefing.stdout.utf8)) as? [[String: Any]])
    #expect(figures.map { $0["indicator"] as? String } == ["mediation.resolution_rate", "petitions.closure_rate", "enforcement.certified_staff"])
    for figure in figures where figure["basis"] as? String == "pooled" {
        let id = try #require(figure["indicator"] as? String)
        let compare = try run(["compare", id, "--year", "2022", "--city", "湛江市", "--format", "json"], inStoreOf: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        #expect(figure["value"] as? Double == json["pooled"] as? Double, "\(id)")
        let a = figure["coverage"] as? [String: Int], b = json["coverage"] as? [String: Int]
        #expect(a == b, "\(id)")
    }
    let closure = try #require(figures.first { $0["indicator"] as? String == "petitions.closure_rate" })
    #expect(abs((closure["value"] as? Double ?? 0) - 182.0 / 204 * 100) < 1e-4)
    let staff = try #require(figures.first { $0["indicator"] as? String == "enforcement.certified_staff" })
    #expect(staff["value"] as? Double == 47)  // 北和镇 alone reports it for 2022
}
