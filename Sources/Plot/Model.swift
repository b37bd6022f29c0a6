import Foundation

/// How a value was obtained; shown on charts as marks and explained in a note.
public struct ValueFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// "余", "约", "近", "以上", "不超过", "不足": the report gives a bound or a rounded figure. Set with one
    /// of the qualifier flags below, which say which words to write; alone it is written 约.
    public static let approximate = ValueFlags(rawValue: 1)
    /// Computed (a rate, a sum), not read from a report.
    public static let derived = ValueFlags(rawValue: 2)
    /// Changed by a correction row.
    public static let corrected = ValueFlags(rawValue: 4)
    /// 1900余 (more_than).
    public static let moreThan = ValueFlags(rawValue: 8)
    /// 约2500 (about).
    public static let about = ValueFlags(rawValue: 16)
    /// 近1900 (nearly).
    public static let nearly = ValueFlags(rawValue: 32)
    /// 2500以上 (at_least).
    public static let atLeast = ValueFlags(rawValue: 64)
    /// 不超过2500 (at_most).
    public static let atMost = ValueFlags(rawValue: 128)
    /// 不足2500 (less_than).
    public static let lessThan = ValueFlags(rawValue: 256)
    /// Checked by a person (the review page): shown in data tables (✓), not drawn.
    public static let reviewed = ValueFlags(rawValue: 512)

    /// The flags of a report's qualifier (`exact`, `more_than`, `about`, `nearly`, `at_least`, `at_most`,
    /// `less_than`); an unknown qualifier other than `exact` is approximate, written 约.
    public static func qualifier(_ raw: String) -> ValueFlags {
        switch raw {
        case "exact", "": return []
        case "more_than": return [.approximate, .moreThan]
        case "about": return [.approximate, .about]
        case "nearly": return [.approximate, .nearly]
        case "at_least": return [.approximate, .atLeast]
        case "at_most": return [.approximate, .atMost]
        case "less_than": return [.approximate, .lessThan]
        default: return [.approximate]
        }
    }

    /// The qualifier's words around a written number, as the report put them: 约2500, 近1900, 1900余,
    /// 2500以上, 不超过2500, 不足2500; in English about 2,500, nearly 1,900, over 1,900, at least, at most, under.
    public func qualify(_ number: String, english: Bool = false) -> String {
        if contains(.moreThan) { return english ? "over " + number : number + "余" }
        if contains(.nearly) { return english ? "nearly " + number : "近" + number }
        if contains(.atLeast) { return english ? "at least " + number : number + "以上" }
        if contains(.atMost) { return english ? "at most " + number : "不超过" + number }
        if contains(.lessThan) { return english ? "under " + number : "不足" + number }
        if contains(.approximate) { return english ? "about " + number : "约" + number }
        return number
    }
}

/// One value of one township: in one year, for one indicator. `value == nil` means not reported (未报告).
public struct Row: Sendable, Hashable, Codable {
    public var township: String
    public var year: Int?
    public var indicator: String?
    public var value: Double?
    public var flags: ValueFlags
    /// False for a township that sent no report (未报送), as against one whose report lacks the value (未报告).
    public var submitted: Bool

    public init(township: String, year: Int? = nil, indicator: String? = nil, value: Double?, flags: ValueFlags = [],
                submitted: Bool = true) {
        self.township = township
        self.year = year
        self.indicator = indicator
        self.value = value
        self.flags = flags
        self.submitted = submitted
    }
}

public enum ChartKind: String, Sendable, Codable, CaseIterable {
    case trend, rank, grouped, heatmap
    case smallMultiples = "small-multiples"
    case slope, scatter
}

/// How values are written on axes and labels.
public enum ValueStyle: String, Sendable, Codable {
    /// 3,456; 1.2万; 3.5亿
    case number
    /// values in percent points: 96.5%
    case percent
}

public struct Chart: Sendable {
    public var kind: ChartKind
    /// Can state the finding: "甲垌镇行政复议纠错率连续三年下降".
    public var title: String
    public var subtitle: String?
    /// "件", "%", "万元". A unit of "%" makes values percent points unless `style` says otherwise.
    public var unit: String?
    /// "资料来源：36个乡镇2019—2024年法治政府建设年度报告".
    public var sourceLine: String?
    public var rows: [Row]
    /// Townships drawn in colour when there are many (trend, slope, rank, scatter).
    public var highlight: [String]
    /// Indicators for scatter: x and y. Default: the first two indicators in `rows`.
    public var xIndicator: String?
    public var yIndicator: String?
    /// Years for slope: from and to. Default: the first and last year in `rows`.
    public var slopeYears: (Int, Int)?
    /// Rank and heatmap: the year to rank (default: the latest year present).
    public var year: Int?
    public var style: ValueStyle?
    public var theme: Theme
    /// Overrides the generated text description.
    public var description: String?
    /// A badge in the top-right corner of the header, e.g. "示例数据" for generated example data.
    /// Also stated at the start of the description.
    public var watermark: String?
    /// The chart's own words (unit label, notes, median, years): Chinese unless set.
    public var words: ChartWords = .chinese

    public init(kind: ChartKind, title: String, subtitle: String? = nil, unit: String? = nil,
                sourceLine: String? = nil, rows: [Row], highlight: [String] = [],
                xIndicator: String? = nil, yIndicator: String? = nil, slopeYears: (Int, Int)? = nil,
                year: Int? = nil, style: ValueStyle? = nil, theme: Theme = Theme(), description: String? = nil,
                watermark: String? = nil) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.unit = unit
        self.sourceLine = sourceLine
        self.rows = rows
        self.highlight = highlight
        self.xIndicator = xIndicator
        self.yIndicator = yIndicator
        self.slopeYears = slopeYears
        self.year = year
        self.style = style
        self.theme = theme
        self.description = description
        self.watermark = watermark
    }

    var valueStyle: ValueStyle { style ?? ((unit == "%" || unit == "％") ? .percent : .number) }
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf
    public var fileExtension: String { rawValue }
}

/// Page sizes in points, for PDF.
public enum PageSize {
    public static let a4Landscape = (width: 841.89, height: 595.28)
    public static let a4Portrait = (width: 595.28, height: 841.89)
}

public struct RenderedChart: Sendable {
    public var format: OutputFormat
    public var data: Data
    /// What the chart shows, in words (also in the SVG's <title>/<desc>).
    public var description: String
    public func write(to url: URL) throws { try data.write(to: url) }
}

public struct PlotError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
