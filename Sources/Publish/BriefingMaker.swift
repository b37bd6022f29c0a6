import Extraction
import Foundation
import Plot
import Store
import Trends

/// The annual briefing sheet: pooled headline figures with their like-for-like change and coverage,
/// a trend, a ranking and the consistency findings, for one year and region.
public struct BriefingMaker {
    public enum Language: String, CaseIterable, Sendable { case zh, en }

    /// One headline figure as the sheet states it, kept so that a test can hold it against `compare`.
    public struct Figure {
        public var indicator: Indicator
        /// "pooled" (Σ numerator ÷ Σ denominator, or a sum), "median" (a rate without counts), or "none".
        public var basis: String
        public var value: Double?
        /// How the value is to be read (see `combinedQualifier`).
        public var qualifier: String
        public var coverage: Coverage
        /// The change from the year before over the townships that give the indicator in both years.
        public var change: MatchedChange
    }

    public let maker: ChartMaker
    public let year: Int
    public let language: Language
    /// `data.checks()`, when the caller made it once for many sheets (a tree of thousands of regions).
    public var checks: [CheckFinding]?
    /// The region's reports, when the caller found them once for many sheets; else the sheet filters them all.
    public var regionReports: [ReportRecord]?

    public init(maker: ChartMaker, year: Int, language: Language) {
        self.maker = maker
        self.year = year
        self.language = language
    }

    var data: Dataset { maker.data }
    var region: Region { maker.region }
    var english: Bool { language == .en }

    func name(_ i: Indicator) -> String { english ? (i.en ?? i.id) : i.name }

    /// What a check found, in English: the figures are in the Chinese message of `fazhi check`.
    public static func englishCheck(_ kind: CheckFinding.Kind) -> String {
        switch kind {
        case .rateMismatch: return "the stated rate disagrees with its own counts"
        case .rateAbove100: return "a stated rate above 100%"
        case .partAboveWhole: return "more closed or resolved than received"
        case .growthMismatch: return "the stated change disagrees with last year's figure"
        case .duplicateReport: return "two reports for the same year"
        case .jump: return "changed more than fivefold in one year"
        case .unplaced: return "townships the gazetteer cannot place in a county, city and province (see fazhi check)"
        case .lowConfidence: return "a value extraction was not sure of (see fazhi check)"
        }
    }

    /// The catalog's measure words in English, after a space; a word with no English counterpart is left out.
    public static func englishUnit(_ unit: String) -> String {
        let words = ["人": "people", "名": "people", "人次": "person-times", "件": "cases", "起": "cases", "宗": "cases",
                     "场": "events", "次": "times", "份": "copies"]
        return words[unit].map { " " + $0 } ?? ""
    }

    var headline: [Indicator] { data.catalog.indicators.filter(\.headline) }

    public func figure(_ indicator: Indicator) -> Figure {
        let now = data.pooled(indicator.id, year: year, in: region)
        let change = data.matchedChange(indicator.id, year: year, in: region)
        if now.value != nil {
            return Figure(indicator: indicator, basis: "pooled", value: now.value, qualifier: now.qualifier,
                          coverage: now.coverage, change: change)
        }
        // A rate that no township gave counts for: the middle of the stated rates.
        let stated = data.compare(indicator.id, year: year, in: region).median
        return Figure(indicator: indicator, basis: stated == nil ? "none" : "median", value: stated,
                      qualifier: "exact", coverage: now.coverage, change: change)
    }

    /// "约", "近", "余"… around a figure, as the report's words would put it.
    func qualified(_ text: String, _ qualifier: String) -> String {
        ValueFlags.qualifier(qualifier).qualify(text, english: english)
    }

    /// The change line of a tile: like-for-like, with how many townships it compares; or, for a small
    /// panel, that it is too small to say.
    func changeText(_ f: Figure) -> String? {
        let c = f.change, unit = f.indicator.unit
        guard c.current != nil, c.previous != nil else {
            return english ? "no township reported it in both \(year - 1) and \(year)" : "无镇街\(year - 1)、\(year)年均报告，不计变化"
        }
        let n = c.matched.count
        guard let yoy = c.change else {
            return english ? "only \(n) of \(c.expected) in both years: no change"
                : "仅\(n)个镇街两年均有数据（共\(c.expected)个），不计变化"
        }
        let about = c.approximate ? (english ? "about " : "约") : ""
        let panel = english ? "\(n) townships in both years" : "\(n)个镇街两年均有数据"
        if unit == "%" {
            return english ? "\(about)\(signed(yoy.absolute)) pp on \(year - 1) (\(panel))"
                : "\(panel)：较上年\(about)\(signed(yoy.absolute))个百分点"
        }
        let relative = yoy.relative.map { english ? " (\(signed($0))%)" : "（\(signed($0))%）" } ?? ""
        return english ? "\(about)\(signed(yoy.absolute)) on \(year - 1)\(relative) (\(panel))"
            : "\(panel)：较上年\(about)\(signed(yoy.absolute))\(unit)\(relative)"
    }

    public func tile(_ f: Figure) -> BriefingTile {
        let unit = f.indicator.unit
        let value = f.value.map { qualified(formatted($0), f.qualifier) + (unit == "%" ? "%" : english ? Self.englishUnit(unit) : unit) }
            ?? (english ? "not reported" : "未报告")
        let cov = f.coverage
        let coverage = english
            ? "\(cov.reporting) of \(cov.expected) townships gave it (\(cov.total) sent a report)"
            : "\(cov.expected)个镇街中\(cov.total)个报送、\(cov.reporting)个报告该指标"
        var note: String?
        switch (f.basis, f.indicator.kind) {
        case ("pooled", .rate):
            note = english ? "pooled from the counts of \(cov.pooled) townships" : "由\(cov.pooled)个镇街的计数汇总"
        case ("pooled", .count): note = english ? "sum over \(cov.reporting) townships" : "\(cov.reporting)个镇街合计"
        case ("median", _): note = english ? "median of \(cov.reporting) stated rates (no counts given)" : "未给出计数，取\(cov.reporting)个镇街的中位数"
        default: note = nil
        }
        return BriefingTile(label: name(f.indicator), value: value, change: changeText(f), coverage: coverage, note: note,
                            flagged: cov.reporting < cov.expected || f.change.isSmall)
    }

    /// The headline indicator most townships give: its trend and ranking carry the sheet.
    func leading(byYear: Bool) -> Indicator? {
        headline.max { a, b in
            let ca = byYear ? data.pooled(a.id, year: year, in: region).coverage.reporting : data.series(a.id, in: region).count
            let cb = byYear ? data.pooled(b.id, year: year, in: region).coverage.reporting : data.series(b.id, in: region).count
            return ca < cb
        }
    }

    public func sheet() -> (BriefingSheet, [Figure]) {
        let figures = headline.map(figure)
        let trendIndicator = leading(byYear: false), rankIndicator = leading(byYear: true)
        var trend = trendIndicator.flatMap { i in
            try? maker.chart(.init(kind: .trend, indicators: [i.id], years: 1900...year,
                                   title: english ? "\(name(i)), up to \(year)" : "\(i.name)逐年变化"))
        }
        var ranking = rankIndicator.flatMap { i in
            try? maker.chart(.init(kind: .rank, indicators: [i.id], year: year,
                                   title: english ? "\(name(i)) by township, \(year)" : "\(year)年各镇街\(i.name)"))
        }
        // The sheet carries the source line and the watermark once, for all of it.
        trend?.sourceLine = nil; trend?.watermark = nil
        ranking?.sourceLine = nil; ranking?.watermark = nil
        let words: ChartWords = english ? .english : .chinese
        trend?.words = words
        ranking?.words = words
        if english {
            // The measure word in English (人 → people); one without a counterpart is left out.
            func englishUnit(_ unit: String?) -> String? {
                guard let unit, unit != "%" else { return unit }
                let word = Self.englishUnit(unit).trimmingCharacters(in: .whitespaces)
                return word.isEmpty ? nil : word
            }
            let trendUnit = englishUnit(trend?.unit), rankingUnit = englishUnit(ranking?.unit)
            trend?.unit = trendUnit
            ranking?.unit = rankingUnit
            // The charts' subtitles are written in Chinese by ChartMaker: say the same in English.
            if let t = trend {
                let townships = Set(t.rows.map(\.township)).count
                trend?.subtitle = "\(townships) townships" + (trendIndicator?.ratio != nil ? "; rates not stated are derived from the counts" : "")
            }
            if let r = ranking {
                ranking?.subtitle = "\(year): \(r.rows.filter { $0.value != nil }.count) of \(r.rows.count) townships reported"
            }
        }
        let findings = (checks ?? data.checks())
            .filter { c in (c.year == nil || c.year == year) && (c.place.map(region.contains) ?? (region == .all)) }
            .map { c -> String in
                if english {
                    let name = c.indicator.flatMap { data.catalog.indicator($0) }.map(self.name)
                    let subject = [c.place?.township, name].compactMap { $0 }.joined(separator: ", ")
                    return (subject.isEmpty ? "" : subject + ": ") + Self.englishCheck(c.kind)
                }
                // The indicator's name, where the message does not already say it.
                let name = c.indicator.flatMap { data.catalog.indicator($0)?.name }.flatMap { c.message.contains($0) ? nil : $0 }
                let subject = [c.place?.township, name].compactMap { $0 }.joined(separator: " ")
                return (subject.isEmpty ? "" : subject + "：") + c.message
            }
        let regionName = maker.regionTitle
        let title = english ? "Township rule-of-law indicators, \(regionName), \(year)" : "\(regionName)\(year)年镇街法治政府建设指标简报"
        let reports = (regionReports ?? data.reports).filter { r in
            r.year == year && r.township.map { region.contains(Place(township: $0, county: r.county, city: r.city, province: r.province)) } == true
        }
        // Townships by name and county: a province has many 新村镇, each a township of its own.
        let reporting = Set(reports.compactMap { r in r.township.map { Place(township: $0, county: r.county) } }).count
        let source = english ? "Source: \(reports.count) annual reports of \(reporting) townships on building a law-based government, \(year)."
            : "资料来源：\(reporting)个镇街\(year)年法治政府建设年度报告\(reports.count)份；汇总比率为各镇街计数之和相除，非比率平均。"
        let subtitle = english ? "Pooled figures, change on \(year - 1) and coverage" : "汇总值、较上年变化与报告覆盖情况"
        let sheet = BriefingSheet(title: title, subtitle: subtitle, tiles: figures.map(tile), trend: trend, ranking: ranking,
                                  findings: findings, sourceLine: source, watermark: maker.watermark.map { english ? "Example data" : $0 },
                                  labels: english ? .english : .chinese)
        return (sheet, figures)
    }
}
