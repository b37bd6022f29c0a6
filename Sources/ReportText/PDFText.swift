import CPoppler
import Foundation

/// The text of a PDF through poppler's GLib interface: page by page in poppler's reading order.
/// Chinese fonts without a ToUnicode map (GBK-EUC-H and the other predefined CMaps of official
/// documents) are mapped through poppler-data's CMaps.
public enum PDFText {
    public enum Failure: Error, Sendable, Equatable {
        /// poppler cannot open it: damaged, not a PDF, or protected by a password.
        case broken
    }

    /// Each page's text as poppler gives it (lines separated by "\n"). Throws `Failure`.
    public static func pages(_ data: Data) throws -> [String] {
        // poppler reads the bytes in place (a mapped file is not copied); the document is freed
        // before they go.
        let pages: [String]? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let bytes = g_bytes_new_static(base, gsize(raw.count)) else { return nil }
            defer { g_bytes_unref(bytes) }
            var error: UnsafeMutablePointer<GError>?
            guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
                if let error { g_error_free(error) }
                return nil
            }
            defer { g_object_unref(UnsafeMutableRawPointer(document)) }
            let count = Int(poppler_document_get_n_pages(document))
            var pages: [String] = []
            pages.reserveCapacity(count)
            for index in 0..<count {
                guard let page = poppler_document_get_page(document, Int32(index)) else { pages.append(""); continue }
                defer { g_object_unref(UnsafeMutableRawPointer(page)) }
                if let text = poppler_page_get_text(page) {
                    pages.append(String(cString: text))
                    g_free(text)
                } else {
                    pages.append("")
                }
            }
            return pages
        }
        guard let pages else { throw Failure.broken }
        return pages
    }

    /// Whether the pages hold no text at all: a scan (or a PDF of pictures).
    public static func isScan(_ pages: [String]) -> Bool {
        !pages.contains { $0.unicodeScalars.contains { !$0.properties.isWhitespace } }
    }
}
