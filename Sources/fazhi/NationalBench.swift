import ArgumentParser
import Foundation

/// The national benchmark: a generated country of about 41,000 townships × 5 years (≈ 200,000
/// reports) at `--scale 1`, or a tenth or a hundredth of it, run stage by stage as child processes of
/// this executable so that each stage's wall time, CPU time and peak memory are its own.
struct NationalBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "national",
        abstract: "全国规模测速 (the national benchmark): generate, extract + ingest, per stage time, peak memory, output size.",
        discussion: """
        --scale 1: 34 省 × 6 市 × 10 县区 (2,040 个县区，约 41,000 个镇街) × 5 年；0.1: 17 × 3 × 4；0.01: 2 × 2 × 5。
        Stages: `fazhi sample` (the corpus), `fazhi extract --quiet` into a fresh store (extraction and
        ingest), `fazhi charts --by county --format png` (the whole tree of pages), then, after one county's
        reports change, the same extract (only those files are read) and the same drawing (only what changed).
        """
    )

    @Option(help: "规模 (scale): 1, 0.1 or 0.01.") var scale = 0.01
    @Flag(inversion: .prefixedNo, help: "画图表树 (draw the chart tree).") var charts = true
    @Option(help: "保留语料和数据库的目录 (keep the corpus and store in this folder; default: a temporary one, removed).")
    var keep: String?

    /// Provinces × cities a province × counties a city for each scale: 2,040 counties at 1, 204 at 0.1, 20 at 0.01.
    static let shapes: [Double: (Int, Int, Int)] = [1: (34, 6, 10), 0.1: (17, 3, 4), 0.01: (2, 2, 5)]

    func validate() throws {
        guard Self.shapes[scale] != nil else { throw ValidationError("--scale 须为 1、0.1 或 0.01 (use 1, 0.1 or 0.01).") }
    }

    func run() throws {
        let (p, c, k) = Self.shapes[scale]!
        let folder = URL(fileURLWithPath: keep ?? NSTemporaryDirectory() + "fazhi-national-\(getpid())")
        let fm = FileManager.default
        if keep == nil { try? fm.removeItem(at: folder) }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? fm.removeItem(at: folder) } }
        let corpus = folder.appendingPathComponent("corpus"), store = folder.appendingPathComponent("store.sqlite")
        let log = folder.appendingPathComponent("stages.log")
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: store.path + suffix) }
        var table = NationalReport(scale: scale, shape: (p, c, k))
        print("national benchmark, scale \(scale): \(p) provinces × \(c) cities × \(k) counties, years 2021–2025; "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage())")

        let generate = try StageRunner.run(["sample", "--provinces", "\(p)", "--cities-per-province", "\(c)",
                                            "--counties-per-city", "\(k)", "--years", "2021-2025", "--out", corpus.path], log: log)
        let reports = corpus.appendingPathComponent("reports")
        table.corpus = try corpusCounts(corpus)
        table.add("generate (fazhi sample)", generate, output: StageRunner.size(of: corpus))

        let noCorrections = folder.appendingPathComponent("no-corrections.csv").path
        let extract = ["extract", reports.path, "--quiet", "--db", store.path, "--corrections", noCorrections]
        let ingest = try StageRunner.run(extract, log: log)
        table.add("extract + ingest (fazhi extract --quiet)", ingest, output: storeSize(store))

        let roster = corpus.appendingPathComponent("roster.csv").path
        let tree = folder.appendingPathComponent("tree")
        let draw = ["charts", "--by", "county", "--db", store.path, "--roster", roster, "--out", tree.path, "--format", "png"]
        if charts {
            let drawn = try StageRunner.run(draw, log: log)
            table.add("chart tree, PNG (fazhi charts --by county)", drawn, output: StageRunner.size(of: tree))
        }

        // One county's reports change (one figure in each that writes one in plain digits once: 28人 → 29人):
        // a re-run reads only those files, and draws only that county's charts and its parents' comparisons.
        let county = try firstCounty(under: reports)
        let touched = try changeOneFigure(inReportsOf: county, corpus: corpus)
        let again = try StageRunner.run(extract, log: log)
        table.add("re-extract after \(touched) reports of one county change (one figure each)", again, output: storeSize(store))
        if charts {
            let redrawn = try StageRunner.run(draw, log: log)
            table.add("redraw the tree after that (only what changed)", redrawn, output: StageRunner.size(of: tree))
        }
        print(table.text())
        print("stage log: \(log.path)\(keep == nil ? " (removed)" : "")")
    }

    func storeSize(_ store: URL) -> Int {
        ["", "-wal"].map { StageRunner.size(of: URL(fileURLWithPath: store.path + $0)) }.reduce(0, +)
    }

    /// The first county folder (reports/<province>/<city>/<county>) in name order.
    func firstCounty(under reports: URL) throws -> URL {
        var url = reports
        for _ in 0..<3 {
            guard let first = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().first else {
                throw BenchStageError(stage: "national", reason: "\(url.path) 为空 (empty)")
            }
            url = url.appendingPathComponent(first)
        }
        return url
    }

    /// Changes one figure in each report of a county whose truth.json entry gives a count written in plain
    /// digits, written once in the text; returns how many reports changed. Reads truth.json line by line
    /// (it is some hundreds of MB at scale 1).
    func changeOneFigure(inReportsOf county: URL, corpus: URL) throws -> Int {
        let reports = corpus.appendingPathComponent("reports").path + "/"
        let prefix = String(county.path.dropFirst(reports.count)) + "/"
        let truth = try String(contentsOf: corpus.appendingPathComponent("truth.json"), encoding: .utf8)
        var file: String?, touched = 0
        for line in truth.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("\"file\": ") {
                let name = String(t.dropFirst(9).dropLast(2))
                file = name.hasPrefix(prefix) ? name : nil
            } else if t.hasPrefix("\"written\": "), let name = file,
                      let written = try JSONSerialization.jsonObject(with: Data(t.dropFirst(11).dropLast().utf8)) as? [String: String] {
                let url = URL(fileURLWithPath: reports + name)
                guard var text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for (_, w) in written.sorted(by: { $0.key < $1.key }) {
                    let digits = w.prefix { $0.isASCII && $0.isNumber }
                    guard digits.count >= 2, digits.count == w.count - 1, let n = Int(digits), let r = text.range(of: w),
                          text.range(of: w, range: r.upperBound..<text.endIndex) == nil else { continue }
                    text.replaceSubrange(r, with: "\(n + 1)" + w.dropFirst(digits.count))
                    try Data(text.utf8).write(to: url)
                    touched += 1
                    break
                }
                file = nil
            }
        }
        return touched
    }

    /// Townships (roster lines) and reports (files) of the generated corpus.
    func corpusCounts(_ corpus: URL) throws -> (townships: Int, reports: Int) {
        let roster = try String(contentsOf: corpus.appendingPathComponent("roster.csv"), encoding: .utf8)
        let townships = roster.split(separator: "\n").count - 1
        var reports = 0
        let e = FileManager.default.enumerator(atPath: corpus.appendingPathComponent("reports").path)
        while let name = e?.nextObject() as? String { if name.hasSuffix(".txt") { reports += 1 } }
        return (townships, reports)
    }
}

/// The 1-, 5- and 15-minute load averages, for the note beside a measurement on a shared machine.
func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "?" }
    return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
}

/// The benchmark's table: one line per stage.
struct NationalReport {
    let scale: Double
    let shape: (Int, Int, Int)
    var corpus: (townships: Int, reports: Int) = (0, 0)
    var lines: [(String, StageFigures, Int)] = []

    mutating func add(_ stage: String, _ figures: StageFigures, output: Int) { lines.append((stage, figures, output)) }

    func text() -> String {
        var out = "corpus: \(corpus.townships) townships, \(corpus.reports) reports\n"
        out += "| stage | wall s | CPU s | peak memory MB | output MB |\n|---|---|---|---|---|\n"
        for (stage, f, size) in lines {
            out += "| \(stage) " + String(format: "| %.1f | %.1f | %.0f | %.1f |\n", f.wall, f.cpu,
                                                 Double(f.peakMemory) / 1e6, Double(size) / 1e6)
        }
        return out
    }
}
