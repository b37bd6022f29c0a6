/// Writes one township's report for one year in the genre's language, and records what it states.
struct Composer {
    let township: String
    /// The county (and city and province) the report is written from.
    let area: SampleArea
    let year: Int
    let figures: YearFigures
    /// Last year's figures, for 较上年增加 statements.
    let previous: YearFigures?
    var g: SplitMix64
    /// Which indicators this report states.
    var present: Set<String>
    var values: [String: Double] = [:]
    var written: [String: String] = [:]
    var inconsistencies: [SampleInconsistency] = []
    /// The one inconsistency this report carries, if any.
    let flaw: SampleInconsistency.Kind?

    init(township: String, area: SampleArea, year: Int, figures: YearFigures, previous: YearFigures?, present: Set<String>,
         flaw: SampleInconsistency.Kind?, g: SplitMix64) {
        self.township = township
        self.area = area
        self.year = year
        self.figures = figures
        self.previous = previous
        self.present = present
        self.flaw = flaw
        self.g = g
    }

    var place: String { area.written + township }
    /// How the report calls its own township: 我镇, 我乡, 我街道.
    var we: String { township.hasSuffix("街道") ? "我街道" : township.hasSuffix("乡") ? "我乡" : "我镇" }
    var whole: String { township.hasSuffix("街道") ? "全街道" : township.hasSuffix("乡") ? "全乡" : "全镇" }
    var level: String { township.hasSuffix("街道") ? "街道" : township.hasSuffix("乡") ? "乡" : "镇" }
    var shortName: String { township.hasSuffix("街道") ? String(township.dropLast(2)) : String(township.dropLast()) }

    func has(_ id: String) -> Bool { present.contains(id) }

    // MARK: Recording numbers

    mutating func record(_ id: String, _ w: Written, unit: String) -> String {
        values[id] = w.value
        written[id] = (w.text + unit).trimmedSpaces()
        return w.text + unit
    }

    /// An exact count of the indicator, written and recorded.
    mutating func n(_ id: String, _ unit: String, _ value: Int? = nil) -> String {
        let v = value ?? figures.counts[id]!
        let w = NumberWriter.exact(v, &g)
        return record(id, w, unit: unit)
    }

    /// A rounded count with 余/多/近/约.
    mutating func approx(_ id: String, _ unit: String) -> String {
        let w = NumberWriter.approximate(figures.counts[id]!, &g)
        return record(id, w, unit: unit)
    }

    /// A rate as written (integer, one or two decimals), recorded at the value written.
    mutating func pct(_ id: String, _ value: Double? = nil) -> String {
        var v = value ?? figures.rates[id]!
        if v != v.rounded() && g.chance(0.3) { v = (v * 10).rounded(.down) / 10 }
        let text = NumberWriter.percent(v, &g)
        values[id] = v
        written[id] = text
        return text
    }

    /// A number that is not the indicator: plain Arabic or Chinese, nothing recorded.
    mutating func plain(_ v: Int) -> String { NumberWriter.exact(v, &g, chineseShare: 0.15).text }

    mutating func pick(_ items: [String]) -> String { g.pick(items) }
}

extension String {
    func trimmedSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
