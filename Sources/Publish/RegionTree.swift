import Extraction
import Foundation
import Plot
import Store
import Trends

/// A tree of gallery pages over a store of many regions: every region of `level` (each county, say)
/// gets its own chart set as `fazhi charts` draws one, and every region above it (the country, each
/// province, each city) a comparison of its children — their pooled values ranked and by year, with
/// coverage and the like-for-like change — and its briefing. Pages link down to the next level and,
/// under a set, to each township's profile; and up to the root.
///
/// Folders follow the tree: `index.html` (the root), `例山省/index.html`, `例山省/例石溪市/例松竹县/index.html`,
/// `…/例松竹县/townships/3.html`. With `known` (what an earlier run recorded in the store), a chart whose
/// data has not changed is not drawn again: after one county's reports change, only that county's
/// charts and its parents' comparisons are.
public struct RegionTree: Sendable {
    public let data: Dataset
    /// The level whose regions get their own set; the levels above it get comparisons.
    public let level: RegionLevel
    /// Where the tree starts: everything, or one province or city.
    public let root: Region
    public let formats: [OutputFormat]
    /// The last year drawn; the latest with data when nil.
    public let year: Int?
    public var drawsBriefing = true
    /// What earlier runs drew, by path under the output folder (see `ChartSetWriter.known`).
    public var known: [String: OutputHash] = [:]

    public init(data: Dataset, level: RegionLevel, root: Region = .all, formats: [OutputFormat], year: Int? = nil) {
        self.data = data
        self.level = level
        self.root = root
        self.formats = formats
        self.year = year
    }

    /// One page of the tree.
    public struct Node: Sendable {
        public var name: String
        public var region: Region
        /// Nil for the whole country.
        public var level: RegionLevel?
        /// Folder names from the tree's root; empty for the root.
        public var path: [String]
        /// The names of the pages above, from the root.
        public var above: [String]
        public var children: [Node]

        /// `例山省/例石溪市/` — empty for the root.
        public var folder: String { path.map { $0 + "/" }.joined() }
    }

    /// What one write did.
    public struct Outcome: Sendable {
        public var pages = 0
        public var charts = 0
        /// Chart, briefing and page files whose content changed, by path under the output folder.
        public var changed: [String] = []
        /// Chart and briefing files drawn this time (the rest were unchanged and skipped), by path.
        public var drawn: [String] = []
        public var failed: [String] = []
        /// What each chart and briefing file was drawn from: for the store (`ReportStore.recordOutputHashes`).
        public var records: [String: OutputHash] = [:]
        /// Names `known` held that this run no longer draws: for the store to forget.
        public var forgotten: [String] = []
    }

    /// The tree's pages, from the root down to the regions of `level`.
    public func tree() -> Node {
        let (name, rootLevel): (String, RegionLevel?) = {
            switch root {
            case .all: return ("各地", nil)
            case .province(let n): return (n, .province)
            case .city(let n): return (n, .city)
            case .county(let n): return (n, .county)
            }
        }()
        return node(name: name, region: root, level: rootLevel, path: [], above: [])
    }

    func node(name: String, region: Region, level nodeLevel: RegionLevel?, path: [String], above: [String]) -> Node {
        var page = Node(name: name, region: region, level: nodeLevel, path: path, above: above, children: [])
        if let childLevel = childLevel(of: nodeLevel) {
            var used = Set<String>()
            page.children = data.children(of: region, at: childLevel).map { child in
                node(name: child, region: childLevel.region(child), level: childLevel,
                     path: path + [Self.folderName(child, unique: &used)], above: above + [name])
            }
        }
        return page
    }

    /// The level of a node's children; nil for a node of `level` (it gets its own set).
    func childLevel(of nodeLevel: RegionLevel?) -> RegionLevel? {
        guard let nodeLevel else { return .province <= level ? .province : nil }
        return nodeLevel < level ? nodeLevel.below : nil
    }

    /// A region's name as a folder: as written, but a character no folder may hold (`/`, a control
    /// character) or a leading dot becomes `_`; two names that become one are told apart by a number.
    static func folderName(_ name: String, unique used: inout Set<String>) -> String {
        var safe = String(name.unicodeScalars.map { $0 == "/" || $0 == "\\" || $0.value < 0x20 ? "_" : Character($0) })
        if safe.hasPrefix(".") || safe.isEmpty { safe = "_" + safe }
        var candidate = safe, n = 2
        while !used.insert(candidate).inserted { candidate = "\(safe)-\(n)"; n += 1 }
        return candidate
    }

    /// Draws the whole tree into `folder`. `progress` is called once per page, from any thread. A page or
    /// chart that fails is listed in `failed`; the rest are written.
    public func write(to folder: URL, progress: (@Sendable () -> Void)? = nil) -> Outcome {
        var all: [Node] = []
        func collect(_ n: Node) { all.append(n); n.children.forEach(collect) }
        collect(tree())
        // What every briefing asks of the whole store, made once: the consistency findings, and the reports
        // by region (each sheet filtering 200,000 reports, or checking 40,000 townships, made the tree quadratic).
        var inputs = SharedInputs(checks: drawsBriefing ? data.checks() : [])
        for r in data.reports {
            if let c = r.county { inputs.reports["county|" + c, default: []].append(r) }
            if let c = r.city { inputs.reports["city|" + c, default: []].append(r) }
            if let c = r.province { inputs.reports["province|" + c, default: []].append(r) }
        }
        for c in inputs.checks {
            guard let p = c.place else { continue }
            if let n = p.county { inputs.checksByRegion["county|" + n, default: []].append(c) }
            if let n = p.city { inputs.checksByRegion["city|" + n, default: []].append(c) }
            if let n = p.province { inputs.checksByRegion["province|" + n, default: []].append(c) }
        }
        for name in known.keys {
            let folder = name.lastIndex(of: "/").map { String(name[...$0]) } ?? ""
            inputs.knownByFolder[folder, default: []].append(name)
        }
        // Each page's digest: a set's from its region's data, a parent's from its children's, bottom up.
        let leaves = all.filter(isSet)
        let gathered = inputs
        let leafDigests = leaves.parallelMap { node in
            regionDigest(data, node.region, checks: node.region == .all ? gathered.checks : gathered.checksByRegion[gathered.key(node.region)] ?? [],
                         reports: gathered.reports(of: node.region), settings: settings(node))
        }
        for (node, digest) in zip(leaves, leafDigests) { inputs.digests[node.folder] = digest }
        func parentDigests(_ node: Node) {
            guard !isSet(node) else { return }
            node.children.forEach(parentDigests)
            let childLevel = childLevel(of: node.level)!
            let orphans = data.places(in: node.region).filter { childLevel.name(of: $0) == nil }
            let orphanDigest = orphans.isEmpty ? "" : placesDigest(data, orphans, roster: [], checks: [], reports: [], settings: "")
            inputs.digests[node.folder] = parentDigest(children: node.children.map { inputs.digests[$0.folder] ?? "" },
                                                       orphans: orphanDigest, settings: settings(node))
        }
        parentDigests(tree())
        let shared = inputs
        // Pages in parallel; each page's charts are drawn in parallel too (ChartSetWriter), which keeps both
        // cores busy on a tree of many small pages and on one large one.
        let results = all.parallelMap { node -> Outcome in
            defer { progress?() }
            var outcome = Outcome()
            do {
                if isSet(node) {
                    try writeSet(node, to: folder, shared: shared, into: &outcome)
                } else {
                    try writeComparison(node, to: folder, shared: shared, into: &outcome)
                }
            } catch {
                outcome.failed.append("\(node.folder)index.html: \(error)")
            }
            outcome.pages += 1
            return outcome
        }
        var total = Outcome()
        for r in results {
            total.pages += r.pages
            total.charts += r.charts
            total.changed += r.changed
            total.drawn += r.drawn
            total.failed += r.failed
            total.records.merge(r.records) { a, _ in a }
        }
        total.forgotten = known.keys.filter { total.records[$0] == nil }.sorted()
        return total
    }

    // MARK: Pages

    /// Whether a page is a region's own set (a region of `level`, or a county), not a comparison.
    func isSet(_ node: Node) -> Bool { node.level == level || node.level == .county }

    /// What a page depends on besides its data: formats, the year asked for, the briefing, the pages above.
    func settings(_ node: Node) -> String {
        "\(formats.map(\.rawValue))|\(year ?? 0)|\(drawsBriefing)|\(node.above.joined(separator: "/"))|\(node.name)"
    }

    /// Links up: the root and every page above, relative to this node's folder.
    func navigation(_ node: Node) -> [Gallery.Link] {
        let depth = node.path.count
        return node.above.enumerated().map { i, name in
            Gallery.Link(text: name, href: String(repeating: "../", count: depth - i) + "index.html")
        }
    }

    /// A region of `level`: its own set, as `fazhi charts` draws it, with links up and to its townships' profiles.
    /// What every page's briefing needs of the whole store, made once per tree.
    struct SharedInputs: Sendable {
        var checks: [CheckFinding]
        /// Reports by `county|名`, `city|名`, `province|名`.
        var reports: [String: [ReportRecord]] = [:]
        /// Consistency findings by the same keys.
        var checksByRegion: [String: [CheckFinding]] = [:]
        /// The names `known` holds, by their folder (`例山省/例石溪市/`).
        var knownByFolder: [String: [String]] = [:]
        /// Each page's digest by its folder (see `regionDigest`, `parentDigest`).
        var digests: [String: String] = [:]

        func key(_ region: Region) -> String {
            switch region {
            case .all: return "all"
            case .county(let n): return "county|" + n
            case .city(let n): return "city|" + n
            case .province(let n): return "province|" + n
            }
        }

        func reports(of region: Region) -> [ReportRecord]? {
            switch region {
            case .all: return nil
            case .county(let n): return reports["county|" + n] ?? []
            case .city(let n): return reports["city|" + n] ?? []
            case .province(let n): return reports["province|" + n] ?? []
            }
        }
    }

    func writeSet(_ node: Node, to root: URL, shared: SharedInputs, into outcome: inout Outcome) throws {
        let folder = root.appendingPathComponent(node.folder)
        // Nothing the set is drawn from has changed and its page is there: the records carry over, nothing is planned.
        let digest = shared.digests[node.folder] ?? ""
        let setKey = node.folder + "#set"
        if known[setKey]?.hash == digest, FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) {
            for name in shared.knownByFolder[node.folder] ?? [] { outcome.records[name] = known[name] }
            outcome.charts += known[setKey].flatMap { Int($0.note) } ?? 0
            return
        }
        let maker = ChartMaker(data: data, region: node.region)
        var writer = ChartSetWriter(maker: maker, formats: formats, year: year, drawsBriefing: drawsBriefing)
        writer.known = known
        writer.namePrefix = node.folder
        writer.navigation = navigation(node)
        writer.checks = shared.checks
        writer.regionReports = shared.reports(of: node.region)
        let places = Set(data.places(in: node.region) + data.rosterPlaces(in: node.region)).sorted()
        let names = maker.displayNames
        writer.links = places.enumerated().map { i, p in Gallery.Link(text: names[p] ?? p.township, href: "townships/\(i + 1).html") }
        writer.linksHeading = "各镇街 (townships)"
        let set = try writer.write(to: folder)
        outcome.charts += set.charts
        // Recorded only when every chart was drawn: a failed one is tried again next time.
        if set.failed.isEmpty { outcome.records[setKey] = OutputHash(hash: digest, note: "\(set.charts)") }
        outcome.changed += set.changed.map { node.folder + $0 }
        outcome.drawn += set.drawn.map { node.folder + $0 }
        outcome.failed += set.failed.map { node.folder + $0 }
        outcome.records.merge(set.records) { a, _ in a }
        let up = Gallery.Link(text: node.name, href: "../index.html")
        for (i, place) in places.enumerated() {
            let page = TownshipProfilePage.html(place: place, name: names[place] ?? place.township, data: data,
                                                navigation: navigation(node).map { Gallery.Link(text: $0.text, href: "../" + $0.href) } + [up],
                                                watermark: maker.watermark)
            let name = "townships/\(i + 1).html"
            if try writeIfChanged(Data(page.utf8), to: folder.appendingPathComponent(name)) { outcome.changed.append(node.folder + name) }
        }
    }

    /// A region above `level`: its children compared on every indicator, its briefing, links down.
    func writeComparison(_ node: Node, to root: URL, shared: SharedInputs, into outcome: inout Outcome) throws {
        let folder = root.appendingPathComponent(node.folder)
        guard let childLevel = childLevel(of: node.level) else { return }
        // Nothing below has changed and the page is there: its records carry over, nothing is computed.
        let digest = shared.digests[node.folder] ?? ""
        let pageKey = node.folder + "#page"
        if known[pageKey]?.hash == digest, FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) {
            for name in shared.knownByFolder[node.folder] ?? [] { outcome.records[name] = known[name] }
            outcome.charts += known[pageKey].flatMap { Int($0.note) } ?? 0
            return
        }
        let children = data.childPlaces(of: node.region, at: childLevel)
        let maker = ChartMaker(data: data, region: node.region)
        // The whole store's page says 各省, not 各地各省.
        let composer = ChildComparisonCharts(data: data, maker: maker, children: children, title: node.region == .all ? "" : node.name)
        let items = composer.plan(year: year)
        let prefix = node.folder
        let charts = drawCharts(items, formats: formats, into: folder, known: known, prefix: prefix)
        outcome.changed += charts.changed.map { prefix + $0 }
        outcome.drawn += charts.drawn.map { prefix + $0 }
        outcome.failed += charts.failed.map { prefix + $0 }
        outcome.records.merge(charts.records) { _, new in new }
        let descriptions = charts.descriptions
        outcome.charts += items.count
        var briefing: [String] = []
        if drawsBriefing, let latest = year ?? data.yearsWithData(in: node.region).last {
            var set = ChartSetWriter.Outcome(charts: 0, changed: [], skipped: [], failed: [], briefing: [])
            var briefingMaker = BriefingMaker(maker: maker, year: latest, language: .zh)
            briefingMaker.checks = shared.checks
            briefingMaker.regionReports = shared.reports(of: node.region)
            let (sheet, _) = briefingMaker.sheet()
            briefing = try writeBriefing(sheet, year: latest, to: folder, known: known, prefix: prefix, outcome: &set)
            outcome.changed += set.changed.map { prefix + $0 }
            outcome.drawn += set.drawn.map { prefix + $0 }
            outcome.records.merge(set.records) { a, _ in a }
        }
        let entries = items.map { Gallery.Entry(stem: $0.stem, group: $0.group, chart: $0.chart, description: descriptions[$0.stem] ?? "") }
        let links = node.children.map { Gallery.Link(text: $0.name, href: $0.path.last! + "/index.html") }
        let note = maker.watermark.map { _ in "示例数据：由 fazhi sample 生成的虚构地区，数字不代表任何真实地方。" }
        let page = Gallery.html(title: "\(composer.title)各\(childLevel.word)法治政府建设指标对比", entries: entries, formats: formats,
                                briefing: briefing, note: note, navigation: navigation(node), links: links,
                                linksHeading: "各\(childLevel.word) (\(childLevel.rawValue == "county" ? "counties" : childLevel.rawValue == "city" ? "cities" : "provinces"))",
                                sections: [composer.changeTable(year: year)])
        if try writeIfChanged(Data(page.utf8), to: folder.appendingPathComponent("index.html")) { outcome.changed.append(prefix + "index.html") }
        if !outcome.failed.contains(where: { $0.hasPrefix(prefix) }) { outcome.records[pageKey] = OutputHash(hash: digest, note: "\(items.count)") }
        ChartSetWriter.removeStale(in: folder, keeping: Set(items.flatMap { item in formats.map { "\(item.stem).\($0.rawValue)" } } + briefing))
    }
}
