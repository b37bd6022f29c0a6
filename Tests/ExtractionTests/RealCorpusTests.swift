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

@Test func realPassagesTunedOnKeepTheirScore() throws {
    let (score, metadata, reports) = try scoreRealPart("tune")
    print("real tune: F1 \(score.f1) (P \(score.precision) R \(score.recall)), metadata \(metadata) over \(reports)\n"
          + score.misses.joined(separator: "\n"))
    #expect(reports >= 100)
    #expect(score.f1 >= 0.88)
    #expect(metadata >= 0.98)
}

@Test func realPassagesHeldBackFirstKeepTheirScore() throws {
    let (score, metadata, reports) = try scoreRealPart("held")
    print("real held: F1 \(score.f1) (P \(score.precision) R \(score.recall)), metadata \(metadata) over \(reports)\n"
          + score.misses.joined(separator: "\n"))
    #expect(reports >= 40)
    #expect(score.f1 >= 0.92)
    #expect(metadata >= 0.98)
}

@Test func realPassagesGatheredLaterKeepTheirScore() throws {
    let (score, metadata, reports) = try scoreRealPart("held2")
    print("real held2: F1 \(score.f1) (P \(score.precision) R \(score.recall)), metadata \(metadata) over \(reports)\n"
          + score.misses.joined(separator: "\n"))
    #expect(reports >= 11)
    #expect(score.f1 >= 0.9)
    #expect(metadata >= 0.98)
}
