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
        ingest), then, again after one county's reports change, the same extract (only those files are read).
        """
    )

    @Option(help: "规模 (scale): 1, 0.1 or 0.01.") var scale = 0.01
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

        // One county's reports change (a line added to each): a re-run reads only those files.
        let county = try firstCounty(under: reports)
        var touched = 0
        for name in try fm.contentsOfDirectory(atPath: county.path) where name.hasSuffix(".txt") {
            let file = county.appendingPathComponent(name)
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n".utf8))
            try handle.close()
            touched += 1
        }
        let again = try StageRunner.run(extract, log: log)
        table.add("re-extract after \(touched) reports of one county change", again, output: storeSize(store))
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
