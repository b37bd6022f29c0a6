import ArgumentParser
import Extraction
import Foundation
import Plot
import ReportText
import Store

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "测速 (benchmarks): fazhi bench extract | ingest | plot | trends | charts | import-export.",
        subcommands: [ExtractBench.self, IngestBench.self, PlotBench.self, TrendsBench.self, ChartsBench.self,
                      ImportExportBench.self, NationalBench.self]
    )
}

/// End-to-end extraction throughput: read files in parallel, extract, write JSON.
struct ExtractBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extraction throughput in MB/s on the sample reports repeated to a large corpus."
    )

    @Option(help: "Size of the corpus to build, in MB.")
    var megabytes = 100

    @Option(help: "Folder of reports to repeat (default: Data/reports).")
    var samples = "Data/reports"

    @Option(help: "Timed runs; the median is reported.")
    var runs = 3

    func run() throws {
        let sources = ReportReader.reportFiles(under: [URL(fileURLWithPath: samples)])
        guard !sources.isEmpty else { throw ValidationError("no reports under \(samples)") }
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-bench-\(getpid())")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: corpus) }

        var bytes = 0, files: [URL] = []
        let contents = try sources.map { try Data(contentsOf: $0) }
        while bytes < megabytes * 1_000_000 {
            let n = files.count
            let url = corpus.appendingPathComponent(String(format: "%06d-", n) + sources[n % sources.count].lastPathComponent)
            try contents[n % sources.count].write(to: url)
            files.append(url)
            bytes += contents[n % sources.count].count
        }
        let extractor = ReportExtractor(catalog: try Catalog.standard(), gazetteer: try Gazetteer.standard())
        let sink = corpus.appendingPathComponent("out.json")
        var findings = 0
        let (median, cpu) = try medianTimes(runs: runs) { _ in
            let reports = Extract.extractAll(files, with: extractor).compactMap { try? $0.get() }
            try Data(ExtractOutput.json(reports, catalog: extractor.catalog).utf8).write(to: sink)
            findings = reports.reduce(0) { $0 + $1.chosen(in: extractor.catalog).count }
        }
        let mb = Double(bytes) / 1e6
        // CPU time over all threads: on a machine shared with other work it varies far less than wall time.
        print(String(format: "extract: %d files, %.1f MB, %d findings; median of %d runs %.2f s → %.1f MB/s (%d cores)"
                     + "; CPU %.2f s → %.1f MB per CPU-second",
                     files.count, mb, findings, runs, median, mb / median, ProcessInfo.processInfo.activeProcessorCount,
                     cpu, mb / cpu))
    }
}

/// Store throughput: the sample reports' findings, copied under distinct paths, ingested in one batch
/// into a fresh temporary store.
struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store throughput in findings/s: one batch of at least --findings findings into a fresh store."
    )

    @Option(help: "Findings to ingest (at least; whole reports are copied).")
    var findings = 100_000

    @Option(help: "Folder of reports to extract once and copy (default: Data/reports).")
    var samples = "Data/reports"

    @Option(help: "Timed runs, each into a fresh store; the median is reported.")
    var runs = 3

    func run() throws {
        let sources = ReportReader.reportFiles(under: [URL(fileURLWithPath: samples)])
        guard !sources.isEmpty else { throw ValidationError("no reports under \(samples)") }
        let extractor = ReportExtractor(catalog: try Catalog.standard(), gazetteer: try Gazetteer.standard())
        let extracted = try sources.map { extractor.extract(try ReportReader.read($0), source: $0.lastPathComponent) }
        guard extracted.contains(where: { !$0.findings.isEmpty }) else { throw ValidationError("no findings in \(samples)") }
        var batch: [(ExtractedReport, contentHash: String)] = []
        var total = 0
        while total < findings {
            let n = batch.count
            var report = extracted[n % extracted.count]
            report.source = String(format: "bench/%07d/", n) + report.source
            batch.append((report, contentHash: String(format: "%016x", n)))
            total += report.findings.count
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-bench-ingest-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each run into a fresh store, opened (and migrated) before its clock starts.
        let stores = try (0..<max(1, runs)).map { try ReportStore(path: folder.appendingPathComponent("run\($0).sqlite").path) }
        let (median, cpu) = try medianTimes(runs: runs) { run in
            let summary = try stores[run].ingest(batch)
            guard summary.added == batch.count else { throw ValidationError("stored \(summary.added) of \(batch.count) reports") }
        }
        // The CPU time (all threads; the ingest runs on one) is steadier than wall time on a shared machine.
        print(String(format: "ingest: %d reports, %d findings, one transaction; median of %d runs %.3f s → %.0f findings/s"
                     + " (CPU %.3f s → %.0f findings per CPU-second)",
                     batch.count, total, runs, median, Double(total) / median, cpu, Double(total) / cpu))
    }
}

/// Median time to lay out, draw and encode a 1200×750 PNG of a 12-line trend and a 40-bar rank, one core.
struct PlotBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Chart drawing time: a 12-line trend and a 40-bar rank, 1200×750 PNG, one core."
    )

    @Option(help: "Charts drawn of each kind; the median is reported.")
    var iterations = 50

    func run() throws {
        print(PlotBenchmark.run(iterations: iterations))
    }
}
