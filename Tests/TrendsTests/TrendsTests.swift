import Extraction
import Store
import Trends
import XCTest

/// A hand-made county of four townships; every expected figure below is worked out by hand.
///
/// 甲县 (乙市, 丙省): 东镇, 西镇, 南镇; 丁县 (乙市, 丙省): 北镇.
/// 信访 2022: 东镇 40 received, 36 closed, 90% stated.
/// 信访 2023: 东镇 50/45 (no rate: derived 90%); 西镇 20/19 with 100% stated (19/20 is 95%);
///            南镇 80% stated, no counts; 北镇 10 received, 12 closed (more closed than received).
/// 法律明白人: 东镇 2023 112人, 较上年增加58人, 增长率109% (58/54 is 107.4%); 西镇 2022 10人, 2023 60人.
final class TrendsTests: XCTestCase {
    static let catalog: Catalog = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/catalog.json")
        return try! Catalog.load(from: url)
    }()

    static func value(_ township: String, _ county: String, _ year: Int, _ indicator: String, _ value: Double,
                      qualifier: String = "exact", source: String? = nil, change: Double? = nil, growth: Double? = nil) -> StoredValue {
        StoredValue(township: township, county: county, city: "乙市", province: "丙省", year: year, indicator: indicator,
                    value: value, unit: "件", qualifier: qualifier, source: source ?? "\(township)-\(year).txt",
                    evidence: "\(township)\(year)年的一句话。", statedChange: change, statedGrowthPercent: growth)
    }

    static func report(_ township: String?, _ county: String?, _ year: Int, path: String? = nil, city: String? = "乙市") -> ReportRecord {
        ReportRecord(id: nil, sourcePath: path ?? "\(township ?? "某镇")-\(year).txt", contentHash: "0", township: township,
                     county: county, city: county == nil ? nil : city, province: county == nil ? nil : "丙省", year: year)
    }

    static let values: [StoredValue] = [
        value("东镇", "甲县", 2022, "petitions.received", 40),
        value("东镇", "甲县", 2022, "petitions.closed", 36),
        value("东镇", "甲县", 2022, "petitions.closure_rate", 90),
        value("东镇", "甲县", 2023, "petitions.received", 50),
        value("东镇", "甲县", 2023, "petitions.closed", 45),
        value("西镇", "甲县", 2023, "petitions.received", 20),
        value("西镇", "甲县", 2023, "petitions.closed", 19),
        value("西镇", "甲县", 2023, "petitions.closure_rate", 100),
        value("南镇", "甲县", 2023, "petitions.closure_rate", 80),
        value("北镇", "丁县", 2023, "petitions.received", 10),
        value("北镇", "丁县", 2023, "petitions.closed", 12),
        value("东镇", "甲县", 2023, "legal.literates", 112, change: 58, growth: 109),
        value("西镇", "甲县", 2022, "legal.literates", 10),
        value("西镇", "甲县", 2023, "legal.literates", 60),
        // An imported figure for a key a report already gives: the report's value is kept.
        value("西镇", "甲县", 2023, "legal.literates", 61, source: "import:手工汇总.csv"),
    ]

    static let reports: [ReportRecord] = [
        report("东镇", "甲县", 2022), report("东镇", "甲县", 2023),
        report("西镇", "甲县", 2022), report("西镇", "甲县", 2023),
        report("南镇", "甲县", 2023), report("南镇", "甲县", 2023, path: "南镇-2023-重复.txt"),
        report("北镇", "丁县", 2023),
        report("无名镇", nil, 2023, path: "无名镇-2023.txt"),
    ]

    let data = Dataset(values: TrendsTests.values, reports: TrendsTests.reports, catalog: TrendsTests.catalog)
    let east = Place(township: "东镇", county: "甲县")
    let west = Place(township: "西镇", county: "甲县")

    func testClosureRateIsDerivedFromCountsWhereNoRateIsStated() throws {
        let derived = try XCTUnwrap(data.observation("petitions.closure_rate", east, 2023))
        XCTAssertEqual(derived.value, 90, accuracy: 1e-9)  // 45 / 50
        XCTAssertTrue(derived.derived)
        XCTAssertEqual(derived.evidence, "由信访办结数45件 ÷ 信访件数50件 × 100 计算。")
        XCTAssertEqual(derived.source, "东镇-2023.txt")
        let stated = try XCTUnwrap(data.observation("petitions.closure_rate", west, 2023))
        XCTAssertEqual(stated.value, 100)  // the stated rate is kept, not replaced by 95
        XCTAssertFalse(stated.derived)
    }

    func testStatedChangeImpliesThePreviousYearAsDerived() throws {
        let implied = try XCTUnwrap(data.observation("legal.literates", east, 2022))
        XCTAssertEqual(implied.value, 54)  // 112 − 58
        XCTAssertTrue(implied.derived)
    }

    func testSeriesCarryYearOnYearChangeAbsoluteAndRelative() throws {
        let series = data.series("legal.literates", in: .county("甲县"))
        XCTAssertEqual(series.map(\.place.township), ["东镇", "西镇"])
        let west = series[1].points
        XCTAssertEqual(west.map(\.year), [2022, 2023])
        XCTAssertNil(west[0].yoy)
        XCTAssertEqual(west[1].yoy?.absolute, 50)           // 60 − 10
        XCTAssertEqual(west[1].yoy?.relative ?? 0, 500, accuracy: 1e-9)  // 50 / 10
        XCTAssertEqual(west[1].value, 60)                    // the report, not the import's 61
        let east = series[0].points
        XCTAssertEqual(east[1].yoy?.absolute, 58)
        XCTAssertEqual(east[1].yoy?.relative ?? 0, 58.0 / 54 * 100, accuracy: 1e-9)
    }

    func testSeriesCanBeLimitedToNamedTownships() {
        XCTAssertEqual(data.series("petitions.received", townships: ["北镇"]).map(\.place.township), ["北镇"])
    }

    func testRanksWithinACountyAndNationally() {
        let county = data.compare("petitions.closure_rate", year: 2023, in: .county("甲县"))
        XCTAssertEqual(county.rows.map(\.place.township), ["西镇", "东镇", "南镇"])
        XCTAssertEqual(county.rows.map(\.rank), [1, 2, 3])
        XCTAssertEqual(county.median, 90)
        let all = data.compare("petitions.closure_rate", year: 2023)
        // 无名镇 has a report for 2023 but no closure rate: listed last, unranked.
        XCTAssertEqual(all.rows.map(\.place.township), ["北镇", "西镇", "东镇", "南镇", "无名镇"])
        XCTAssertEqual(all.rows.map(\.rank), [1, 2, 3, 4, nil])
        XCTAssertEqual(all.median, 95)  // (90 + 100) / 2
    }

    func testEqualValuesShareARankAndTownshipsWithoutAValueComeLast() {
        let c = data.compare("petitions.received", year: 2023, in: .county("甲县"))
        XCTAssertEqual(c.rows.map(\.place.township), ["东镇", "西镇", "南镇"])
        XCTAssertEqual(c.rows.map(\.rank), [1, 2, nil])
        let values = [StoredValue](arrayLiteral:
            Self.value("东镇", "甲县", 2023, "petitions.received", 7), Self.value("西镇", "甲县", 2023, "petitions.received", 7),
            Self.value("南镇", "甲县", 2023, "petitions.received", 3))
        let tied = Dataset(values: values, catalog: Self.catalog).compare("petitions.received", year: 2023)
        XCTAssertEqual(tied.rows.map(\.rank), [1, 1, 3])
    }

    func testPooledRateIsSumOverSumNeverAMeanOfRates() {
        let county = data.pooled("petitions.closure_rate", year: 2023, in: .county("甲县"))
        XCTAssertEqual(county.value ?? 0, 64.0 / 70 * 100, accuracy: 1e-9)  // (45 + 19) / (50 + 20)
        XCTAssertEqual(county.coverage, Coverage(reporting: 3, total: 3, pooled: 2))
        let city = data.pooled("petitions.closure_rate", year: 2023, in: .city("乙市"))
        XCTAssertEqual(city.value ?? 0, 95, accuracy: 1e-9)  // (45 + 19 + 12) / (50 + 20 + 10)
        XCTAssertEqual(city.coverage, Coverage(reporting: 4, total: 4, pooled: 3))
    }

    func testCountsRollUpAsSumsWithCoverage() {
        let rollup = data.rollup("legal.literates", in: .county("甲县"))
        XCTAssertEqual(rollup.map(\.year), [2022, 2023])
        XCTAssertEqual(rollup[0].value, 64)   // 54 (implied) + 10
        // Without a roster, 甲县's three stored townships are those expected: 南镇 sent nothing for 2022.
        XCTAssertEqual(rollup[0].coverage, Coverage(reporting: 2, total: 2, pooled: 2, expected: 3))
        XCTAssertEqual(rollup[1].value, 172)  // 112 + 60
        XCTAssertEqual(rollup[1].coverage, Coverage(reporting: 2, total: 3, pooled: 2))
        let province = data.rollup("petitions.received", in: .province("丙省"))
        XCTAssertEqual(province.map(\.value), [40, 80])  // 2023: 50 + 20 + 10
    }

    func testRateWithoutCountsHasNoPooledValue() {
        let values = [Self.value("东镇", "甲县", 2023, "enforcement.certified_rate", 98)]
        let pooled = Dataset(values: values, catalog: Self.catalog).pooled("enforcement.certified_rate", year: 2023)
        XCTAssertNil(pooled.value)
        XCTAssertEqual(pooled.coverage.reporting, 1)
    }

    /// 排查矛盾纠纷77件，成功化解73件，同比上升2.7%: the extractor gives the 2.7% to the nearer figure,
    /// 73 resolved (70 the year before: +4.3%), but it fits the 77 disputes (75 the year before: +2.67%).
    func testGrowthWrittenAfterTwoFiguresIsNotFlaggedWhenItFitsTheOther() {
        func checks(disputesBefore: Double) -> [CheckFinding] {
            let values = [
                Self.value("东镇", "甲县", 2022, "mediation.disputes", disputesBefore),
                Self.value("东镇", "甲县", 2022, "mediation.resolved", 70),
                Self.value("东镇", "甲县", 2023, "mediation.disputes", 77),
                Self.value("东镇", "甲县", 2023, "mediation.resolved", 73, growth: 2.7),
            ]
            return Dataset(values: values, catalog: Self.catalog).checks().filter { $0.kind == .growthMismatch }
        }
        XCTAssertEqual(checks(disputesBefore: 75).count, 0)
        // 76 disputes the year before (+1.3%): the 2.7% fits neither figure of the sentence.
        XCTAssertEqual(checks(disputesBefore: 76).map(\.indicator), ["mediation.resolved"])
    }

    func testChecksFindEveryKindOfInconsistency() {
        let checks = data.checks()
        func find(_ kind: CheckFinding.Kind) -> [CheckFinding] { checks.filter { $0.kind == kind } }
        XCTAssertEqual(find(.rateMismatch).map { $0.place?.township }, ["西镇"])
        XCTAssertTrue(find(.rateMismatch)[0].message.contains("95%"), find(.rateMismatch)[0].message)
        XCTAssertEqual(find(.partAboveWhole).map { $0.place?.township }, ["北镇"])
        XCTAssertEqual(find(.growthMismatch).map { $0.place?.township }, ["东镇"])
        XCTAssertTrue(find(.growthMismatch)[0].message.contains("107.41%"), find(.growthMismatch)[0].message)
        XCTAssertEqual(find(.jump).map { $0.place?.township }, ["西镇"])
        XCTAssertEqual(find(.duplicateReport).map { $0.place?.township }, ["南镇"])
        XCTAssertEqual(find(.unplaced).map(\.source), ["无名镇-2023.txt"])
        XCTAssertTrue(find(.rateMismatch)[0].evidence?.contains("西镇2023年") == true)
        XCTAssertEqual(find(.rateAbove100).count, 0)  // 北镇's 120% is derived, not stated
    }

    func testAStatedRateWithinRoundingOfItsCountsIsNotFlagged() {
        let values = [Self.value("东镇", "甲县", 2023, "petitions.received", 116),
                      Self.value("东镇", "甲县", 2023, "petitions.closed", 105),
                      Self.value("东镇", "甲县", 2023, "petitions.closure_rate", 90.52)]  // 105/116 = 90.517…
        XCTAssertEqual(Dataset(values: values, catalog: Self.catalog).checks(), [])
    }

    func testAStatedRateAbove100IsFlagged() {
        let values = [Self.value("东镇", "甲县", 2023, "mediation.resolution_rate", 101)]
        XCTAssertEqual(Dataset(values: values, catalog: Self.catalog).checks().map(\.kind), [.rateAbove100])
    }

    func testLatestYearIsTheLastWithAValue() {
        XCTAssertEqual(data.latestYear("petitions.closure_rate"), 2023)
        XCTAssertNil(data.latestYear("review.litigation_cases"))
    }
}
