import Extraction
import Foundation
import Plot
import Publish
import Store
import Testing
import Trends

/// The briefing's tiles on a hand-made county whose reporting townships differ between years; the
/// figures are worked out by hand (the same county as `MatchedPanelTests` in TrendsTests).
///
/// 甲县's roster: A镇…F镇 (6). 持证执法人员 2023: A 10, B 20, C 30, D 40; 2024: B 25, C 33, D 44, E 50.
/// Matched B C D: 90 → 102, +12 (+13.33 %). 信访: 2023 A 100/90, B 50/40, C 40/30, D 20/20;
/// 2024 B 60/57, C 30/27, D 10/9, E 99 % stated: pooled 2024 93/100 = 93 % from 3 townships;
/// matched B C D: 81.82 % → 93 %, +11.18 points.
enum County {
    static let catalog: Catalog = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/catalog.json")
        return try! Catalog.load(from: url)
    }()

    static func value(_ t: String, _ year: Int, _ indicator: String, _ v: Double, qualifier: String = "exact") -> StoredValue {
        StoredValue(township: t, county: "甲县", city: "丙市", province: "丁省", year: year, indicator: indicator, value: v,
                    unit: "人", qualifier: qualifier, source: "\(t)-\(year).txt", evidence: "\(t)\(year)年。",
                    statedChange: nil, statedGrowthPercent: nil)
    }

    static func data(staffQualifier: String = "exact") -> Dataset {
        var v: [StoredValue] = []
        for (t, n) in [("A镇", 10.0), ("B镇", 20), ("C镇", 30), ("D镇", 40)] { v.append(value(t, 2023, "enforcement.certified_staff", n)) }
        for (t, n) in [("B镇", 25.0), ("C镇", 33), ("D镇", 44), ("E镇", 50)] {
            v.append(value(t, 2024, "enforcement.certified_staff", n, qualifier: t == "E镇" ? staffQualifier : "exact"))
        }
        for (t, r, c) in [("A镇", 100.0, 90.0), ("B镇", 50, 40), ("C镇", 40, 30), ("D镇", 20, 20)] {
            v += [value(t, 2023, "petitions.received", r), value(t, 2023, "petitions.closed", c)]
        }
        for (t, r, c) in [("B镇", 60.0, 57.0), ("C镇", 30, 27), ("D镇", 10, 9)] {
            v += [value(t, 2024, "petitions.received", r), value(t, 2024, "petitions.closed", c)]
        }
        v.append(value("E镇", 2024, "petitions.closure_rate", 99))
        let reports = [("A镇", 2023), ("B镇", 2023), ("C镇", 2023), ("D镇", 2023), ("B镇", 2024), ("C镇", 2024), ("D镇", 2024), ("E镇", 2024)]
            .map { ReportRecord(sourcePath: "\($0.0)-\($0.1).txt", contentHash: "0", township: $0.0, county: "甲县", city: "丙市",
                                province: "丁省", year: $0.1) }
        var data = Dataset(values: v, reports: reports, catalog: catalog)
        data.roster = Roster(places: ["A镇", "B镇", "C镇", "D镇", "E镇", "F镇"].map { Place(township: $0, county: "甲县") },
                             sourceOfCounty: ["甲县": "roster.csv"])
        return data
    }
}

@Test func theStaffTileComparesTheSameTownshipsAndCountsAgainstTheRoster() throws {
    let maker = BriefingMaker(maker: ChartMaker(data: County.data(), region: .county("甲县")), year: 2024, language: .zh)
    let staff = try #require(County.catalog.indicator("enforcement.certified_staff"))
    let figure = maker.figure(staff)
    #expect(figure.value == 152)
    #expect(figure.change.matched.count == 3)
    #expect(figure.change.change?.absolute == 12)
    let tile = maker.tile(figure)
    #expect(tile.value == "152人")
    #expect(tile.change == "3个镇街两年均有数据：较上年+12人（+13.33%）", "\(tile.change ?? "")")
    #expect(tile.coverage == "6个镇街中4个报送、4个报告该指标", "\(tile.coverage ?? "")")
    // Not +52 (+52 %), the change between whoever happened to report.
    #expect(tile.change?.contains("+52") == false)
}

@Test func theRateTileSaysFromHowManyTownshipsItIsPooledAndComparesTheSameSetsCounts() throws {
    let maker = BriefingMaker(maker: ChartMaker(data: County.data(), region: .county("甲县")), year: 2024, language: .zh)
    let rate = try #require(County.catalog.indicator("petitions.closure_rate"))
    let figure = maker.figure(rate)
    #expect(abs((figure.value ?? 0) - 93) < 1e-9)
    #expect(figure.coverage.pooled == 3)
    let tile = maker.tile(figure)
    #expect(tile.note == "由3个镇街的计数汇总")
    #expect(tile.note?.contains("Σ") == false)
    #expect(tile.change == "3个镇街两年均有数据：较上年+11.18个百分点", "\(tile.change ?? "")")
    let english = BriefingMaker(maker: ChartMaker(data: County.data(), region: .county("甲县")), year: 2024, language: .en)
    #expect(english.tile(english.figure(rate)).note == "pooled from the counts of 3 townships")
}

@Test func aTotalWithAnApproximateFigureIsMarkedApproximate() throws {
    let maker = BriefingMaker(maker: ChartMaker(data: County.data(staffQualifier: "about"), region: .county("甲县")), year: 2024,
                              language: .zh)
    let staff = try #require(County.catalog.indicator("enforcement.certified_staff"))
    #expect(maker.tile(maker.figure(staff)).value == "约152人")
    // The ranking's total says so too, and the like-for-like change is approximate only where E's figure enters it: not.
    let chart = try maker.maker.chart(.init(kind: .rank, indicators: [staff.id], year: 2024))
    #expect(chart.subtitle?.contains("合计约152人") == true, "\(chart.subtitle ?? "")")
    #expect(maker.figure(staff).change.approximate == false)
}

@Test func aSmallPanelSaysSoInsteadOfAPercentage() throws {
    var data = County.data()
    data.roster = Roster(places: data.roster.places + (1...4).map { Place(township: "新\($0)镇", county: "甲县") },
                         sourceOfCounty: ["甲县": "roster.csv"])
    let maker = BriefingMaker(maker: ChartMaker(data: data, region: .county("甲县")), year: 2024, language: .zh)
    let staff = try #require(County.catalog.indicator("enforcement.certified_staff"))
    let tile = maker.tile(maker.figure(staff))
    #expect(tile.change == "仅3个镇街两年均有数据（共10个），不计变化")
    #expect(tile.flagged)
}

@Test func theRankingOfTheSheetListsWhoSentNothing() throws {
    let maker = ChartMaker(data: County.data(), region: .county("甲县"))
    let chart = try maker.chart(.init(kind: .rank, indicators: ["enforcement.certified_staff"], year: 2024))
    #expect(chart.rows.filter { !$0.submitted }.map(\.township) == ["A镇", "F镇"])
    #expect(chart.subtitle?.contains("6个镇街中4个报告、2个未报送") == true, "\(chart.subtitle ?? "")")
}

@Test func equalFiguresOfWhichOneIsApproximateAreNotCalledATie() throws {
    let values = [County.value("A镇", 2024, "enforcement.certified_staff", 50, qualifier: "about"),
                  County.value("B镇", 2024, "enforcement.certified_staff", 50),
                  County.value("C镇", 2024, "enforcement.certified_staff", 20)]
    let data = Dataset(values: values, catalog: County.catalog)
    let chart = try ChartMaker(data: data, region: .all).chart(.init(kind: .rank, indicators: ["enforcement.certified_staff"], year: 2024))
    #expect(!chart.title.contains("并列"), "\(chart.title)")
    #expect(chart.title.contains("约50人") && chart.title.contains("未必相等"), "\(chart.title)")
    let exact = Dataset(values: [County.value("A镇", 2024, "enforcement.certified_staff", 50),
                                 County.value("B镇", 2024, "enforcement.certified_staff", 50)], catalog: County.catalog)
    let tie = try ChartMaker(data: exact, region: .all).chart(.init(kind: .rank, indicators: ["enforcement.certified_staff"], year: 2024))
    #expect(tie.title.contains("并列最高（50人）"), "\(tie.title)")
}
