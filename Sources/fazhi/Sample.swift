import ArgumentParser
import Extraction
import Foundation
import SampleReports
import Trends

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成虚构的示例县报告及其真值 (generate a fictional county's reports with their true values).",
        discussion: """
        为虚构的“示例县”生成各镇街 (例山镇、例溪乡、例港街道……) 各年度的《法治政府建设年度报告》，
        写入 DIR/reports/示例县-<镇街>-<年>.txt (UTF-8，少数为 GB18030)，并把每份报告真实写明的指标值、
        元数据和有意埋设的不一致写入 DIR/truth.json (格式同 shared/gold/seeds.json)；DIR/roster.csv 为该县
        应报送的镇街名册 (the county's roster, for --roster)。
        相同参数生成的文件逐字节相同。DIR 须为空目录、不存在，或是此前 fazhi sample 的输出。

        Writes one report per township per year of the fictional county 示例县 to DIR/reports,
        and DIR/truth.json with the metadata and the values each report states (the format of
        shared/gold/seeds.json, with how each value is written and any deliberate inconsistency).
        The same arguments give byte-identical files. DIR must be empty, absent, or a previous
        sample output, which is then replaced.

        --provinces N (与 --cities-per-province、--counties-per-city)：生成虚构的全国，省、市、县区、镇街名均以“例”开头，
        不与任何真实地名相同；每县 5 到 40 个镇街，各县报送率不同；报告写在 DIR/reports/<省>/<市>/<县区>/，
        DIR/roster.csv 为全部镇街的名册。With --provinces: a fictional country of provinces, cities and
        counties (5 to 40 townships each, reporting rates varying by county), its roster in DIR/roster.csv.

        例 (example):
          fazhi sample --townships 30 --years 2020-2025 --out /tmp/示例县
          fazhi sample --provinces 3 --cities-per-province 2 --counties-per-city 2 --years 2021-2025 --out /tmp/示例国
          fazhi extract /tmp/示例县/reports --dry-run --format json > out.json
        """
    )

    @Option(help: "镇街个数 (number of townships).")
    var townships = 30

    @Option(help: "年份范围，如 2020-2025 (years covered, e.g. 2020-2025).")
    var years = "2020-2025"

    @Option(help: "输出目录 (output folder).")
    var out: String

    @Option(help: "随机种子 (seed): 相同种子生成相同文本 (the same seed gives the same texts).")
    var seed: UInt64 = 1

    @Option(help: "生成虚构的全国：省的个数 (a fictional country: number of provinces; --townships is then ignored).")
    var provinces: Int?

    @Option(help: "每省的市数 (cities per province).")
    var citiesPerProvince = 2

    @Option(help: "每市的县区数 (counties per city); 每县 5 到 40 个镇街 (5 to 40 townships each).")
    var countiesPerCity = 2

    func validate() throws {
        guard (1...5000).contains(townships) else { throw ValidationError("--townships 须在 1 到 5000 之间 (between 1 and 5000).") }
        guard let range = Self.yearRange(years) else {
            throw ValidationError("--years 应写作 2020-2025 或 2024，且在 1990 至 2099 之间 (write --years as 2020-2025 or 2024).")
        }
        guard range.count <= 30 else { throw ValidationError("--years 最多 30 年 (at most 30 years).") }
        if let provinces {
            guard (1...40).contains(provinces) else { throw ValidationError("--provinces 须在 1 到 40 之间 (between 1 and 40).") }
            guard (1...40).contains(citiesPerProvince), (1...40).contains(countiesPerCity) else {
                throw ValidationError("--cities-per-province 与 --counties-per-city 须在 1 到 40 之间 (between 1 and 40).")
            }
        }
    }

    static func yearRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let first = parts[0]!, last = parts[parts.count - 1]!
        guard first <= last, (1990...2099).contains(first), (1990...2099).contains(last) else { return nil }
        return first...last
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        if let problem = Self.refusal(folder) {
            printError(problem)
            throw ExitCode(1)
        }
        if let provinces {
            let generator = CountryGenerator(provinces: provinces, citiesPerProvince: citiesPerProvince,
                                             countiesPerCity: countiesPerCity, years: Self.yearRange(years)!, seed: seed)
            let gazetteer: Gazetteer
            do { gazetteer = try Gazetteer.standard() } catch {
                printError("找不到行政区划数据，无法核对虚构地名 (gazetteer not found: cannot check the made-up names)")
                throw ExitCode(1)
            }
            let written = try CountryOutput.write(generator, to: folder, isReserved: CountryOutput.isRealPlace(in: gazetteer))
            printError("\(provinces) 省 × \(citiesPerProvince) 市 × \(countiesPerCity) 县区 = \(written.counties) 个县区，"
                       + "\(written.townships) 个镇街，\(written.reports) 份报告 → \(folder.path)")
            return
        }
        // A gazetteer keeps the names past the first forty clear of real townships; without one, those forty only.
        let gazetteer = try? Gazetteer.standard()
        if gazetteer == nil && townships > 40 {
            printError("找不到行政区划数据，无法核对 40 个以上的镇街名 (gazetteer not found: cannot check names beyond 40)")
            throw ExitCode(1)
        }
        let generator = SampleGenerator(townships: townships, years: Self.yearRange(years)!, seed: seed)
        let set = generator.generate { name in
            guard let gazetteer else { return false }
            return !gazetteer.townships(named: name).isEmpty || !gazetteer.counties(named: name).isEmpty
        }
        try SampleOutput.write(set, to: folder)
        let gb = set.reports.filter { $0.encoding == .gb18030 }.count
        let flawed = set.reports.filter { !$0.truth.inconsistencies.isEmpty }.count
        printError("\(set.townships.count) 个镇街 × \(set.years.count) 年 = \(set.reports.count) 份报告 (\(gb) 份 GB18030，\(flawed) 份含有意的不一致) → \(folder.path)")
    }

    /// Why DIR cannot be written, or nil: absent, empty, or holding only a previous sample's reports/ and truth.json.
    static func refusal(_ folder: URL) -> String? {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDir) else { return nil }
        guard isDir.boolValue else { return "\(folder.path) 是文件，不是目录；未写入任何文件 (is a file, not a folder; nothing written)" }
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        if entries.isEmpty { return nil }
        // A county's reports lie in reports/; a country's in reports/<province>/<city>/<county>/ (例山省…).
        let previous = Set(entries).isSubset(of: ["reports", "truth.json", "roster.csv"]) && entries.contains("truth.json")
            && SampleOutput.looksLikeTruth(folder.appendingPathComponent("truth.json"))
            && ((try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("reports").path))
                .map { $0.allSatisfy { $0.hasSuffix(".txt") || $0.hasPrefix("例") } } ?? !entries.contains("reports"))
        if previous { return nil }
        return "\(folder.path) 不是空目录，也不是此前 fazhi sample 的输出；未写入任何文件 (not empty and not a previous sample output; nothing written)"
    }
}

enum SampleOutput {
    /// Writes beside the old output first, then swaps: a failure leaves DIR as it was.
    static func write(_ set: SampleSet, to folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent(".fazhi-sample-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            let reports = staging.appendingPathComponent("reports")
            try fm.createDirectory(at: reports, withIntermediateDirectories: true)
            for report in set.reports {
                try report.bytes().write(to: reports.appendingPathComponent(report.fileName))
            }
            try Data(set.truthJSON().utf8).write(to: staging.appendingPathComponent("truth.json"))
            // The county's roster: who should report, for coverage (示例县 is in no gazetteer).
            let roster = set.townships.map { Place(township: $0.name, county: sampleCountyName) }
            try Data(Roster.csv(roster).utf8).write(to: staging.appendingPathComponent("roster.csv"))
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        try SampleOutput.moveIntoPlace(from: staging, to: folder)
    }

    /// Puts what was written in `staging` (reports/, truth.json, roster.csv) in place of the folder's earlier
    /// output, then removes `staging`: a failed run leaves the earlier output whole.
    static func moveIntoPlace(from staging: URL, to folder: URL) throws {
        let fm = FileManager.default
        for name in ["reports", "truth.json", "roster.csv"] {
            let old = folder.appendingPathComponent(name)
            if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
            try fm.moveItem(at: staging.appendingPathComponent(name), to: old)
        }
        try fm.removeItem(at: staging)
    }

    /// A truth.json that fazhi sample wrote: a list whose entries name 示例县, or a generated country's
    /// county (例松竹县), as their county.
    static func looksLikeTruth(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return false }
        return list.allSatisfy { entry in
            guard let county = entry["county"] as? String, entry["file"] is String else { return false }
            return county == sampleCountyName || county.hasPrefix("例")
        }
    }
}
