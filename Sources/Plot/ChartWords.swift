/// The words a chart draws besides its title, subtitle, names and source line: the unit label,
/// the notes on marked values, "median", "not reported", the year labels and the magnitudes of
/// large numbers. Chinese by default; English for sheets drawn with `--lang en`.
public struct ChartWords: Sendable, Equatable {
    /// Before the unit: "单位：件".
    public var unit = "单位："
    /// Opens the note on marked values, separates its parts and ends it: "注：…；…。".
    public var note = "注："
    public var noteSeparator = "；"
    public var noteEnd = "。"
    /// Notes for values drawn as markers (trend, slope, small multiples).
    public var approximateMarker = "空心点为约数或界限（约、近、余、以上、不超过、不足，照报告原文）"
    public var derivedMarker = "菱形为推算值"
    public var correctedMarker = "方形为经更正的值"
    /// Notes for values written as labels with 余, * and †.
    public var approximateLabel = "约、近、余、以上、不超过、不足照报告原文，为约数或界限"
    /// A sum or pooled figure that approximate values went into.
    public var approximateTotal = "合计含约数"
    /// Qualifiers written in English (about 2,500, over 1,900) rather than Chinese (约2500, 1900余).
    public var englishQualifiers = false
    public var derivedLabel = "* 为推算值"
    public var correctedLabel = "† 为经更正的值"
    public var median = "中位数"
    public var notReported = "未报告"
    /// A township of the roster that sent no report at all.
    public var notSubmitted = "未报送"
    /// The last line of a ranking that had no room for every township without a value; "{n}" is how many.
    public var moreNotReported = "另有{n}个乡镇未报告"
    /// The same for townships that sent no report at all.
    public var moreNotSubmitted = "另有{n}个乡镇未报送"
    public var noData = "无数据"
    /// A ranking too long for its height leaves out its middle; "{n}" is how many townships.
    public var middleLeftOut = "…… 中间{n}个乡镇略 ……"
    /// Grouped bars and small multiples draw only the top townships; "{shown}" and "{all}" are counts.
    public var onlyTopDrawn = "图中只画出最近一年数值最高的{shown}个乡镇（共{all}个）。"
    /// After a year on an axis or in a legend: "2024年".
    public var yearSuffix = "年"
    /// The ends of a colour bar scaled per indicator.
    public var high = "高"
    public var low = "低"
    /// Large numbers are written in the largest of these that they reach (1.2万, 3.5亿), largest first.
    public var magnitudes: [Magnitude] = [Magnitude(1e8, "亿"), Magnitude(1e4, "万")]

    public struct Magnitude: Sendable, Equatable {
        public var value: Double
        public var suffix: String
        public init(_ value: Double, _ suffix: String) {
            self.value = value
            self.suffix = suffix
        }
    }

    /// The abbreviation of a thousand, for numbers that must shrink to fit a heatmap cell (1.2千, 1.2k).
    public var thousand = "千"

    public init() {}

    public static let chinese = ChartWords()

    public static var english: ChartWords {
        var w = ChartWords()
        w.unit = "Unit: "
        w.note = "Note: "
        w.noteSeparator = "; "
        w.noteEnd = "."
        w.approximateMarker = "hollow markers are approximate or bounds, as the report wrote them"
        w.derivedMarker = "diamonds are derived"
        w.correctedMarker = "squares are corrected"
        w.approximateLabel = "about, nearly, over, at least, at most and under are the report's own words"
        w.approximateTotal = "the total includes approximate figures"
        w.englishQualifiers = true
        w.thousand = "k"
        w.derivedLabel = "* marks a derived value"
        w.correctedLabel = "† marks a corrected value"
        w.median = "median"
        w.notReported = "not reported"
        w.notSubmitted = "no report sent"
        w.moreNotReported = "{n} more townships did not report"
        w.moreNotSubmitted = "{n} more townships sent no report"
        w.noData = "No data"
        w.middleLeftOut = "… {n} townships in between left out …"
        w.onlyTopDrawn = "Only the {shown} townships highest in the latest year are drawn (of {all})."
        w.yearSuffix = ""
        w.high = "high"
        w.low = "low"
        // 12,000 rather than 1.2万: English groups by thousands up to a million.
        w.magnitudes = [Magnitude(1e9, "bn"), Magnitude(1e6, "m")]
        return w
    }

    /// "2024年" or "2024".
    public func year(_ y: Int) -> String { "\(y)\(yearSuffix)" }
}
