import Extraction
import Foundation
import Plot
import Trends

/// The annual briefing sheet: pooled headline figures with their change and coverage, a trend,
/// a ranking and the consistency findings, for one year and region.
struct BriefingMaker {
    enum Language: String, CaseIterable { case zh, en }

    /// One headline figure as the sheet states it, kept so that a test can hold it against `compare`.
    struct Figure {
        var indicator: Indicator
        /// "pooled" (Σ numerator ÷ Σ denominator, or a sum), "median" (a rate without counts), or "none".
        var basis: String
        var value: Double?
        var previous: Double?
        var coverage: Coverage
    }

    let maker: ChartMaker
    let year: Int
    let language: Language

    var data: Dataset { maker.data }
    var region: Region { maker.region }
    var english: Bool { language == .en }

    func name(_ i: Indicator) -> String { english ? (i.en ?? i.id) : i.name }

    /// What a check found, in English: the figures are in the Chinese message of `fazhi check`.
    static func englishCheck(_ kind: CheckFinding.Kind) -> String {
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
    static func englishUnit(_ unit: String) -> String {
        let words = ["人": "people", "名": "people", "人次": "person-times", "件": "cases", "起": "cases", "宗": "cases",
                     "场": "events", "次": "times", "份": "copies"]
        return words[unit].map { " " + $0 } ?? ""
    }

    var headline: [Indicator] { data.catalog.indicators.filter(\.headline) }

    func figure(_ indicator: Indicator) -> Figure {
        let now = data.pooled(indicator.id, year: year, in: region)
        let before = data.pooled(indicator.id, year: year - 1, in: region)
        if now.value != nil {
            return Figure(indicator: indicator, basis: "pooled", value: now.value, previous: before.value, coverage: now.coverage)
        }
        // A rate that no township gave counts for: the middle of the stated rates.
        let stated = data.compare(indicator.id, year: year, in: region).median
        let last = data.compare(indicator.id, year: year - 1, in: region).median
        return Figure(indicator: indicator, basis: stated == nil ? "none" : "median", value: stated, previous: last,
                      coverage: now.coverage)
    }

    func tile(_ f: Figure) -> BriefingTile {
        let unit = f.indicator.unit
        let value = f.value.map { formatted($0) + (unit == "%" ? "%" : english ? Self.englishUnit(unit) : unit) }
            ?? (english ? "not reported" : "未报告")
        var change: String?
        if let v = f.value, let p = f.previous {
            let d = v - p
            if unit == "%" {
                change = english ? "\(signed(d)) pp on \(year - 1)" : "较上年\(signed(d))个百分点"
            } else {
                let relative = p == 0 ? "" : "（\(signed(d / p * 100))%）"
                change = english ? "\(signed(d)) on \(year - 1)\(relative.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")"))"
                    : "较上年\(signed(d))\(unit)\(relative)"
            }
        }
        let coverage = english ? "\(f.coverage.reporting) of \(f.coverage.total) townships reported"
            : "\(f.coverage.total)个镇街中\(f.coverage.reporting)个报告"
        var note: String?
        switch (f.basis, f.indicator.kind, f.indicator.ratio) {
        case ("pooled", .rate, let ratio?):
            let n = data.catalog.indicator(ratio.numerator).map(name) ?? "", d = data.catalog.indicator(ratio.denominator).map(name) ?? ""
            note = english ? "pooled: Σ \(n) ÷ Σ \(d), \(f.coverage.pooled) townships" : "汇总：Σ\(n)÷Σ\(d)，\(f.coverage.pooled)个镇街"
        case ("pooled", .count, _): note = english ? "sum over townships" : "各镇街合计"
        case ("median", _, _): note = english ? "median of stated rates (no counts given)" : "未给出计数，取各镇街中位数"
        default: note = nil
        }
        return BriefingTile(label: name(f.indicator), value: value, change: change, coverage: coverage, note: note,
                            flagged: f.coverage.reporting < f.coverage.total)
    }

    /// The headline indicator most townships give: its trend and ranking carry the sheet.
    func leading(byYear: Bool) -> Indicator? {
        headline.max { a, b in
            let ca = byYear ? data.pooled(a.id, year: year, in: region).coverage.reporting : data.series(a.id, in: region).count
            let cb = byYear ? data.pooled(b.id, year: year, in: region).coverage.reporting : data.series(b.id, in: region).count
            return ca < cb
        }
    }

    func sheet() -> (BriefingSheet, [Figure]) {
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
            // The charts' subtitles are written in Chinese by ChartMaker: say the same in English.
            if let t = trend {
                let townships = Set(t.rows.map(\.township)).count
                trend?.subtitle = "\(townships) townships" + (trendIndicator?.ratio != nil ? "; rates not stated are derived from the counts" : "")
            }
            if let r = ranking {
                ranking?.subtitle = "\(year): \(r.rows.filter { $0.value != nil }.count) of \(r.rows.count) townships reported"
            }
        }
        let findings = data.checks()
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
        let reports = data.reports.filter { r in
            r.year == year && r.township.map { region.contains(Place(township: $0, county: r.county, city: r.city, province: r.province)) } == true
        }
        let reporting = Set(reports.compactMap(\.township)).count
        let source = english ? "Source: \(reports.count) annual reports of \(reporting) townships on building a law-based government, \(year)."
            : "资料来源：\(reporting)个镇街\(year)年法治政府建设年度报告\(reports.count)份；汇总比率为各镇街计数之和相除，非比率平均。"
        let subtitle = english ? "Pooled figures, change on \(year - 1) and coverage" : "汇总值、较上年变化与报告覆盖情况"
        let sheet = BriefingSheet(title: title, subtitle: subtitle, tiles: figures.map(tile), trend: trend, ranking: ranking,
                                  findings: findings, sourceLine: source, watermark: maker.watermark.map { english ? "Example data" : $0 },
                                  labels: english ? .english : .chinese)
        return (sheet, figures)
    }
}
