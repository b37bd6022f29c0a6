import Extraction
import Foundation
import Publish
import SampleReports
import Trends

/// Writes a generated country: reports/<province>/<city>/<county>/<county>-<township>-<year>.txt,
/// truth.json (streamed, one entry per report, the format of `fazhi sample`'s) and roster.csv (every
/// township of every county, with its city and province).
enum CountryOutput {
    struct Written { var counties = 0, townships = 0, reports = 0 }

    /// Whether a name, at any level, is a real place of the gazetteer.
    static func isRealPlace(in gazetteer: Gazetteer) -> (String) -> Bool {
        { name in
            !gazetteer.townships(named: name).isEmpty || !gazetteer.counties(named: name).isEmpty
                || !gazetteer.cities(named: name).isEmpty || !gazetteer.provinces(named: name).isEmpty
        }
    }

    /// Writes beside the old output first, then swaps: a failure leaves DIR as it was. Counties are
    /// generated and written on every core; the files' bytes do not depend on the order.
    static func write(_ generator: CountryGenerator, to folder: URL, isReserved: (String) -> Bool) throws -> Written {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent(".fazhi-sample-\(getpid())")
        try? fm.removeItem(at: staging)
        var written = Written()
        do {
            let reportsFolder = staging.appendingPathComponent("reports")
            let counties = generator.counties(isReserved: isReserved)
            for county in counties {
                try fm.createDirectory(at: reportsFolder.appendingPathComponent(county.folder), withIntermediateDirectories: true)
            }
            let truthURL = staging.appendingPathComponent("truth.json")
            fm.createFile(atPath: truthURL.path, contents: nil)
            let handle = try FileHandle(forWritingTo: truthURL)
            defer { try? handle.close() }
            try handle.write(contentsOf: Data("[".utf8))
            // Counties in batches across the cores, each county's reports by one worker; the truth entries
            // of a batch appended in county order, so memory holds one batch, not the country.
            var first = true
            for start in stride(from: 0, to: counties.count, by: 64) {
                let batch = Array(counties[start..<min(start + 64, counties.count)])
                let results = batch.parallelMap { county -> Result<(String, Int), Error> in
                    Result {
                        let reports = generator.reports(of: county)
                        let dir = reportsFolder.appendingPathComponent(county.folder)
                        for report in reports { try report.bytes().write(to: dir.appendingPathComponent(report.fileName)) }
                        return (reports.map { SampleSet.truthEntry(patched($0, folder: county.folder)) }.joined(separator: ",\n"),
                                reports.count)
                    }
                }
                for result in results {
                    let (text, count) = try result.get()
                    guard count > 0 else { continue }
                    try handle.write(contentsOf: Data(((first ? "\n" : ",\n") + text).utf8))
                    first = false
                    written.reports += count
                }
            }
            try handle.write(contentsOf: Data("\n]\n".utf8))
            let roster = counties.flatMap { c in
                c.townships.map { Place(township: $0, county: c.area.county, city: c.area.city, province: c.area.province) }
            }
            try Data(Roster.csv(roster).utf8).write(to: staging.appendingPathComponent("roster.csv"))
            written.counties = counties.count
            written.townships = roster.count
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        try SampleOutput.moveIntoPlace(from: staging, to: folder)
        return written
    }

    /// truth.json's `file` is the path under reports/.
    private static func patched(_ report: SampleReport, folder: String) -> SampleReport {
        var r = report
        r.truth.file = folder + "/" + report.fileName
        return r
    }
}
