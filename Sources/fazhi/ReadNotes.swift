import Foundation
import ReportText

/// What the output needs of a document beyond its findings: where its pages start (to give a
/// finding's page) and why it needs review (OCR).
struct ReadNotes: Sendable {
    var pageStarts: [Int] = []
    var review: String?

    init(pageStarts: [Int] = [], review: String? = nil) {
        self.pageStarts = pageStarts
        self.review = review
    }

    init(_ document: ReportDocument) {
        self.init(pageStarts: document.pageStarts, review: document.needsReview)
    }

    /// The page (1-based) of an original offset, or nil for a document without pages.
    func page(at offset: Int) -> Int? {
        ReportDocument.page(atOriginalOffset: offset, pageStarts: pageStarts)
    }
}

/// A batch's .doc and .wps files and their converted text, looked up by file.
struct OfficeFiles: Sendable {
    private let index: [URL: Int]
    private let batch: OfficeConverter.Batch

    init(files: [URL], batch: OfficeConverter.Batch) {
        self.index = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        self.batch = batch
    }

    /// The converted text of a file of the batch, or nil for a file not in it.
    func text(for url: URL) -> Result<Data, ReadError.Reason>? {
        index[url].map { batch.text($0) }
    }
}
