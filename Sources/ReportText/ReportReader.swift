import Foundation

/// Reads report files.
/// How a batch reads: the limits, and whether scans are read by OCR.
public struct ReadOptions: Sendable {
    public var limits: ReadLimits
    /// Read a PDF without a text layer by OCR (Tesseract) instead of reporting it as a scan.
    public var ocr: Bool

    public init(limits: ReadLimits = .standard, ocr: Bool = false) {
        self.limits = limits
        self.ocr = ocr
    }
}

/// Reads report files.
public enum ReportReader {
    /// What a file is, by its extension.
    public enum Kind: Sendable, Equatable {
        case text, html, mhtml, docx, office, pdf, ofd, zip
    }

    /// The kind for a file's extension, or nil when it is not a report format.
    public static func kind(of url: URL) -> Kind? {
        switch url.pathExtension.lowercased() {
        case "txt", "text", "": return .text
        case "htm", "html", "xhtml", "shtml", "shtm": return .html
        case "mht", "mhtml": return .mhtml
        case "docx": return .docx
        case "doc", "wps": return .office
        case "pdf": return .pdf
        case "ofd": return .ofd
        case "zip": return .zip
        default: return nil
        }
    }

    /// The kind by extension, corrected by the first bytes where a file is misnamed: a .doc that
    /// is a zip is a .docx, a .docx that is an OLE file is a Word 97 file.
    static func kind(of url: URL, data: Data) -> Kind? {
        let kind = kind(of: url)
        let zip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        let ole = data.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
        if kind == .office, zip { return .docx }
        if kind == .docx, ole { return .office }
        return kind
    }

    /// Reads, decodes and normalizes a report. Throws `ReadError` only. A .zip gives its first
    /// report (use `readEach` for all of them); a .doc or .wps is converted in a run of its own.
    public static func read(_ url: URL, options: ReadOptions = ReadOptions()) throws -> ReportDocument {
        let data = try contents(of: url, limits: options.limits)
        return try read(data: data, url: url, options: options)
    }

    /// Decodes and normalizes a report's bytes; the format comes from `url`'s extension.
    public static func read(data: Data, url: URL, options: ReadOptions = ReadOptions()) throws -> ReportDocument {
        var success: ReportDocument?
        var failure: ReadError?
        readEach(data: data, url: url, options: options) { result in
            switch result {
            case .success(let document): if success == nil { success = document }
            case .failure(let error): if failure == nil { failure = error }
            }
        }
        if let success { return success }
        throw failure ?? ReadError(url: url, reason: .empty)
    }

    /// The bytes of a file (mapped, not copied), after checking it is a readable file within the
    /// size limit for whole files (text and web pages; containers are bounded as they inflate).
    public static func contents(of url: URL, limits: ReadLimits = .standard) throws -> Data {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            let reason = errno == ENOENT ? "文件不存在 (no such file)" : String(cString: strerror(errno))
            throw ReadError(url: url, reason: .unreadable(reason))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw ReadError(url: url, reason: .unreadable("这是一个文件夹 (is a directory)"))
        }
        let kind = kind(of: url)
        if kind == .text || kind == .html || kind == .mhtml, Int(info.st_size) > limits.maxFileBytes {
            throw ReadError(url: url, reason: .overLimit(.fileBytes(limits.maxFileBytes)))
        }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ReadError(url: url, reason: .unreadable(error.localizedDescription))
        }
    }

    /// Reads every report a file holds — one, or for a .zip each report inside it (recursively,
    /// `…/报送.zip!/良垌镇.docx`) — calling `body` with each document or error in turn, so that a
    /// caller keeps only what it takes from a document, not the documents. `converted` is the text
    /// of a .doc/.wps file that an `OfficeConverter` batch converted ahead; without it the file is
    /// converted in a run of its own.
    public static func readEach(data: Data, url: URL, options: ReadOptions = ReadOptions(),
                                converted: Result<Data, ReadError.Reason>? = nil,
                                _ body: (Result<ReportDocument, ReadError>) -> Void) {
        guard let kind = kind(of: url, data: data) else {
            body(.failure(ReadError(url: url, reason: .unsupportedExtension(url.pathExtension.lowercased()))))
            return
        }
        switch kind {
        case .zip:
            ArchiveReports.read(data: data, url: url, options: options, depth: 1,
                                budget: BoundedArchive.Budget(), body)
        case .office:
            let text = converted ?? OfficeConverter.convert([.bytes(data, pathExtension: url.pathExtension)]).text(0)
            body(text.mapError { ReadError(url: url, reason: $0) }.flatMap { text in
                Result { try document(convertedText: text, url: url) }.mapError { $0 as! ReadError }
            })
        default:
            body(Result { try document(data: data, url: url, kind: kind, options: options, budget: BoundedArchive.Budget()) }
                .mapError { $0 as? ReadError ?? ReadError(url: url, reason: .unreadable("\($0)")) })
        }
    }

    /// One document from a file that holds one (not a zip, not a .doc/.wps). Throws `ReadError`.
    static func document(data: Data, url: URL, kind: Kind, options: ReadOptions,
                         budget: BoundedArchive.Budget) throws -> ReportDocument {
        if data.isEmpty { throw ReadError(url: url, reason: .empty) }
        let original: String
        let encoding: String
        let text: NormalizedText
        var format: ReportFormat
        var pageStarts: [Int] = []
        var review: String?
        switch kind {
        case .docx:
            let paragraphs: [String]
            do {
                // Within the budget of the archive it came in, when it came in one.
                paragraphs = DocxText.paragraphs(documentXML: try DocxText.documentXML(
                    BoundedArchive(data: data, limits: options.limits, budget: budget)))
            } catch BoundedArchive.Failure.overLimit(let limit) {
                throw ReadError(url: url, reason: .overLimit(limit))
            } catch {
                throw ReadError(url: url, reason: .brokenDocx)
            }
            original = paragraphs.joined(separator: "\n")
            encoding = "UTF-8"
            format = .docx
            text = TextNormalizer.normalize(original)
        case .text:
            (original, encoding) = try decodeText(data, declaredCharset: nil, url: url)
            format = .text
            text = TextNormalizer.normalize(original)
        case .html:
            (original, encoding) = try decodeText(data, declaredCharset: declaredCharset(data), url: url)
            format = .html
            text = HTMLText.extract(original)
        case .mhtml:
            guard let (html, charset) = MHTMLText.htmlPart(data) else {
                // Some "saved pages" are plain HTML under an .mht name.
                return try document(data: data, url: url, kind: .html, options: options, budget: budget)
            }
            if html.isEmpty { throw ReadError(url: url, reason: .empty) }
            (original, encoding) = try decodeText(html, declaredCharset: charset ?? declaredCharset(html), url: url)
            format = .html
            text = HTMLText.extract(original)
        case .pdf:
            var pages: [String]
            do { pages = try PDFText.pages(data) } catch { throw ReadError(url: url, reason: .brokenPDF) }
            if PDFText.isScan(pages) {
                guard options.ocr else { throw ReadError(url: url, reason: .scannedPDF) }
                pages = try OCRText.pages(pdf: data).mapError { ReadError(url: url, reason: $0) }.get()
                review = "OCR"
            }
            (original, pageStarts) = PageAssembler.assemble(pages)
            encoding = review == nil ? "PDF" : "OCR"
            format = .pdf
            text = TextNormalizer.normalize(original)
        case .ofd:
            let pages: [String]
            do {
                pages = try OFDText.pages(BoundedArchive(data: data, limits: options.limits, budget: budget))
            } catch BoundedArchive.Failure.overLimit(let limit) {
                throw ReadError(url: url, reason: .overLimit(limit))
            } catch {
                throw ReadError(url: url, reason: .brokenOFD)
            }
            (original, pageStarts) = PageAssembler.assemble(pages)
            encoding = "UTF-8"
            format = .ofd
            text = TextNormalizer.normalize(original)
        case .office:
            return try document(convertedText: data, url: url)
        case .zip:
            throw ReadError(url: url, reason: .unsupportedExtension("zip"))
        }
        if text.count == 0 { throw ReadError(url: url, reason: .empty) }
        return ReportDocument(url: url, format: format, encoding: encoding, original: original, text: text,
                              sentences: SentenceSplitter.split(text), pageStarts: pageStarts, needsReview: review)
    }

    /// A document from LibreOffice's text export of a .doc or .wps file.
    static func document(convertedText data: Data, url: URL) throws -> ReportDocument {
        let (original, _) = try decodeText(data, declaredCharset: nil, url: url)
        let text = TextNormalizer.normalize(original)
        if text.count == 0 { throw ReadError(url: url, reason: .empty) }
        return ReportDocument(url: url, format: .doc, encoding: "LibreOffice", original: original, text: text,
                              sentences: SentenceSplitter.split(text))
    }

    static func decodeText(_ data: Data, declaredCharset: String?, url: URL) throws -> (String, String) {
        if let (text, name) = TextDecoder.decode(data, declaredCharset: declaredCharset) {
            return (text, name)
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ReadError(url: url, reason: .empty)
        }
        throw ReadError(url: url, reason: TextDecoder.looksBinary(data) ? .binary : .undecodable)
    }

    /// The charset an HTML page declares in its first 4 KB (`<meta charset=…>` or
    /// `content="text/html; charset=…"`), lowercased.
    static func declaredCharset(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(4096)).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count <= head.count {
            if head[i] == key[0] && head[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < head.count, head[j] == 0x20 { j += 1 }
                if j < head.count, head[j] == 0x3D {  // '='
                    j += 1
                    while j < head.count, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
                    var name: [UInt8] = []
                    while j < head.count, name.count < 40 {
                        let b = head[j]
                        let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
                        if !ok { break }
                        name.append(b)
                        j += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
            }
            i += 1
        }
        return nil
    }
}
