import Foundation

public struct Color: Sendable, Hashable, Codable, CustomStringConvertible {
    public var r: Double, g: Double, b: Double, a: Double
    public init(r: Double, g: Double, b: Double, a: Double = 1) { self.r = r; self.g = g; self.b = b; self.a = a }
    /// "#RRGGBB" or "#RRGGBBAA".
    public init?(hex: String) {
        var s = hex.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("#") { s.removeFirst() }
        guard s.count == 6 || s.count == 8, let v = UInt32(s, radix: 16) else { return nil }
        if s.count == 6 {
            self.init(r: Double((v >> 16) & 255) / 255, g: Double((v >> 8) & 255) / 255, b: Double(v & 255) / 255)
        } else {
            self.init(r: Double(v >> 24) / 255, g: Double((v >> 16) & 255) / 255, b: Double((v >> 8) & 255) / 255, a: Double(v & 255) / 255)
        }
    }
    init(_ hex: String) { self = Color(hex: hex)! }
    public var description: String {
        func h(_ x: Double) -> String { String(format: "%02X", Int((x * 255).rounded())) }
        return "#" + h(r) + h(g) + h(b) + (a < 1 ? h(a) : "")
    }
    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let c = Color(hex: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a colour: \(s)"))
        }
        self = c
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
    func mix(_ o: Color, _ t: Double) -> Color {
        Color(r: r + (o.r - r) * t, g: g + (o.g - g) * t, b: b + (o.b - b) * t, a: a + (o.a - a) * t)
    }
    /// Relative luminance (for choosing text colour on a fill).
    var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
}

/// Fonts, colours and sizes. Sizes are in device units for a 1000×625 chart and scale with the chart.
/// Load a JSON theme file with `Theme.load(from:)`; keys left out keep their defaults.
public struct Theme: Sendable, Codable, Hashable {
    public var fontFamily = "Noto Sans CJK SC"
    public var fallbackFamilies = ["Noto Sans CJK", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
                                   "WenQuanYi Micro Hei", "Droid Sans Fallback", "sans-serif"]
    public var language = "zh-cn"
    public var background = Color("#FFFFFF")
    public var text = Color("#1F1F1F")
    public var mutedText = Color("#5E5E5E")
    public var grid = Color("#E6E6E6")
    public var axis = Color("#8A8A8A")
    /// Lines and bars of townships that are not selected.
    public var context = Color("#C9C9C9")
    /// Bars in rank charts; selected townships use `categorical`.
    public var bar = Color("#0072B2")
    public var missing = Color("#F0F0F0")
    /// Okabe–Ito, ordered for lines on white (yellow late).
    public var categorical = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#000000", "#F0E442"].map { Color($0) }
    /// Light to dark blue (ColorBrewer Blues).
    public var sequential = ["#F7FBFF", "#DEEBF7", "#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B"].map { Color($0) }
    public var titleSize = 22.0
    public var subtitleSize = 15.0
    public var labelSize = 13.0
    public var tickSize = 12.0
    public var noteSize = 11.0
    public var margin = 20.0
    public var lineWidth = 2.0
    public var markerRadius = 3.5
    /// With more lines than this, only the selected (or the top three and the last) are coloured, the rest grey.
    /// Seven keeps Okabe–Ito yellow, hard to see on white, out of line charts.
    public var maxColouredLines = 7

    public init() {}

    public static func load(from url: URL) throws -> Theme {
        do {
            return try JSONDecoder().decode(Theme.self, from: Data(contentsOf: url))
        } catch let e as DecodingError {
            throw PlotError("theme \(url.lastPathComponent): \(Theme.describe(e))")
        } catch {
            throw PlotError("theme \(url.lastPathComponent): \(error.localizedDescription)")
        }
    }

    static func describe(_ e: DecodingError) -> String {
        switch e {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : path + ": ") + c.debugDescription
        @unknown default: return "\(e)"
        }
    }

    enum CodingKeys: String, CodingKey {
        case fontFamily, fallbackFamilies, language, background, text, mutedText, grid, axis, context, bar, missing
        case categorical, sequential, titleSize, subtitleSize, labelSize, tickSize, noteSize, margin, lineWidth
        case markerRadius, maxColouredLines
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var t = Theme()
        func get<T: Decodable>(_ k: CodingKeys, _ v: inout T) throws { if let x = try c.decodeIfPresent(T.self, forKey: k) { v = x } }
        try get(.fontFamily, &t.fontFamily); try get(.fallbackFamilies, &t.fallbackFamilies); try get(.language, &t.language)
        try get(.background, &t.background); try get(.text, &t.text); try get(.mutedText, &t.mutedText)
        try get(.grid, &t.grid); try get(.axis, &t.axis); try get(.context, &t.context); try get(.bar, &t.bar)
        try get(.missing, &t.missing); try get(.categorical, &t.categorical); try get(.sequential, &t.sequential)
        try get(.titleSize, &t.titleSize); try get(.subtitleSize, &t.subtitleSize); try get(.labelSize, &t.labelSize)
        try get(.tickSize, &t.tickSize); try get(.noteSize, &t.noteSize); try get(.margin, &t.margin)
        try get(.lineWidth, &t.lineWidth); try get(.markerRadius, &t.markerRadius); try get(.maxColouredLines, &t.maxColouredLines)
        if t.categorical.isEmpty { t.categorical = Theme().categorical }
        if t.sequential.count < 2 { t.sequential = Theme().sequential }
        self = t
    }

    var fontList: String { ([fontFamily] + fallbackFamilies).joined(separator: ",") }
}
