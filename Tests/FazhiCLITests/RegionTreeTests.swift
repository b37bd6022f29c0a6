import Foundation
import Publish
import Testing
import Trends

/// A generated country of 3 provinces × 2 cities × 2 counties, 2023–2025, extracted into a store: made once
/// for the tree tests, which run one after another (the incremental test changes it).
@Suite(.serialized) struct RegionTreeTests {
    static let country: URL = {
        let dir = try! temporaryFolder()
        let sample = try! runFazhi(["sample", "--provinces", "3", "--cities-per-province", "2", "--counties-per-city", "2",
                                    "--years", "2023-2025", "--out", dir.appendingPathComponent("country").path])
        precondition(sample.status == 0, sample.stderr)
        let extract = try! runFazhi(["extract", dir.appendingPathComponent("country/reports").path, "--quiet",
                                     "--db", dir.appendingPathComponent("store.sqlite").path,
                                     "--corrections", dir.appendingPathComponent("none.csv").path])
        precondition(extract.status == 0, extract.stderr)
        return dir
    }()
    var store: String { Self.country.appendingPathComponent("store.sqlite").path }
    var roster: String { Self.country.appendingPathComponent("country/roster.csv").path }
    var tree: URL { Self.country.appendingPathComponent("tree") }

    func drawTree() throws -> FazhiRun {
        let run = try runFazhi(["charts", "--by", "county", "--db", store, "--roster", roster, "--out", tree.path, "--format", "png",
                                "--list-drawn"])
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    /// Every child's pooled value, coverage and change in a parent's comparison are what `compare` and
    /// `matchedChange` give over that child's townships, and the parent's own pooled value is `compare`'s over it.
    @Test func aParentsPooledValuesAreComparesOverEachChild() throws {
        let data = try StoreDataset.load(store: store, roster: roster, rosterRequired: true)
        var checked = 0
        var parents: [(Region, RegionLevel)] = [(.all, .province)]
        for p in data.children(of: .all, at: .province) {
            parents.append((.province(p), .city))
            for c in data.children(of: .province(p), at: .city) { parents.append((.city(c), .county)) }
        }
        #expect(parents.count == 1 + 3 + 6)
        for (parent, level) in parents {
            let children = data.childPlaces(of: parent, at: level)
            for indicator in data.indicatorsWithData {
                for year in data.years {
                    let comparison = data.compareChildren(indicator.id, year: year, children)
                    #expect(comparison.pooled == data.compare(indicator.id, year: year, in: parent).pooled)
                    for row in comparison.rows {
                        #expect(row.pooled == data.compare(indicator.id, year: year, in: row.region).pooled, "\(row.name) \(indicator.id) \(year)")
                        #expect(row.change == data.matchedChange(indicator.id, year: year, in: row.region))
                        checked += 1
                    }
                    // Σ over the children of a count is the parent's total.
                    if indicator.kind == .count, let total = comparison.pooled.value {
                        let sum = comparison.rows.compactMap(\.pooled.value).reduce(0, +)
                        #expect(abs(sum - total) < 1e-6 * max(1, total))
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    /// The tree's pages link the country to its provinces, each to its cities, to its counties, to each
    /// township's page, and Chromium finds no dead link; a province's page shows each city's pooled value as
    /// `fazhi compare --city` gives it.
    @Test func theTreeLinksEveryLevelToTheNextWithNoDeadLinkAndShowsComparesValues() throws {
        _ = try drawTree()
        let rosterLines = try String(contentsOf: URL(fileURLWithPath: roster), encoding: .utf8).split(separator: "\n").count - 1
        // The root, 3 provinces, 6 cities, 12 counties and every township of the roster.
        let pages = 1 + 3 + 6 + 12 + rosterLines
        let check = Process()
        check.executableURL = repositoryRoot.appendingPathComponent("Scripts/check-tree.sh")
        check.arguments = [tree.path, "\(pages)"]
        let err = Pipe()
        check.standardError = err
        try check.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(text)")
        #expect(text.contains("pages \(pages) "), "\(text)")

        let data = try StoreDataset.load(store: store, roster: roster, rosterRequired: true)
        let province = data.children(of: .all, at: .province)[0]
        let page = try String(contentsOf: tree.appendingPathComponent(province).appendingPathComponent("index.html"), encoding: .utf8)
        for city in data.children(of: .province(province), at: .city) {
            let run = try runFazhi(["compare", "petitions.closure_rate", "--year", "2025", "--city", city, "--db", store,
                                    "--roster", roster, "--format", "json"])
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            let pooled = json["pooled"] as! Double, coverage = json["coverage"] as! [String: Int]
            let row = "<tr><td>\(city)</td><td>\(formatted(pooled))%</td><td>\(coverage["reporting"]!)/\(coverage["expected"]!)</td>"
            #expect(page.contains(row), "\(row)")
        }
    }

    /// After one county's reports change, extract reads only those files again and the tree draws only
    /// that county's charts and its city's, province's and the country's comparisons.
    @Test func changingOneCountysReportsRedrawsOnlyItsChartsAndItsParents() throws {
        _ = try drawTree()
        let again = try drawTree()
        #expect(again.stderr.contains("重画 0 个文件"), "\(again.stderr)")
        // The first county in name order: reports/<province>/<city>/<county>.
        var county = Self.country.appendingPathComponent("country/reports")
        var path: [String] = []
        for _ in 0..<3 {
            let first = try FileManager.default.contentsOfDirectory(atPath: county.path).sorted()[0]
            path.append(first)
            county.appendPathComponent(first)
        }
        // One figure of one report of that county changes: a count written in plain digits (28人 → 29人).
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.country.appendingPathComponent("country/truth.json"))) as! [[String: Any]]
        var changed = false
        for entry in truth where !changed && (entry["file"] as! String).hasPrefix(path.joined(separator: "/") + "/") {
            let url = Self.country.appendingPathComponent("country/reports").appendingPathComponent(entry["file"] as! String)
            guard entry["encoding"] as? String == "UTF-8", var text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for (_, w) in (entry["written"] as! [String: String]).sorted(by: { $0.key < $1.key }) {
                let digits = w.prefix { $0.isASCII && $0.isNumber }
                // Written once in the report, so that it is the indicator's figure that changes.
                guard digits.count >= 2, digits.count == w.count - 1, let n = Int(digits), let r = text.range(of: w),
                      text.range(of: w, range: r.upperBound..<text.endIndex) == nil else { continue }
                text.replaceSubrange(r, with: "\(n + 1)" + w.dropFirst(digits.count))
                try Data(text.utf8).write(to: url)
                changed = true
                break
            }
        }
        #expect(changed)
        let extract = try runFazhi(["extract", Self.country.appendingPathComponent("country/reports").path, "--quiet", "--db", store,
                                    "--corrections", Self.country.appendingPathComponent("none.csv").path])
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stderr.contains("更新 1 份"), "\(extract.stderr)")
        let redraw = try drawTree()
        let drawn = redraw.stdout.split(separator: "\n").map(String.init)
        #expect(!drawn.isEmpty)
        let countyFolder = path.joined(separator: "/") + "/"
        let parents = ["", path[0] + "/", path[0] + "/" + path[1] + "/"]
        #expect(drawn.contains { $0.hasPrefix(countyFolder) }, "\(drawn)")
        // Its city's comparison of its counties changes with it.
        #expect(drawn.contains { $0.hasPrefix(parents[2]) && !$0.hasPrefix(countyFolder) }, "\(drawn)")
        for file in drawn {
            let folder = file.hasPrefix(countyFolder) ? countyFolder : String(file[..<(file.lastIndex(of: "/").map { file.index(after: $0) } ?? file.startIndex)])
            #expect(folder == countyFolder || parents.contains(folder), "\(file) drawn again")
        }
    }
}
