import Foundation
import Testing
import ReportText
@testable import Extraction

/// The real passages gathered for issue 11 (Fixtures/real: 162 openings of township reports from
/// public portals, addresses in INDEX.tsv), labelled blind by people who had not read the rules and
/// checked by a second reader. `tune` is what the rules were tuned on first; `held` was held back
/// through the first round and `held2` (gathered later) until its blind score was taken; both have
/// since been read (the README gives each part's score before and after). These floors guard
/// against regressions.
private let realCorpus = repositoryRoot.appendingPathComponent("Tests/ExtractionTests/Fixtures/real")

private func scoreRealPart(_ part: String) throws -> (score: Score, metadata: Double, reports: Int) {
    let (score, right, reports) = try scoreGold(realCorpus.appendingPathComponent("gold-\(part).json"),
                                                folder: realCorpus.appendingPathComponent(part))
    return (score, Double(right) / Double(5 * reports), reports)
}

/// Each part, the fewest reports it holds and the F1 it must keep: the part tuned on, the part held back
/// through the first round, and the passages gathered later.
private let realParts: [(part: String, reports: Int, f1: Double)] = [("tune", 100, 0.88), ("held", 40, 0.92), ("held2", 11, 0.9)]

@Test(arguments: realParts)
func realPassagesKeepTheirScore(_ part: String, _ minimumReports: Int, _ floor: Double) throws {
    let (score, metadata, reports) = try scoreRealPart(part)
    print("real \(part): F1 \(score.f1) (P \(score.precision) R \(score.recall)), metadata \(metadata) over \(reports)\n"
          + score.misses.joined(separator: "\n"))
    #expect(reports >= minimumReports)
    #expect(score.f1 >= floor)
    #expect(metadata >= 0.98)
}
