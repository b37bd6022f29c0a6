import Foundation
import Hummingbird
import NIOCore
import Plot
import Publish
import Store
import Trends

/// The result a reviewer is about to send out — the gallery, the briefing and the summary of the region —
/// drawn by Publish (the same `ChartSetWriter` and `SummaryWriter` as `fazhi charts` and `fazhi summary`)
/// from the store as it is now. Drawn again when the values changed since the last drawing, or on request.
final class Results: @unchecked Sendable {
    let bench: Workbench
    let folder: URL
    private let lock = NSLock()
    private var drawnFingerprint: Int?

    init(bench: Workbench, folder: URL) {
        self.bench = bench
        self.folder = folder
    }

    /// The store's data with its roster, as the command line loads it.
    func dataset() throws -> Dataset {
        try StoreDataset.load(store: bench.settings.storePath, roster: bench.settings.rosterPath ?? "Data/roster.csv",
                              rosterRequired: bench.settings.rosterPath != nil)
    }

    /// What the drawings depend on: every value, its source and whether it is reviewed.
    func fingerprint(_ data: Dataset) throws -> Int {
        var h = Hasher()
        let table = try bench.store.valueTable(ordered: true)
        for r in table.rows {
            h.combine(r.township.map { table[$0] })
            h.combine(r.county.map { table[$0] })
            h.combine(r.year)
            h.combine(table[r.indicator])
            h.combine(r.value)
            h.combine(table[r.qualifier])
            h.combine(table[r.source])
            h.combine(r.reviewed)
        }
        return h.finalize()
    }

    /// Draws the set into the folder (PNG, with the briefing and gallery page) unless nothing changed
    /// since the last drawing and `force` is false. Returns the briefing's PNG name, if any, and whether it drew.
    func draw(force: Bool) throws -> (briefing: String?, drew: Bool, outcome: ChartSetWriter.Outcome?) {
        try lock.withLock {
            let data = try dataset()
            let print = try fingerprint(data)
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if !force, print == drawnFingerprint, existing.contains("index.html") {
                return (existing.filter { $0.hasPrefix("briefing-") && $0.hasSuffix(".png") }.sorted().last, false, nil)
            }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let writer = ChartSetWriter(maker: ChartMaker(data: data, region: .all), formats: [.png])
            let outcome = try writer.write(to: folder)
            drawnFingerprint = print
            return (outcome.briefing.first { $0.hasSuffix(".png") }, true, outcome)
        }
    }

    /// The summary paragraphs of the latest year, as `fazhi summary` writes them.
    func summary() throws -> (title: String, text: String)? {
        let data = try dataset()
        guard let year = data.years.last else { return nil }
        let regionName = ChartMaker(data: data, region: .all).regionTitle
        let summary = SummaryWriter(data: data, region: .all, year: year, regionName: regionName).compose()
        return (summary.title, summary.text())
    }
}

extension ReviewServer {
    func addResultRoutes(to router: Router<ReviewContext>) {
        router.get("/results") { _, context -> Response in
            try self.resultsPage(context: context, force: false)
        }
        router.post("/results/redraw") { _, context -> Response in
            _ = try self.results.draw(force: true)
            return Response(status: .seeOther, headers: [.location: "/results"])
        }
        router.get("/results/files/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), Self.isSafeFileName(name) else { return self.notFound(context) }
            let url = self.resultsFolder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { return self.notFound(context) }
            let type: String
            switch url.pathExtension.lowercased() {
            case "png": type = "image/png"
            case "svg": type = "image/svg+xml"
            case "pdf": type = "application/pdf"
            case "html": type = "text/html; charset=utf-8"
            default: type = "application/octet-stream"
            }
            var response = Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
            // The gallery page keeps its styles inline (it is also a file opened offline); it runs no script.
            response.headers[.contentSecurityPolicy] =
                "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"
            return response
        }
        router.get("/summary") { _, context -> Response in
            guard let summary = try self.results.summary() else {
                return self.render("message", ["heading": "摘要", "text": "数据库中还没有数值。"], session: context.session, title: "摘要")
            }
            return self.render("results", ["heading": summary.title, "note": "与 fazhi summary 相同，按数据库当前的数值（含核对结论）写成。",
                                           "summaryText": summary.text], session: context.session, title: "摘要")
        }
    }

    func resultsPage(context: ReviewContext, force: Bool) throws -> Response {
        let drawn = try results.draw(force: force)
        var page: [String: Any] = [
            "heading": "图表与简报",
            "note": drawn.drew ? "已按数据库当前的数值重新绘制（与 fazhi charts 相同的图表集）。" : "数值自上次绘制以来没有变化。",
            "links": [["href": "/results/files/index.html", "label": "图库（全部图表及数据表）"],
                      ["href": "/summary", "label": "年度报告摘要"]],
        ]
        if let briefing = drawn.briefing { page["briefing"] = "/results/files/\(briefing)" }
        return render("results", page, session: context.session, title: "图表与简报")
    }

    /// A file name of the results folder: no folder part, no hidden file.
    static func isSafeFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }
}
