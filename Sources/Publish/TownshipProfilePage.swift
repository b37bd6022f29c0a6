import Foundation
import Plot
import Trends

/// A township's page at the bottom of a tree (see `RegionTree`): every indicator it gave, year by year,
/// each value as its report wrote it, with 未报告 and 未报送 told apart. HTML, readable offline; text escaped.
public enum TownshipProfilePage {
    public static func html(place: Place, name: String, data: Dataset, navigation: [Gallery.Link], watermark: String?) -> String {
        let years = data.years
        let sent = data.reportedYears(of: place)
        var rows = ""
        for indicator in data.indicatorsWithData {
            let cells = years.map { year -> String in
                if let o = data.observation(indicator.id, place, year) {
                    return ValueFlags.qualifier(o.qualifier).qualify(formatted(o.value)) + (o.derived ? "*" : "") + (o.corrected ? "†" : "")
                }
                return sent.contains(year) ? "未报告" : "未报送"
            }
            guard cells.contains(where: { $0 != "未报告" && $0 != "未报送" }) else { continue }
            rows += "<tr><td>\(xmlEscaped(indicator.name))（\(xmlEscaped(indicator.unit))）</td>"
                + cells.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>\n"
        }
        let title = "\(name)法治政府建设指标"
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(xmlEscaped(title))</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 1240px; padding: 24px; color: #222; }
        table { border-collapse: collapse; font-size: 14px; }
        th, td { border: 1px solid #ddd; padding: 2px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .note { color: #555; font-size: 14px; }
        </style>
        </head>
        <body>

        """
        out += "<nav class=\"up\">" + navigation.map { "<a href=\"\(xmlEscaped($0.href))\">\(xmlEscaped($0.text))</a>" }.joined(separator: " › ") + "</nav>\n"
        out += "<h1>\(xmlEscaped(title))</h1>\n"
        out += "<p class=\"note\">\(xmlEscaped([place.province, place.city, place.county].compactMap { $0 }.joined(separator: " ")))</p>\n"
        if let watermark { out += "<p class=\"note\">\(xmlEscaped(watermark))：由 fazhi sample 生成的虚构镇街，数字不代表任何真实地方。</p>\n" }
        if rows.isEmpty {
            out += "<p>未报送任何年度报告，或报告中没有目录所列指标。</p>\n"
        } else {
            out += "<table>\n<tr><th>指标</th>" + years.map { "<th>\($0)年</th>" }.joined() + "</tr>\n" + rows + "</table>\n"
        }
        out += "<p class=\"note\">* 推算值　† 人工更正　约、近、余、以上、不超过、不足照报告原文　未报告：报告中无此数　未报送：未报送年度报告</p>\n"
        return out + "</body>\n</html>\n"
    }
}
