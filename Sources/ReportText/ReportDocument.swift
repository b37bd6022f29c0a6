import Foundation

/// The kinds of file a report can come in.
public enum ReportFormat: String, Sendable {
    /// Plain text; `original` is the decoded file.
    case text
    /// HTML, and saved web pages (.mht/.mhtml, .shtml); `original` is the decoded markup.
    case html
    /// Word 2007+; `original` is the body paragraphs joined by "\n".
    case docx
    /// Word 97–2003 (.doc) and WPS (.wps), through a converter; `original` is the converted text.
    case doc
    /// PDF with a text layer (or read by OCR); `original` is the pages' text, furniture dropped.
    case pdf
    /// OFD (GB/T 33190); `original` is the pages' text in reading order.
    case ofd
}

/// A report read from a file: decoded, normalized and split into sentences.
public struct ReportDocument: Sendable {
    /// The file, or for a report inside an archive `…/报送.zip!/良垌镇.docx`.
    public let url: URL
    public let format: ReportFormat
    /// "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE".
    public let encoding: String
    /// The decoded original: the text file, the HTML markup, or for DOCX the body
    /// paragraphs joined by "\n". A byte-order mark is not part of it.
    public let original: String
    /// Normalized text with offsets into `original`, counted in Unicode scalars.
    public let text: NormalizedText
    public let sentences: [Sentence]
    /// Where each page starts in `original`, in Unicode scalars, ascending and starting at 0;
    /// empty for formats without pages (text, HTML, DOCX, DOC).
    public let pageStarts: [Int]
    /// Why the findings need a person's review before they are trusted ("OCR": the text was
    /// recognised from page images), or nil.
    public let needsReview: String?

    public init(url: URL, format: ReportFormat, encoding: String, original: String,
                text: NormalizedText, sentences: [Sentence], pageStarts: [Int] = [], needsReview: String? = nil) {
        self.url = url
        self.format = format
        self.encoding = encoding
        self.original = original
        self.text = text
        self.sentences = sentences
        self.pageStarts = pageStarts
        self.needsReview = needsReview
    }

    /// The page (1-based) holding original offset `offset`, or nil for a document without pages.
    public func page(atOriginalOffset offset: Int) -> Int? {
        Self.page(atOriginalOffset: offset, pageStarts: pageStarts)
    }

    /// The page (1-based) of `offset` given page start offsets, or nil when there are none.
    public static func page(atOriginalOffset offset: Int, pageStarts: [Int]) -> Int? {
        guard !pageStarts.isEmpty else { return nil }
        // The last start at or before the offset: binary search over the ascending starts.
        var low = 0, high = pageStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if pageStarts[mid] <= offset { low = mid } else { high = mid }
        }
        return low + 1
    }
}
