import Foundation
import Testing
import ReportText
@testable import Extraction

@Test func devCorpusMetadataIsAtLeastNinetyFivePercentRight() throws {
    let corpus = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")
    guard FileManager.default.fileExists(atPath: corpus.path) else {
        print("dev corpus not found at \(corpus.path): skipped")
        return
    }
    let goldURL = repositoryRoot.appendingPathComponent("Tests/ExtractionTests/Fixtures/dev-gold.json")
    let gold = try JSONDecoder().decode([GoldReport].self, from: Data(contentsOf: goldURL))
    #expect(gold.count >= 80)
    let resolver = MetadataResolver(gazetteer: standardGazetteer)
    let fields: [(String, KeyPath<ReportMetadata, String?>)] = [
        ("township", \.township), ("county", \.county), ("city", \.city), ("province", \.province),
    ]
    var right: [String: Int] = [:]
    var total = 0
    var failures: [String] = []
    for record in gold {
        let text = try String(contentsOf: corpus.appendingPathComponent(record.file), encoding: .utf8)
        let got = resolver.resolve(NormalizedText(identity: text))
        let want = record.metadata
        total += 1
        for (name, path) in fields {
            if got[keyPath: path] == want[keyPath: path] { right[name, default: 0] += 1 } else {
                failures.append("\(record.file) \(name): got \(got[keyPath: path] ?? "nil"), want \(want[keyPath: path] ?? "nil")")
            }
        }
        if got.year == want.year { right["year", default: 0] += 1 } else {
            failures.append("\(record.file) year: got \(got.year.map(String.init) ?? "nil"), want \(want.year.map(String.init) ?? "nil")")
        }
    }
    let names = ["township", "county", "city", "province", "year"]
    let correct = names.reduce(0) { $0 + right[$1, default: 0] }
    let accuracy = Double(correct) / Double(total * names.count)
    let perField = names.map { "\($0) \(right[$0, default: 0])/\(total)" }.joined(separator: ", ")
    print("dev metadata accuracy: \(String(format: "%.3f", accuracy)) (\(perField))")
    for failure in failures { print("  miss: \(failure)") }
    #expect(accuracy >= 0.95)
}
