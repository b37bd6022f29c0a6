import Foundation

/// The kinds of file a report can come in.
public enum ReportFormat: String, Sendable {
    case text, html, docx
}

/// A report read from a file: decoded, normalized and split into sentences.
public struct ReportDocument: Sendable {
    public let url: URL
    public let format: ReportFormat
    /// "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE" or "UTF-16BE".
    public let encoding: String
    /// The decoded original: the text file, the HTML markup, or for DOCX the body
    /// paragraphs joined by "\n". A byte-order mark is not part of it.
    public let original: String
    /// Normalized text with offsets into `original`, counted in Unicode scalars.
    public let text: NormalizedText
    public let sentences: [Sentence]

    public init(url: URL, format: ReportFormat, encoding: String, original: String,
                text: NormalizedText, sentences: [Sentence]) {
        self.url = url
        self.format = format
        self.encoding = encoding
        self.original = original
        self.text = text
        self.sentences = sentences
    }
}

/// Why a file could not be read, in words a county clerk understands.
public struct ReadError: Error, Sendable, CustomStringConvertible {
    public let url: URL
    public let reason: Reason

    public enum Reason: Sendable, Equatable {
        /// 0 bytes, or nothing but whitespace.
        case empty
        /// Not text: NUL bytes, many control characters, or a known binary signature.
        case binary
        /// Neither UTF-8, GB18030 nor UTF-16.
        case undecodable
        /// A .docx that is not a zip archive or has no word/document.xml.
        case brokenDocx
        /// An extension that is not a report format (the extension, lowercased, without dot).
        case unsupportedExtension(String)
        /// The file does not exist or cannot be read (the system's message).
        case unreadable(String)
    }

    public init(url: URL, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    /// The message for the reason alone: Chinese first, then a short English gloss.
    public var message: String {
        switch reason {
        case .empty:
            return "文件是空的 (empty file)"
        case .binary:
            return "文件不是文本，可能是图片、压缩包或其他二进制文件 (binary file, not text)"
        case .undecodable:
            return "无法识别文件的文字编码，请另存为 UTF-8 或 GB18030 编码的文本 (unknown text encoding)"
        case .brokenDocx:
            return "Word 文档已损坏或不是 .docx 格式，请用 Word 或 WPS 重新另存为 .docx (broken DOCX file)"
        case .unsupportedExtension(let ext):
            let shown = ext.isEmpty ? "这种" : ".\(ext) "
            return "不支持\(shown)格式的文件，只能读取 .txt、.htm、.html、.docx (unsupported file type; use .txt, .htm, .html or .docx)"
        case .unreadable(let detail):
            return "无法读取文件：\(detail) (cannot read file)"
        }
    }

    public var description: String { "\(url.path): \(message)" }
}

/// Reads report files.
public enum ReportReader {
    /// Extensions a directory walk picks up.
    static let reportExtensions: Set<String> = ["txt", "htm", "html", "docx"]

    /// The format for a file's extension, or nil when it is not a report format.
    static func format(of url: URL) -> ReportFormat? {
        switch url.pathExtension.lowercased() {
        case "txt", "text", "": return .text
        case "htm", "html", "xhtml", "shtml": return .html
        case "docx": return .docx
        default: return nil
        }
    }

    /// Reads, decodes and normalizes a report. Throws `ReadError` only.
    public static func read(_ url: URL) throws -> ReportDocument {
        guard format(of: url) != nil else {
            throw ReadError(url: url, reason: .unsupportedExtension(url.pathExtension.lowercased()))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ReadError(url: url, reason: .unreadable("文件不存在 (no such file)"))
        }
        if isDirectory.boolValue {
            throw ReadError(url: url, reason: .unreadable("这是一个文件夹 (is a directory)"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ReadError(url: url, reason: .unreadable(error.localizedDescription))
        }
        return try read(data: data, url: url)
    }

    /// Decodes and normalizes a report's bytes; the format comes from `url`'s extension.
    public static func read(data: Data, url: URL) throws -> ReportDocument {
        guard let format = format(of: url) else {
            throw ReadError(url: url, reason: .unsupportedExtension(url.pathExtension.lowercased()))
        }
        if data.isEmpty { throw ReadError(url: url, reason: .empty) }
        let original: String
        let encoding: String
        let text: NormalizedText
        switch format {
        case .docx:
            let paragraphs: [String]
            do {
                paragraphs = try DocxText.paragraphs(data)
            } catch {
                throw ReadError(url: url, reason: .brokenDocx)
            }
            original = paragraphs.joined(separator: "\n")
            encoding = "UTF-8"
            text = TextNormalizer.normalize(original)
        case .text:
            (original, encoding) = try decodeText(data, declaredCharset: nil, url: url)
            text = TextNormalizer.normalize(original)
        case .html:
            (original, encoding) = try decodeText(data, declaredCharset: declaredCharset(data), url: url)
            text = HTMLText.extract(original)
        }
        if text.count == 0 { throw ReadError(url: url, reason: .empty) }
        return ReportDocument(url: url, format: format, encoding: encoding, original: original,
                              text: text, sentences: SentenceSplitter.split(text))
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

    /// Report files under the given paths: directories are walked recursively and give their
    /// .txt .htm .html .docx files (hidden files and Word lock files `~$…` skipped); files
    /// named explicitly are kept whatever their extension. Sorted by path, without duplicates.
    public static func reportFiles(under paths: [URL]) -> [URL] {
        var found: [String: URL] = [:]
        for path in paths {
            let root = path.standardizedFileURL
            guard kind(of: root.path) == .directory else {
                found[root.path] = root
                continue
            }
            // Walked by path with one stat per entry: asking each file URL for its resource values
            // goes through NSURL on Linux and cost more than extracting a short report.
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            let folder = root.path.hasSuffix("/") ? root.path : root.path + "/"
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let full = folder + relative
                if name.hasPrefix(".") {
                    if kind(of: full) == .directory { walker.skipDescendants() }
                    continue
                }
                guard reportExtensions.contains((name as NSString).pathExtension.lowercased()),
                      !name.hasPrefix("~$"), kind(of: full) == .file else { continue }
                found[full] = URL(fileURLWithPath: full)
            }
        }
        return found.keys.sorted().map { found[$0]! }
    }

    private enum EntryKind { case file, directory, other }

    /// What a path is, following symbolic links (a link to a report is a report).
    private static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}
