import Foundation
import Testing
@testable import Plot

/// Golden files under Tests/PlotTests/Golden. Regenerate with FAZHI_UPDATE_GOLDEN=1.
enum Golden {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["FAZHI_UPDATE_GOLDEN"] == "1" }

    /// Returns nil when the golden matches (or was written), else a one-line difference.
    static func check(_ data: Data, name: String, compare: (Data, Data) -> String?) throws -> String? {
        let url = dir.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: url)
            return nil
        }
        guard let golden = try? Data(contentsOf: url) else { return "missing golden \(name) (run with FAZHI_UPDATE_GOLDEN=1)" }
        if let diff = compare(golden, data) {
            try? data.write(to: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("actual-" + name))
            return "\(name): \(diff)"
        }
        return nil
    }

    /// Pixels differing by more than 24 in a channel: at most 0.2 % of the image.
    static func pixels(_ a: Data, _ b: Data) -> String? {
        guard let x = decodePNG(a), let y = decodePNG(b) else { return "not a PNG" }
        guard x.width == y.width, x.height == y.height else { return "size \(y.width)×\(y.height), golden \(x.width)×\(x.height)" }
        var bad = 0
        for i in stride(from: 0, to: x.rgba.count, by: 4) {
            for c in 0..<4 where abs(Int(x.rgba[i + c]) - Int(y.rgba[i + c])) > 24 { bad += 1; break }
        }
        let limit = x.width * x.height / 500
        return bad > limit ? "\(bad) pixels differ (limit \(limit))" : nil
    }

    static func text(_ a: Data, _ b: Data) -> String? {
        a == b ? nil : "SVG text differs (\(a.count) vs \(b.count) bytes)"
    }
}

let goldenCharts = Samples.all()

@Test(arguments: goldenCharts.map(\.0))
func everyKindMatchesItsGoldenPNG(_ name: String) throws {
    let chart = goldenCharts.first { $0.0 == name }!.1
    let png = try render(chart, format: .png, width: 600, height: 375)
    #expect(try Golden.check(png.data, name: name + ".png", compare: Golden.pixels) == nil)
}

@Test(arguments: goldenCharts.map(\.0))
func everyKindMatchesItsGoldenSVG(_ name: String) throws {
    let chart = goldenCharts.first { $0.0 == name }!.1
    let svg = try render(chart, format: .svg, width: 600, height: 375)
    #expect(try Golden.check(svg.data, name: name + ".svg", compare: Golden.text) == nil)
}

@Test(arguments: goldenCharts.map(\.0))
func everyKindGivesADeterministicOnePagePDF(_ name: String) throws {
    let chart = goldenCharts.first { $0.0 == name }!.1
    let a = try render(chart, format: .pdf, width: PageSize.a4Landscape.width, height: PageSize.a4Landscape.height)
    let b = try render(chart, format: .pdf, width: PageSize.a4Landscape.width, height: PageSize.a4Landscape.height)
    #expect(a.data == b.data)
    let text = String(decoding: a.data, as: UTF8.self)
    #expect(text.hasPrefix("%PDF-"))
    #expect(text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1 + text.components(separatedBy: "/Type /Page/").count - 1 == 1)
    #expect(text.contains("/FontFile"), "fonts embedded")
    #expect(!text.contains("D:20") || text.contains("D:2000"), "no timestamp")
}

/// pdftoppm from poppler-utils (Scripts/ensure-deps.sh installs it), found on PATH.
let pdftoppm: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { String($0) + "/pdftoppm" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// The PDF's first page as a PNG at 72 dpi (one pixel per point).
func renderedPage(_ pdf: Data, name: String) throws -> Data {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fazhi-pdf-\(getpid())-\(name)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("page.pdf"), output = dir.appendingPathComponent("page")
    try pdf.write(to: input)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: pdftoppm!)
    p.arguments = ["-png", "-r", "72", "-singlefile", input.path, output.path]
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw PlotError("pdftoppm failed with status \(p.terminationStatus)") }
    return try Data(contentsOf: output.appendingPathExtension("png"))
}

@Test(.enabled(if: pdftoppm != nil, "pdftoppm is not installed (apt-get install poppler-utils, or Scripts/ensure-deps.sh): PDF pages not compared"),
      arguments: goldenCharts.map(\.0))
func everyKindMatchesItsGoldenPDFPageRenderedByPoppler(_ name: String) throws {
    let chart = goldenCharts.first { $0.0 == name }!.1
    let pdf = try render(chart, format: .pdf, width: PageSize.a4Landscape.width, height: PageSize.a4Landscape.height)
    let page = try renderedPage(pdf.data, name: name)
    #expect(try Golden.check(page, name: name + ".pdf.png", compare: Golden.pixels) == nil)
}

@Test(.enabled(if: pdftoppm != nil, "pdftoppm is not installed (apt-get install poppler-utils, or Scripts/ensure-deps.sh): PDF pages not compared"))
func briefingSheetMatchesItsGoldenPDFPageRenderedByPoppler() throws {
    let pdf = try renderBriefing(Samples.briefing(), format: .pdf)
    let page = try renderedPage(pdf.data, name: "briefing")
    #expect(try Golden.check(page, name: "briefing.pdf.png", compare: Golden.pixels) == nil)
}

@Test func pngBytesAreTheSameFromOneRenderToTheNext() throws {
    // Buffers are reused between charts on a thread: an earlier chart must leave no trace.
    let trend = goldenCharts.first { $0.0 == "trend" }!.1, rank = goldenCharts.first { $0.0 == "rank" }!.1
    var clear = rank
    clear.theme.background = Color(hex: "#FFFFFF00")!
    let a = try render(trend, format: .png, width: 600, height: 375).data
    _ = try render(rank, format: .png, width: 1200, height: 750).data
    _ = try render(clear, format: .png, width: 600, height: 375).data
    let b = try render(trend, format: .png, width: 600, height: 375).data
    #expect(a == b)
    let c1 = try render(clear, format: .png, width: 600, height: 375).data
    _ = try render(trend, format: .png, width: 600, height: 375).data
    #expect(try render(clear, format: .png, width: 600, height: 375).data == c1)
}

@Test func theSameImageCompressedTwoWaysIsTheSameImage() throws {
    let (first, second) = (goldenCharts[0].1, goldenCharts[1].1)
    let fast = try render(first, format: .png, pngLevel: 1).data
    let small = try render(first, format: .png, pngLevel: 6).data
    #expect(fast != small)
    #expect(samePNGImage(fast, small))
    #expect(!samePNGImage(fast, try render(second, format: .png, pngLevel: 1).data))
}
