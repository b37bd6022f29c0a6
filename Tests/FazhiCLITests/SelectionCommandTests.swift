import Foundation
import Testing

@Test func aYearWithoutReportsIsAnErrorNamingTheYearsWithData() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("b.pdf").path
    for arguments in [["briefing", "--year", "2031", "-o", out], ["compare", "信访办结率", "--year", "2031"],
                      ["chart", "rank", "petitions.closure_rate", "--year", "2031", "-o", dir.appendingPathComponent("r.png").path],
                      ["charts", "--year", "2031", "--out", dir.appendingPathComponent("c").path]] {
        let run = try run(arguments, inStoreOf: dir)
        #expect(run.status == 1, "\(arguments)")
        #expect(run.stderr.contains("没有2031年的报告") && run.stderr.contains("2022"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
    #expect(!FileManager.default.fileExists(atPath: out))
}

@Test func aRegionWithoutTownshipsIsAnErrorWithTheNearestNames() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try run(["compare", "petitions.closure_rate", "--year", "2022", "--county", "遂溪悬"], inStoreOf: dir)
    #expect(run.status == 1)
    #expect(run.stderr.contains("遂溪县"), "\(run.stderr)")
}

@Test func anIndicatorIsNamedByIdChineseNameOrAPartAndAnUnknownOneGetsTheNearest() throws {
    let dir = try storeOfSamples()
    defer { try? FileManager.default.removeItem(at: dir) }
    let byId = try run(["compare", "petitions.closure_rate", "--year", "2022", "--format", "json"], inStoreOf: dir)
    let byName = try run(["compare", "信访办结率", "--year", "2022", "--format", "json"], inStoreOf: dir)
    let byPart = try run(["compare", "办结率", "--year", "2022", "--format", "json"], inStoreOf: dir)
    #expect(byId.status == 0 && byId.stdout == byName.stdout && byName.stdout == byPart.stdout, "\(byPart.stderr)")
    let unknown = try run(["trend", "信访办节率"], inStoreOf: dir)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("信访办结率") && unknown.stderr.contains("petitions.closure_rate"), "\(unknown.stderr)")
}

@Test func rosterListsWhoHasAndHasNotReportedAgainstTheSampleCountysRoster() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sample = dir.appendingPathComponent("示例县")
    #expect(try runFazhi(["sample", "--townships", "6", "--years", "2023-2024", "--out", sample.path]).status == 0)
    let roster = sample.appendingPathComponent("roster.csv")
    let lines = try String(contentsOf: roster, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "township,county,city,province" && lines.count == 7)
    // One township's 2024 report is lost: it shows as not sent.
    let reports = try FileManager.default.contentsOfDirectory(atPath: sample.appendingPathComponent("reports").path).sorted()
    let lost = try #require(reports.first { $0.hasSuffix("-2024.txt") })
    try FileManager.default.removeItem(at: sample.appendingPathComponent("reports/\(lost)"))
    let db = dir.appendingPathComponent("s.sqlite").path
    #expect(try runFazhi(["extract", sample.appendingPathComponent("reports").path, "--db", db]).status == 0)
    let out = try runFazhi(["roster", "--year", "2024", "--db", db, "--roster", roster.path, "--format", "json"])
    #expect(out.status == 0, "\(out.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    #expect(json["expected"] as? Int == 6)
    #expect(json["submitted"] as? Int == 5)
    let missing = (json["townships"] as? [[String: Any]] ?? []).filter { $0["submitted"] as? Bool == false }.compactMap { $0["township"] as? String }
    #expect(missing.count == 1 && lost.contains(missing[0]))
}
