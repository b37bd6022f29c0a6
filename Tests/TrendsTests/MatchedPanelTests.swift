import Extraction
import Store
import Trends
import XCTest

/// A hand-made county whose reporting townships differ between years; every expected figure is worked out
/// by hand below.
///
/// 甲县's roster: A镇 B镇 C镇 D镇 E镇 F镇 (6). 乙县 has no roster: its one township G镇 counts as expected.
/// 持证执法人员: 2023 A 10, B 20, C 30, D 40 (sum 100); 2024 B 25, C 33, D 44, E 50 (sum 152).
///   Naive change +52; matched B C D: 90 → 102, +12 (+13.33 %), 3 of 6 (not under half).
/// 信访 (received/closed): 2023 A 100/90, B 50/40, C 40/30, D 20/20 → pooled 180/210 = 85.714 %;
///   2024 B 60/57, C 30/27, D 10/9, E rate 99 stated without counts → pooled 93/100 = 93 %.
///   Matched B C D: 2023 90/110 = 81.818 %, 2024 93 %: +11.18 pp.
/// Reports: 2023 A B C D; 2024 B C D E, and G镇 (乙县) in 2024 only.
final class MatchedPanelTests: XCTestCase {
    static func value(_ township: String, _ year: Int, _ indicator: String, _ value: Double, county: String = "甲县",
                      qualifier: String = "exact") -> StoredValue {
        StoredValue(township: township, county: county, city: "丙市", province: "丁省", year: year, indicator: indicator,
                    value: value, unit: "人", qualifier: qualifier, source: "\(township)-\(year).txt",
                    evidence: "\(township)\(year)年。", statedChange: nil, statedGrowthPercent: nil)
    }

    static let values: [StoredValue] = {
        var v: [StoredValue] = []
        for (t, n) in [("A镇", 10.0), ("B镇", 20), ("C镇", 30), ("D镇", 40)] { v.append(value(t, 2023, "enforcement.certified_staff", n)) }
        for (t, n) in [("B镇", 25.0), ("C镇", 33), ("D镇", 44), ("E镇", 50)] { v.append(value(t, 2024, "enforcement.certified_staff", n)) }
        for (t, r, c) in [("A镇", 100.0, 90.0), ("B镇", 50, 40), ("C镇", 40, 30), ("D镇", 20, 20)] {
            v.append(value(t, 2023, "petitions.received", r)); v.append(value(t, 2023, "petitions.closed", c))
        }
        for (t, r, c) in [("B镇", 60.0, 57.0), ("C镇", 30, 27), ("D镇", 10, 9)] {
            v.append(value(t, 2024, "petitions.received", r)); v.append(value(t, 2024, "petitions.closed", c))
        }
        v.append(value("E镇", 2024, "petitions.closure_rate", 99))
        v.append(value("G镇", 2024, "enforcement.certified_staff", 7, county: "乙县"))
        return v
    }()

    static let reports: [ReportRecord] = {
        var r: [ReportRecord] = []
        for t in ["A镇", "B镇", "C镇", "D镇"] { r.append(report(t, 2023)) }
        for t in ["B镇", "C镇", "D镇", "E镇"] { r.append(report(t, 2024)) }
        r.append(report("G镇", 2024, county: "乙县"))
        return r
    }()

    static func report(_ t: String, _ year: Int, county: String = "甲县") -> ReportRecord {
        ReportRecord(sourcePath: "\(t)-\(year).txt", contentHash: "0", township: t, county: county, city: "丙市",
                     province: "丁省", year: year)
    }

    static let roster = Roster(places: ["A镇", "B镇", "C镇", "D镇", "E镇", "F镇"].map { Place(township: $0, county: "甲县") },
                               sourceOfCounty: ["甲县": "roster.csv"])

    var data: Dataset {
        var d = Dataset(values: Self.values, reports: Self.reports, catalog: TrendsTests.catalog)
        d.roster = Self.roster
        return d
    }

    func testACountComparesTheSameTownshipsInBothYears() {
        let c = data.matchedChange("enforcement.certified_staff", year: 2024, in: .county("甲县"))
        XCTAssertEqual(c.matched.map(\.township), ["B镇", "C镇", "D镇"])
        XCTAssertEqual(c.previous, 90)
        XCTAssertEqual(c.current, 102)
        XCTAssertEqual(c.expected, 6)
        XCTAssertFalse(c.isSmall)
        XCTAssertEqual(c.change?.absolute, 12)
        XCTAssertEqual(c.change?.relative ?? 0, 12.0 / 90 * 100, accuracy: 1e-9)
        // A report from elsewhere (G镇 of 乙县, 2024 only) changes the totals, not the like-for-like change.
        let everywhere = data.matchedChange("enforcement.certified_staff", year: 2024)
        XCTAssertEqual(everywhere.matched.map(\.township), ["B镇", "C镇", "D镇"])
        XCTAssertEqual(everywhere.previous, 90)
        XCTAssertEqual(everywhere.current, 102)
        // 3 matched of 7 expected (甲县's 6 and G) is under half: said, not turned into a percentage.
        XCTAssertEqual(everywhere.expected, 7)
        XCTAssertNil(everywhere.change)
        XCTAssertEqual(data.pooled("enforcement.certified_staff", year: 2024).value, 159)
        // The totals over whoever reported differ by 52: not a change of the county.
        XCTAssertEqual(data.pooled("enforcement.certified_staff", year: 2024, in: .county("甲县")).value, 152)
        XCTAssertEqual(data.pooled("enforcement.certified_staff", year: 2023, in: .county("甲县")).value, 100)
    }

    func testAPooledRateOfTheMatchedSetComesFromThatSetsCounts() {
        let c = data.matchedChange("petitions.closure_rate", year: 2024, in: .county("甲县"))
        XCTAssertEqual(c.basis, .pooledRate)
        XCTAssertEqual(c.matched.map(\.township), ["B镇", "C镇", "D镇"])
        XCTAssertEqual(c.previous ?? 0, 90.0 / 110 * 100, accuracy: 1e-9)
        XCTAssertEqual(c.current ?? 0, 93, accuracy: 1e-9)
        XCTAssertEqual(c.change?.absolute ?? 0, 93 - 90.0 / 110 * 100, accuracy: 1e-9)
        // Over everyone with counts, 2023 pools A too: 180/210.
        XCTAssertEqual(data.pooled("petitions.closure_rate", year: 2023, in: .county("甲县")).value ?? 0, 180.0 / 210 * 100, accuracy: 1e-9)
    }

    func testCoverageCountsAgainstTheRosterAndNamesWhoSentNothing() {
        let a = data.attendance(year: 2024, in: .county("甲县"))
        XCTAssertEqual(a.expected.count, 6)
        XCTAssertEqual(a.submitted.map(\.township), ["B镇", "C镇", "D镇", "E镇"])
        XCTAssertEqual(a.missing.map(\.township), ["A镇", "F镇"])
        XCTAssertTrue(a.fromRoster)
        let p = data.pooled("petitions.closure_rate", year: 2024, in: .county("甲县"))
        XCTAssertEqual(p.coverage.expected, 6)
        XCTAssertEqual(p.coverage.total, 4)
        XCTAssertEqual(p.coverage.reporting, 4)  // B C D derived, E stated
        XCTAssertEqual(p.coverage.pooled, 3)     // E gives no counts
        // 乙县 has no roster: its stored township counts, and the region says it is not all from a roster.
        let all = data.attendance(year: 2024)
        XCTAssertEqual(all.expected.count, 7)
        XCTAssertFalse(all.fromRoster)
    }

    func testTheRankingListsTheRostersTownshipsThatSentNothing() {
        let c = data.compare("enforcement.certified_staff", year: 2024, in: .county("甲县"))
        XCTAssertEqual(c.rows.map(\.place.township), ["E镇", "D镇", "C镇", "B镇", "A镇", "F镇"])
        XCTAssertEqual(c.rows.map(\.submitted), [true, true, true, true, false, false])
        XCTAssertEqual(c.pooled.coverage.expected, 6)
    }

    func testASmallPanelGivesNoChange() {
        // In 乙县 only G reported, in 2024 only: nothing to compare.
        let c = data.matchedChange("enforcement.certified_staff", year: 2024, in: .county("乙县"))
        XCTAssertTrue(c.matched.isEmpty)
        XCTAssertNil(c.change)
        // Two of six matched is under half of the roster.
        var d = data
        d.roster = Roster(places: Self.roster.places + (1...4).map { Place(township: "新\($0)镇", county: "甲县") },
                          sourceOfCounty: ["甲县": "roster.csv"])
        let wide = d.matchedChange("enforcement.certified_staff", year: 2024, in: .county("甲县"))
        XCTAssertEqual(wide.expected, 10)
        XCTAssertTrue(wide.isSmall)
        XCTAssertNil(wide.change)
        XCTAssertEqual(wide.current, 102)
    }

    func testASumOfApproximateFiguresIsApproximate() {
        XCTAssertEqual(combinedQualifier(["exact", "exact"]), "exact")
        XCTAssertEqual(combinedQualifier(["exact", "more_than"]), "more_than")
        XCTAssertEqual(combinedQualifier(["at_least", "exact"]), "at_least")
        XCTAssertEqual(combinedQualifier(["nearly", "exact"]), "about")
        XCTAssertEqual(combinedQualifier(["more_than", "at_most"]), "about")
        XCTAssertEqual(combinedQualifier(["less_than", "at_most"]), "less_than")
        var values = Self.values
        values[0] = Self.value("A镇", 2023, "enforcement.certified_staff", 10, qualifier: "nearly")
        let d = Dataset(values: values, reports: Self.reports, catalog: TrendsTests.catalog)
        XCTAssertEqual(d.pooled("enforcement.certified_staff", year: 2023).qualifier, "about")
        XCTAssertEqual(d.pooled("enforcement.certified_staff", year: 2024).qualifier, "exact")
    }

    func testAYearOrRegionWithoutDataIsAnErrorNamingWhatThereIs() {
        XCTAssertThrowsError(try data.requireData(in: .all, year: 2025)) { error in
            XCTAssertEqual((error as? SelectionError)?.reason, .noYear(2025, available: [2023, 2024]))
            XCTAssertTrue("\(error)".contains("2023、2024"))
        }
        XCTAssertThrowsError(try data.requireData(in: .county("甲悬"))) { error in
            XCTAssertEqual((error as? SelectionError)?.reason, .noRegion(.county("甲悬"), nearest: ["甲县"]))
        }
        XCTAssertNoThrow(try data.requireData(in: .county("甲县"), year: 2023))
    }

    func testARosterFileIsReadAndABadLineIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("roster.csv")
        try Roster.csv(Self.roster.places).write(to: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Roster.read(csv: good), Self.roster.places)
        let bad = dir.appendingPathComponent("bad.csv")
        try "township,county\nA镇,甲县\nB镇,\n".write(to: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Roster.read(csv: bad)) { error in
            XCTAssertEqual((error as? RosterError)?.reason, .incompleteLine(3))
        }
    }
}
