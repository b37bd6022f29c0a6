import Foundation
@testable import Extraction
import ReportText

/// The repository's root, found from this file's place in Tests/ExtractionTests/.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let dataDirectory = repositoryRoot.appendingPathComponent("Data")
let sharedDirectory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

/// Loaded once: the catalog and gazetteer every extraction test uses.
let standardCatalog: Catalog = try! Catalog.load(from: dataDirectory.appendingPathComponent("catalog.json"))
/// Loading the gazetteer takes a moment in debug builds: once for all tests.
let standardGazetteer: Gazetteer = try! Gazetteer(directory: dataDirectory.appendingPathComponent("gazetteer"))
let standardExtractor = ReportExtractor(catalog: standardCatalog, gazetteer: standardGazetteer)

/// The chosen findings of a piece of report text, by indicator id.
func chosenValues(_ text: String) -> [String: Finding] {
    let normalized = TextNormalizer.normalize(text)
    let sentences = SentenceSplitter.split(normalized)
    let findings = IndicatorExtractor(catalog: standardCatalog)
        .findings(in: normalized, sentences: sentences, original: Array(text.unicodeScalars))
    return Dictionary(uniqueKeysWithValues: findings.filter(\.chosen).map { ($0.indicator, $0) })
}

/// A gold file in the format of shared/gold/seeds.json.
struct GoldReport: Decodable {
    let file: String
    let township: String?
    let county: String?
    let city: String?
    let province: String?
    let year: Int?
    let values: [String: Double]
    let optional: [String: Double]

    var metadata: ReportMetadata {
        ReportMetadata(township: township, county: county, city: city, province: province, year: year)
    }
}

/// Precision, recall and F1 as shared/tools/score-extraction counts them.
struct Score {
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var misses: [String] = []
    var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
    var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    mutating func add(gold: GoldReport, found: [String: Double]) {
        func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(0.01, 1e-6 * abs(b)) }
        for (id, value) in gold.values {
            if let got = found[id], same(got, value) { truePositives += 1; continue }
            falseNegatives += 1
            if let got = found[id] { falsePositives += 1; misses.append("\(gold.file): \(id) = \(got), gold \(value)") }
            else { misses.append("\(gold.file): \(id) missing, gold \(value)") }
        }
        for (id, got) in found where gold.values[id] == nil {
            if let optional = gold.optional[id], same(optional, got) { continue }
            falsePositives += 1
            misses.append("\(gold.file): \(id) = \(got) not in gold")
        }
    }
}

/// Scores the reports of a gold file against the texts in `folder`, as the score-extraction tool does:
/// the extraction's score, metadata accuracy (the share of township, county, city, province and year
/// fields right) and the number of reports.
func scoreGold(_ goldFile: URL, folder: URL) throws -> (score: Score, rightFields: Int, reports: Int) {
    let gold = try JSONDecoder().decode([GoldReport].self, from: Data(contentsOf: goldFile))
    var score = Score()
    var right = 0
    for report in gold {
        let document = try ReportReader.read(folder.appendingPathComponent(report.file))
        let extracted = standardExtractor.extract(document, source: report.file)
        score.add(gold: report, found: Dictionary(uniqueKeysWithValues:
            extracted.chosen(in: standardCatalog).map { ($0.indicator, $0.value) }))
        let got = extracted.metadata, want = report.metadata
        right += [got.township == want.township, got.county == want.county, got.city == want.city,
                  got.province == want.province, got.year == want.year].filter { $0 }.count
    }
    return (score, right, gold.count)
}
