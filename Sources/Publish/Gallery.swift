import Foundation
import Plot
import Trends

/// `Charts/index.html`: every chart of the set with its title, its description and its data,
/// readable offline (relative links, styles inline), linking the briefing.
public enum Gallery {
    /// One chart of the page: its file stem (`mediation.disputes-trend`), its group heading, the chart
    /// (for its title and data table) and the description the renderer wrote for it (the image's alt text).
    public struct Entry: Sendable {
        public var stem: String
        public var group: String
        public var chart: Chart
        public var description: String

        public init(stem: String, group: String, chart: Chart, description: String) {
            self.stem = stem
            self.group = group
            self.chart = chart
            self.description = description
        }
    }

    /// A link of the page: the text shown and the relative address.
    public struct Link: Sendable, Equatable {
        public var text: String
        public var href: String

        public init(text: String, href: String) {
            self.text = text
            self.href = href
        }
    }

    /// The page: title, an optional note (the 示例数据 mark), links to the briefing files, then each group
    /// of charts with the formats drawn. In a tree of pages, `navigation` leads up (country › province ›
    /// city) and `links` down (the regions or townships below, under `linksHeading`). All text is escaped.
    public static func html(title: String, entries: [Entry], formats: [OutputFormat], briefing: [String], note: String?,
                            navigation: [Link] = [], links: [Link] = [], linksHeading: String = "",
                            sections: [String] = []) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(xmlEscaped(title))</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 1240px; padding: 24px; color: #222; }
        h1 { font-size: 26px; margin-bottom: 4px; }
        h2 { font-size: 20px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 40px; }
        h3 { font-size: 16px; margin: 24px 0 8px; }
        nav a, .formats a, .down a { margin-right: 12px; }
        .down a { display: inline-block; }
        figure { margin: 0 0 32px; }
        img { max-width: 100%; height: auto; border: 1px solid #e5e5e5; }
        figcaption { color: #555; font-size: 14px; margin-top: 6px; }
        table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
        th, td { border: 1px solid #ddd; padding: 2px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .note { color: #555; font-size: 14px; }
        </style>
        </head>
        <body>
        \(navigation.isEmpty ? "" : "<nav class=\"up\">" + navigation.map { "<a href=\"\(xmlEscaped($0.href))\">\(xmlEscaped($0.text))</a>" }.joined(separator: " › ") + "</nav>\n")<h1>\(xmlEscaped(title))</h1>

        """
        if let note { out += "<p class=\"note\">\(xmlEscaped(note))</p>\n" }
        if !briefing.isEmpty {
            out += "<p>简报 (briefing)：" + briefing.map { "<a href=\"\(xmlEscaped($0))\">\(xmlEscaped($0))</a>" }.joined(separator: " ") + "</p>\n"
        }
        if !links.isEmpty {
            out += "<h2>\(xmlEscaped(linksHeading))</h2>\n<p class=\"down\">"
                + links.map { "<a href=\"\(xmlEscaped($0.href))\">\(xmlEscaped($0.text))</a>" }.joined(separator: " ") + "</p>\n"
        }
        // Sections the caller built (a comparison's table), already escaped.
        for section in sections { out += section }
        var groups: [String] = []
        for e in entries where !groups.contains(e.group) { groups.append(e.group) }
        out += "<nav>" + groups.enumerated().map { "<a href=\"#g\($0.offset)\">\(xmlEscaped($0.element))</a>" }.joined() + "</nav>\n"
        for (i, group) in groups.enumerated() {
            out += "<h2 id=\"g\(i)\">\(xmlEscaped(group))</h2>\n"
            for e in entries where e.group == group {
                out += figure(e, formats: formats)
            }
        }
        out += "<p class=\"note\">* 推算值（由计数推算或由“较上年”推算）　† 人工更正　✓ 已人工核对　约、近、余、以上、不超过、不足照报告原文　未报告：报告中无此数　未报送：未报送年度报告</p>\n"
        return out + "</body>\n</html>\n"
    }

    static func figure(_ e: Entry, formats: [OutputFormat]) -> String {
        let image = formats.contains(.png) ? "\(e.stem).png" : formats.contains(.svg) ? "\(e.stem).svg" : nil
        var out = "<figure id=\"\(xmlEscaped(e.stem))\">\n<h3>\(xmlEscaped(e.chart.title))</h3>\n"
        if let image { out += "<img src=\"\(xmlEscaped(image))\" alt=\"\(xmlEscaped(e.description))\" loading=\"lazy\">\n" }
        out += "<figcaption>\(xmlEscaped(e.description))</figcaption>\n"
        out += "<p class=\"formats\">" + formats.map { "<a href=\"\(xmlEscaped(e.stem)).\($0.rawValue)\">\($0.rawValue.uppercased())</a>" }.joined() + "</p>\n"
        out += "<details><summary>数据表 (data)</summary>\n\(table(e.chart))</details>\n</figure>\n"
        return out
    }

    /// The chart's rows as a table: townships down, years (or indicators) across.
    static func table(_ chart: Chart) -> String {
        let byIndicator = Set(chart.rows.compactMap(\.indicator)).count > 1
        var columns: [String] = [], townships: [String] = []
        var cells: [String: [String: String]] = [:]
        for r in chart.rows {
            let column = byIndicator ? (r.indicator ?? "") : (r.year.map { "\($0)年" } ?? "")
            if !columns.contains(column) { columns.append(column) }
            if !townships.contains(r.township) { townships.append(r.township) }
            cells[r.township, default: [:]][column] = cell(r)
        }
        if !byIndicator { columns.sort() }
        var out = "<table>\n<tr><th>镇街</th>" + columns.map { "<th>\(xmlEscaped($0))</th>" }.joined() + "</tr>\n"
        for t in townships {
            out += "<tr><td>\(xmlEscaped(t))</td>" + columns.map { "<td>\(xmlEscaped(cells[t]?[$0] ?? "—"))</td>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    static func cell(_ r: Row) -> String {
        guard let v = r.value else { return r.submitted ? "未报告" : "未报送" }
        return r.flags.qualify(formatted(v)) + (r.flags.contains(.derived) ? "*" : "") + (r.flags.contains(.corrected) ? "†" : "")
            + (r.flags.contains(.reviewed) ? "✓" : "")
    }
}
