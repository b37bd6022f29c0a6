import Foundation
import Plot
import Store

/// What drawing a plan's charts into a folder did (`drawCharts`).
struct DrawnCharts {
    /// Each chart's description (its alt text), by stem.
    var descriptions: [String: String] = [:]
    /// Files whose content changed, by file name (`mediation.disputes-trend.png`).
    var changed: [String] = []
    /// Files rendered this time, not skipped as unchanged, by file name.
    var drawn: [String] = []
    /// Charts that failed to draw: `stem: error`.
    var failed: [String] = []
    /// What each file was drawn from, by prefix + file name, for the store.
    var records: [String: OutputHash] = [:]
}

/// Draws every chart of a plan in every format into `folder`, across all cores. A chart whose data digest
/// `known` records under `prefix` + file name, and whose file is there, is not drawn again: the chart set
/// of one region (`ChartSetWriter`) and a parent's comparison of its children (`RegionTree`) both draw so.
func drawCharts(_ items: [ChartSet.Item], formats: [OutputFormat], into folder: URL, known: [String: OutputHash],
                prefix: String, progress: (@Sendable () -> Void)? = nil) -> DrawnCharts {
    let jobs = items.flatMap { item in formats.map { (item, $0) } }
    let results: [Result<(String, Bool, Bool, String), Error>] = jobs.parallelMap { item, format in
        defer { progress?() }
        return Result {
            let name = "\(item.stem).\(format.rawValue)"
            let url = folder.appendingPathComponent(name)
            let digest = chartDigest(item.chart, width: item.width, height: item.height, format: format)
            if let old = known[prefix + name], old.hash == digest, FileManager.default.fileExists(atPath: url.path) {
                return (old.note, false, false, digest)
            }
            let rendered = try render(item.chart, format: format, width: item.width, height: item.height, scale: 1)
            return (rendered.description, try writeIfChanged(rendered.data, to: url), true, digest)
        }
    }
    var drawn = DrawnCharts()
    for ((item, format), result) in zip(jobs, results) {
        switch result {
        case .success(let (description, changed, rendered, digest)):
            drawn.descriptions[item.stem] = description
            let name = "\(item.stem).\(format.rawValue)"
            if changed { drawn.changed.append(name) }
            if rendered { drawn.drawn.append(name) }
            drawn.records[prefix + name] = OutputHash(hash: digest, note: description)
        case .failure(let error): drawn.failed.append("\(item.stem): \(error)")
        }
    }
    return drawn
}
