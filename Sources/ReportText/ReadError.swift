import Foundation

/// Why a file could not be read, in words a county clerk understands.
public struct ReadError: Error, Sendable, CustomStringConvertible {
    public let url: URL
    public let reason: Reason

    public enum Reason: Error, Sendable, Equatable {
        /// 0 bytes, or nothing but whitespace.
        case empty
        /// Not text: NUL bytes, many control characters, or a known binary signature.
        case binary
        /// Neither UTF-8, GB18030, UTF-16 nor UTF-32.
        case undecodable
        /// A .docx that is not a zip archive, has no word/document.xml, or whose XML is broken.
        case brokenDocx
        /// An extension that is not a report format (the extension, lowercased, without dot).
        case unsupportedExtension(String)
        /// The file or folder does not exist or cannot be read (the system's message).
        case unreadable(String)
        /// A PDF whose pages have no text layer: a scan.
        case scannedPDF
        /// A PDF poppler cannot open: damaged, or protected by a password.
        case brokenPDF
        /// A .zip that is not a zip archive, or with a damaged entry.
        case brokenArchive
        /// An .ofd without the structure GB/T 33190 gives it (OFD.xml, document, pages).
        case brokenOFD
        /// A reading limit was passed (a zip bomb, a forged size, a huge file).
        case overLimit(ReadLimits.Exceeded)
        /// A format whose reader needs a program that is not installed: the Debian package.
        case converterMissing(format: String, package: String)
        /// The converter ran but gave no text for this file (its message, if any).
        case conversionFailed(String)
    }

    public init(url: URL, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    /// The formats `extract` reads, for messages.
    static let supportedList = ".txt .html .shtml .mht .docx .doc .wps .pdf .ofd .zip"

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
            let shown = ext.isEmpty ? "这种格式" : "格式 .\(ext)"
            return "不支持的\(shown)，能读取的格式：\(Self.supportedList) (unsupported file type)"
        case .unreadable(let detail):
            return "无法读取：\(detail) (cannot read)"
        case .scannedPDF:
            return "扫描件，没有文字层；可加 --ocr 用文字识别读取 (scanned PDF without a text layer; try --ocr)"
        case .brokenPDF:
            return "PDF 文件已损坏或设有密码 (broken or password-protected PDF)"
        case .brokenArchive:
            return "压缩包已损坏或不是 zip 格式 (broken zip archive)"
        case .brokenOFD:
            return "OFD 文件已损坏或不符合 GB/T 33190 (broken OFD file)"
        case .overLimit(let limit):
            return "超出读取限制：\(limit.message)"
        case .converterMissing(let format, let package):
            return "读取 \(format) 文件需要安装 \(package)：apt-get install \(package) (converter not installed)"
        case .conversionFailed(let detail):
            let shown = detail.isEmpty ? "" : "：\(detail)"
            return "格式转换失败\(shown) (conversion failed)"
        }
    }

    /// `path: message` on one line; control characters in the path (a newline in a file name)
    /// are escaped so that a name cannot forge a line of its own.
    public var description: String { "\(Self.escaped(url.path)): \(message)" }

    /// A path with control characters written as `\n`, `\r`, `\t` or `\u{…}`.
    public static func escaped(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return path }
        var out = ""
        for s in path.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}" {
                    out += "\\u{" + String(s.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }
}
