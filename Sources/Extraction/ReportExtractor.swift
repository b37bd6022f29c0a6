import Foundation
import ReportText

/// What fazhi takes out of one report: where it is from, which year, and its findings.
public struct ExtractedReport: Sendable {
    public var source: String
    public var metadata: ReportMetadata
    /// Every candidate; `chosen` marks the one value reported per indicator.
    public var findings: [Finding]

    public init(source: String, metadata: ReportMetadata, findings: [Finding]) {
        self.source = source
        self.metadata = metadata
        self.findings = findings
    }

    /// The one value per indicator, in catalog order.
    public func chosen(in catalog: Catalog) -> [Finding] {
        let chosen = findings.filter(\.chosen)
        // A report has a handful of chosen values: finding each in the catalog's list costs less
        // than building a dictionary of the whole catalog for every report.
        let position = chosen.map { f in catalog.indicators.firstIndex { $0.id == f.indicator } ?? .max }
        return chosen.indices.sorted { position[$0] < position[$1] }.map { chosen[$0] }
    }
}

/// Reads nothing itself: turns a read document into metadata and findings.
public struct ReportExtractor: Sendable {
    public let catalog: Catalog
    private let indicators: IndicatorExtractor
    private let metadata: MetadataResolver

    public init(catalog: Catalog, gazetteer: Gazetteer) {
        self.catalog = catalog
        self.indicators = IndicatorExtractor(catalog: catalog, simplified: gazetteer.simplifiedTable)
        self.metadata = MetadataResolver(gazetteer: gazetteer)
    }

    public func extract(_ document: ReportDocument, source: String) -> ExtractedReport {
        let meta = metadata.resolve(document.text, fileName: document.url.lastPathComponent)
        // HTML's original is markup: quote its normalized sentences instead.
        let original = document.format == .html ? nil : Self.scalars(of: document.original)
        var findings = indicators.findings(in: document.text, sentences: document.sentences, original: original,
                                           tables: TableFinder.tables(in: document.text), year: meta.year)
        // Values of a report whose township is not settled cannot be placed without a person.
        if meta.township == nil {
            for k in findings.indices { findings[k].flagForReview("地名未能确定 (place not settled)") }
        }
        return ExtractedReport(source: source, metadata: meta, findings: findings)
    }

    /// The scalars of a string in one pass over its UTF-8 (`Array(s.unicodeScalars)` makes
    /// two: one to count, one to copy). A String's UTF-8 is valid, so each sequence is decoded
    /// from its lead byte without checks (`decodingValidUTF8`), into storage reserved for the worst case (one scalar a byte).
    static func scalars(of string: String) -> [Unicode.Scalar] {
        var string = string
        return string.withUTF8 { bytes in
            let n = bytes.count
            return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
                var i = 0, k = 0
                while i < n {
                    out[k] = Unicode.Scalar.decodingValidUTF8(bytes, at: &i)
                    k += 1
                }
                count = k
            }
        }
    }
}
