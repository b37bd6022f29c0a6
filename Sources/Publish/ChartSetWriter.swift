import Foundation
import Plot
import Store
import Trends

/// Writes a region's chart set into a folder: every chart of `ChartSet.plan` in each format, the
/// briefing of the latest year (`briefing-<年>.pdf/.png/.svg`) and the gallery page `index.html`.
/// Files whose content is unchanged are not rewritten (`writeIfChanged`), and charts an earlier run
/// drew that this one no longer draws are removed. The command line (`fazhi charts`) and the review
/// server both call this, so the two draw the same set.
public struct ChartSetWriter {
    /// What one write did.
    public struct Outcome: Sendable {
        /// Charts planned (each drawn in every format).
        public var charts: Int
        /// Files written because their content changed, by name (`mediation.disputes-trend.png`).
        public var changed: [String]
        /// Charts the plan could not make, with the reason (`stem: reason`).
        public var skipped: [String]
        /// Charts that failed to draw, with the reason (`stem: error`); the rest are written.
        public var failed: [String]
        /// The briefing files written or kept (`briefing-2025.pdf`, …); empty without a briefing.
        public var briefing: [String]
        /// Chart files rendered this time (not skipped as unchanged through `known`), by name.
        public var drawn: [String] = []
        /// What each chart file was drawn from, by `namePrefix` + name: for the store, so that the next run can skip it.
        public var records: [String: OutputHash] = [:]
    }

    public let maker: ChartMaker
    public let formats: [OutputFormat]
    /// The last year drawn; the latest with data when nil.
    public let year: Int?
    public let drawsBriefing: Bool
    /// What earlier runs drew, by `namePrefix` + file name: a chart whose data hash is recorded there and
    /// whose file exists is not drawn again (its recorded description goes on the page).
    public var known: [String: OutputHash] = [:]
    /// This set's folder relative to the tree's root (`例山省/例石溪市/例松竹县/`), before each name in `known` and `records`.
    public var namePrefix = ""
    /// Links at the top of the gallery page (the regions above, in a tree) and below the briefing (the townships' profiles).
    public var navigation: [Gallery.Link] = []
    public var links: [Gallery.Link] = []
    public var linksHeading = ""
    /// For the briefing (see `BriefingMaker.checks` and `regionReports`): made once by a caller drawing many sets.
    public var checks: [CheckFinding]?
    public var regionReports: [ReportRecord]?

    public init(maker: ChartMaker, formats: [OutputFormat], year: Int? = nil, drawsBriefing: Bool = true) {
        self.maker = maker
        self.formats = formats
        self.year = year
        self.drawsBriefing = drawsBriefing
    }

    /// The set's charts, for a caller that wants to know before drawing whether there is anything.
    public func plan() -> (items: [ChartSet.Item], skipped: [String]) { ChartSet(maker: maker).plan(year: year) }

    /// Draws the set into `folder` (created when missing). `progress` is called once per chart file drawn,
    /// from any thread. Throws only when the briefing or the gallery page cannot be written; a chart
    /// that fails is listed in `failed`.
    public func write(to folder: URL, progress: (@Sendable () -> Void)? = nil) throws -> Outcome {
        let (items, skipped) = plan()
        let prefix = namePrefix
        let charts = drawCharts(items, formats: formats, into: folder, known: known, prefix: prefix, progress: progress)
        var outcome = Outcome(charts: items.count, changed: charts.changed, skipped: skipped, failed: charts.failed, briefing: [])
        outcome.drawn = charts.drawn
        outcome.records = charts.records
        let descriptions = charts.descriptions
        if drawsBriefing, let latest = year ?? maker.data.years.last {
            var briefingMaker = BriefingMaker(maker: maker, year: latest, language: .zh)
            briefingMaker.checks = checks
            briefingMaker.regionReports = regionReports
            let (sheet, _) = briefingMaker.sheet()
            outcome.briefing = try writeBriefing(sheet, year: latest, to: folder, known: known, prefix: prefix, outcome: &outcome)
        }
        let entries = items.map { Gallery.Entry(stem: $0.stem, group: $0.group, chart: $0.chart, description: descriptions[$0.stem] ?? "") }
        let note = maker.watermark.map { _ in "示例数据：由 fazhi sample 生成的虚构县，数字不代表任何真实镇街。" }
        let page = Gallery.html(title: "\(maker.regionTitle)镇街法治政府建设指标图表", entries: entries, formats: formats,
                                briefing: outcome.briefing, note: note, navigation: navigation, links: links,
                                linksHeading: linksHeading)
        if try writeIfChanged(Data(page.utf8), to: folder.appendingPathComponent("index.html")) { outcome.changed.append("index.html") }
        Self.removeStale(in: folder, keeping: Set(items.flatMap { item in formats.map { "\(item.stem).\($0.rawValue)" } } + outcome.briefing))
        return outcome
    }

    /// Removes charts of an earlier run that this run no longer draws (an indicator gone, a new latest
    /// year); files it did not draw are left alone.
    static func removeStale(in folder: URL, keeping: Set<String>) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where !keeping.contains(name) && ["png", "svg", "pdf"].contains((name as NSString).pathExtension) {
            if isDrawnHere(name) { try? fm.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }

    /// Whether a file name is one the set draws: overview-Y, headline-Y, briefing-Y, id-trend, id-rank-Y, id-heatmap.
    static func isDrawnHere(_ name: String) -> Bool {
        let stem = (name as NSString).deletingPathExtension
        return stem.hasPrefix("overview-") || stem.hasPrefix("headline-") || stem.hasPrefix("briefing-")
            || stem.hasSuffix("-trend") || stem.hasSuffix("-heatmap") || stem.range(of: #"-rank-\d{4}$"#, options: .regularExpression) != nil
    }
}

/// Writes a briefing sheet as briefing-<year>.pdf, .png and .svg (scale 2), unless `known` records the
/// sheet's data for all three and they exist; adds what it wrote to `outcome`. Returns the three names.
func writeBriefing(_ sheet: BriefingSheet, year: Int, to folder: URL, known: [String: OutputHash], prefix: String,
                   outcome: inout ChartSetWriter.Outcome) throws -> [String] {
    let names = [OutputFormat.pdf, .png, .svg].map { "briefing-\(year).\($0.rawValue)" }
    let digest = briefingDigest(sheet)
    let unchanged = names.allSatisfy { name in
        known[prefix + name]?.hash == digest && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }
    if !unchanged {
        let scene = try layoutBriefing(sheet)  // laid out once, drawn in three formats
        for (name, format) in zip(names, [OutputFormat.pdf, .png, .svg]) {
            if try writeIfChanged(try draw(scene, format: format, scale: 2), to: folder.appendingPathComponent(name)) {
                outcome.changed.append(name)
            }
            outcome.drawn.append(name)
        }
    }
    for name in names { outcome.records[prefix + name] = OutputHash(hash: digest, note: "") }
    return names
}
