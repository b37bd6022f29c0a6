import Foundation
import Testing

@Test func compareGivesTheStatedRateAndTheRateDerivedFromCounts() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try run(["compare", "petitions.closure_rate", "--year", "2022", "--format", "json"], inStoreOf: dir)
    #expect(out.status == 0, "\(out.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    let all = try #require(json["rows"] as? [[String: Any]])
    // The other townships of the two counties in the gazetteer sent nothing: listed after them as 未报送.
    let rows = all.filter { $0["submitted"] as? Bool == true }
    #expect(rows.count == 2)
    #expect(all.count > 2 && all.dropFirst(2).allSatisfy { $0["submitted"] as? Bool == false && $0["value"] is NSNull })
    #expect(rows[0]["township"] as? String == "遂城街道")
    #expect(rows[0]["value"] as? Double == 90.52)
    #expect(rows[0]["derived"] as? Bool == false)
    #expect(rows[1]["township"] as? String == "北和镇")
    #expect(rows[1]["value"] as? Double == 87.5)  // 77 of 88 closed
    #expect(rows[1]["derived"] as? Bool == true)
    #expect(rows[1]["rank"] as? Int == 2)
    // Pooled: (105 + 77) / (116 + 88), never the mean of the two rates.
    let pooled = try #require(json["pooled"] as? Double)
    #expect(abs(pooled - 182.0 / 204 * 100) < 1e-4)
    #expect(json["median"] as? Double == 89.01)
}

@Test func compareTableLinesUpChineseColumns() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try run(["compare", "petitions.closure_rate", "--year", "2022"], inStoreOf: dir)
    let lines = out.stdout.split(separator: "\n").map(String.init)
    let first = try #require(lines.first { $0.contains("遂城街道") })
    let second = try #require(lines.first { $0.contains("北和镇") })
    // Two columns a Chinese character: the county column starts at the same display column.
    func column(of text: String, in line: String) -> Int {
        let prefix = line[..<line.range(of: text)!.lowerBound]
        return prefix.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }
    #expect(column(of: "遂溪县", in: first) == column(of: "雷州市", in: second))
    #expect(second.contains("87.5*"))
}

@Test func trendJSONHasSeriesAndRollupWithCoverage() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try run(["trend", "mediation.disputes", "--city", "湛江市", "--format", "json"], inStoreOf: dir)
    #expect(out.status == 0, "\(out.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    #expect(json["unit"] as? String == "件")
    let series = try #require(json["series"] as? [[String: Any]])
    #expect(series.map { $0["township"] as? String } == ["良垌镇"])
    let points = try #require(series[0]["points"] as? [[String: Any]])
    #expect(points.first?["value"] as? Double == 241)
    let rollup = try #require(json["rollup"] as? [[String: Any]])
    let latest = try #require(rollup.first { $0["year"] as? Int == 2024 })
    #expect(latest["value"] as? Double == 241)
    let coverage = try #require(latest["coverage"] as? [String: Any])
    #expect(coverage["reporting"] as? Int == 1)
    #expect(coverage["total"] as? Int == 1)
}

@Test func checkPrintsJSONArrayAndTwoRegionsAreAUsageError() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try run(["check", "--format", "json"], inStoreOf: dir)
    #expect(out.status == 0, "\(out.stderr)")
    #expect(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) is [Any])
    let bad = try run(["compare", "petitions.closure_rate", "--year", "2022", "--county", "a", "--city", "b"], inStoreOf: dir)
    #expect(bad.status == 2)
    let unknown = try run(["trend", "no.such"], inStoreOf: dir)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("未知指标"))
}
