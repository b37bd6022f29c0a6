import ArgumentParser
import Foundation
import Plot
import Publish
import Trends

/// `-o FILE.png|svg|pdf` with `--width --height --scale`, shared by every command that draws.
struct DrawingOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "输出文件 .png、.svg 或 .pdf (output file).") var output: String
    @Option(help: "宽度：PNG 为像素，SVG/PDF 为磅 (width: pixels for PNG, points for SVG and PDF).") var width: Double = 1200
    @Option(help: "高度，默认按镇街数 (height; by default enough for every township's row).") var height: Double?
    @Option(help: "PNG 放大倍数，高分屏用 2 (PNG scale; 2 for high-DPI screens).") var scale: Double = 1

    var format: OutputFormat {
        get throws {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            guard let format = OutputFormat(rawValue: ext) else {
                throw ValidationError("输出文件须以 .png、.svg 或 .pdf 结尾 (the output must end in .png, .svg or .pdf): \(output)")
            }
            return format
        }
    }

    func validate() throws { _ = try format }

    /// Draws and writes the chart, creating the folder if needed; prints where it went.
    func draw(_ chart: Chart) throws {
        let rendered = try render(chart, format: try format, width: width, height: height ?? fittingHeight(chart), scale: scale)
        try writeIfChanged(rendered.data, to: URL(fileURLWithPath: output))
        printError("已绘制 (drew) \(output)")
    }
}

/// "2020-2024" or "2024".
func parseYears(_ text: String) throws -> ClosedRange<Int> {
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == "—" || $0 == "–" }).map { Int($0.trimmingCharacters(in: .whitespaces)) }
    switch parts.count {
    case 1: if let y = parts[0] { return y...y }
    case 2: if let a = parts[0], let b = parts[1], a <= b { return a...b }
    default: break
    }
    throw ValidationError("年份范围写作 2020-2024 (years are written 2020-2024): \(text)")
}

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "从数据库画一张图 (draw one chart from the store).",
        discussion: """
        图种 (kinds): trend 趋势线, rank 排名条形图, grouped 分组条形图, heatmap 热力图,
        small-multiples 小多图, slope 斜率图, scatter 散点图 (两个指标)。
        heatmap 给出多个指标时画“镇街 × 指标”一览 (several indicators: townships × indicators)。
        推算值标 *，人工更正标 †，“余”“约”等近似值另有标记。

        例 (examples):
          fazhi chart rank petitions.closure_rate --year 2022 -o 排名.png
          fazhi chart trend legal.literates --county 平坝区 -o 趋势.svg
          fazhi chart scatter mediation.disputes publicity.events --year 2024 -o 散点.pdf --width 842 --height 595
        """
    )

    @Argument(help: "图种 (kind): \(ChartKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String
    @Argument(help: "指标：id、中文名或其中一段，scatter 为两个 (indicators: id, Chinese name or part of it; two for scatter).") var indicators: [String]
    @Option(help: "年份 (year, for rank, scatter and the indicator heatmap).") var year: Int?
    @Option(help: "年份范围，如 2020-2024 (years).") var years: String?
    @Option(help: "突出或只画这些镇街，可重复 (townships to show; repeatable).") var township: [String] = []
    @OptionGroup var region: RegionOptions
    @Option(help: "标题，默认按数据生成 (title; by default one that states the finding).") var title: String?
    @OptionGroup var drawing: DrawingOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    func validate() throws {
        guard let kind = ChartKind(rawValue: kind) else {
            throw ValidationError("未知图种 \(kind) (unknown kind); 可用 (kinds): \(ChartKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if kind == .scatter && indicators.count != 2 { throw ValidationError("scatter 需要两个指标 (scatter takes two indicators).") }
        if kind != .scatter && kind != .heatmap && indicators.count != 1 {
            throw ValidationError("\(kind.rawValue) 只画一个指标 (takes one indicator).")
        }
        if let years { _ = try parseYears(years) }
    }

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region, year: year)
        if let years, let range = try? parseYears(years), !data.yearsWithData(in: region.region).contains(where: range.contains) {
            try requireData(data, region: region.region, year: range.upperBound)
        }
        let ids = try indicators.map { try indicatorNamed($0, in: data.catalog).id }
        let maker = ChartMaker(data: data, region: region.region)
        let request = ChartMaker.Request(kind: ChartKind(rawValue: kind)!, indicators: ids, year: year,
                                         years: try years.map(parseYears), townships: township, title: title)
        do { try drawing.draw(try maker.chart(request)) } catch let failure as ChartMaker.Failure {
            printError(failure.description)
            throw ExitCode(1)
        }
    }
}
