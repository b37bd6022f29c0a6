import CSV
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A CSV syntax error at a line of the file (1-based, physical lines).
public struct CSVSyntaxError: Error, CustomStringConvertible, Equatable {
    public let line: Int
    public let reason: String
    public var description: String { "第 \(line) 行: \(reason)" }
}

/// One row of a CSV file with the line it starts on (1-based) and how many lines it spans.
public struct CSVRecord: Equatable, Sendable {
    public let line: Int
    public let fields: [String]
}

/// Reads CSV strictly and in constant memory: RFC 4180 through yaslab/CSV.swift (which streams from an
/// `InputStream` row by row), with what that library lets pass made an error at its line — a quote left
/// open to the end of the file, a quote inside an unquoted field, text after a closing quote.
/// UTF-8 (with or without a BOM) or, when the bytes are not UTF-8, GB18030/GBK (what Excel saves on
/// Chinese Windows), converted by iconv as the bytes stream in.
///
/// Blank lines are skipped. `bytesRead` (of the file's bytes) and `totalBytes` serve a progress bar.
public final class StrictCSVReader {
    /// "UTF-8" or "GB18030".
    public let encodingName: String
    public let totalBytes: Int
    public var bytesRead: Int { stream.consumed }
    private let stream: CheckedStream
    private let reader: CSVReader
    /// The line the next row starts on.
    private var nextLine = 1

    /// Opens a file; reads it once beforehand (in chunks) to tell UTF-8 from GB18030.
    public convenience init(url: URL) throws {
        let utf8 = try Self.isUTF8(url)
        guard let source = InputStream(url: url) else { throw CSVSyntaxError(line: 1, reason: "无法打开 (cannot open)") }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        try self.init(source: source, utf8: utf8, totalBytes: size ?? 0)
    }

    /// Reads bytes held in memory (tests, fuzzing).
    public convenience init(data: Data) throws {
        let utf8 = String(validating: data, as: UTF8.self) != nil
        try self.init(source: InputStream(data: data), utf8: utf8, totalBytes: data.count)
    }

    private init(source: InputStream, utf8: Bool, totalBytes: Int) throws {
        encodingName = utf8 ? "UTF-8" : "GB18030"
        self.totalBytes = totalBytes
        // Bytes held in memory need no larger chunk than themselves.
        stream = CheckedStream(source: source, fromGB18030: !utf8, chunkSize: min(1 << 16, max(256, totalBytes + 1)))
        do { reader = try CSVReader(stream: stream, hasHeaderRow: false) }
        catch { throw stream.problem ?? CSVSyntaxError(line: 1, reason: "无法读取 (cannot read): \(error)") }
    }

    /// The next non-blank row, or nil at the end. Throws `CSVSyntaxError` for a row that a quoting error
    /// touches, or for bytes that are neither UTF-8 nor GB18030; after a throw the reader is done.
    public func next() throws -> CSVRecord? {
        while true {
            guard let fields = reader.next() else {
                if let problem = stream.problem { throw problem }
                if let error = reader.error { throw CSVSyntaxError(line: nextLine, reason: "无法读取 (cannot read): \(error)") }
                return nil
            }
            let line = nextLine
            nextLine += 1 + fields.reduce(0) { $0 + Self.lineBreaks(in: $1) }
            // The checking stream runs ahead of the parser: a problem it found on a line this row spans is this row's.
            if let problem = stream.problem, problem.line < nextLine { throw problem }
            if fields.count == 1 && fields[0].isEmpty { continue }
            return CSVRecord(line: line, fields: fields)
        }
    }

    /// Line breaks inside a quoted field: LF, CR LF or a lone CR each end a physical line.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var afterCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\n" { if !afterCR { count += 1 } } else if scalar == "\r" { count += 1 }
            afterCR = scalar == "\r"
        }
        return count
    }

    /// Whether a file is UTF-8 throughout, read in 1 MB chunks (a sequence cut by a chunk's end carries over).
    static func isUTF8(_ url: URL) throws -> Bool {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) }
        catch { throw CSVSyntaxError(line: 1, reason: "无法打开 (cannot open): \(error.localizedDescription)") }
        defer { try? handle.close() }
        var carry: [UInt8] = []
        while true {
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
            guard let chunk, !chunk.isEmpty else { return String(validating: carry, as: UTF8.self) != nil }
            var bytes = carry + chunk
            // Keep back a sequence the chunk may have cut: up to 3 bytes after the last lead byte.
            var cut = bytes.count
            var back = 0
            while cut > 0 && back < 4 {
                let b = bytes[cut - 1]
                if b & 0xC0 != 0x80 { if b >= 0xC0 { cut -= 1 }; break }
                cut -= 1
                back += 1
            }
            if back >= 4 { cut = bytes.count }
            carry = Array(bytes[cut...])
            bytes.removeSubrange(cut...)
            if String(validating: bytes, as: UTF8.self) == nil { return false }
        }
    }
}

/// The bytes the CSV library reads: the file's, converted from GB18030 where needed, checked on their
/// way through for the quoting errors the library lets pass, and counted.
final class CheckedStream: InputStream {
    private let source: InputStream
    private let converter: GB18030Converter?
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var status: Stream.Status = .notOpen
    private(set) var consumed = 0
    private(set) var problem: CSVSyntaxError?

    // RFC 4180 state.
    private var line = 1
    private var atFieldStart = true
    private var inQuotes = false
    private var quoteClosed = false
    private var quoteOpenedOn = 0
    private var lastWasCR = false
    private var started = false

    init(source: InputStream, fromGB18030: Bool, chunkSize: Int) {
        self.source = source
        chunk = [UInt8](repeating: 0, count: chunkSize)
        converter = fromGB18030 ? GB18030Converter() : nil
        super.init(data: Data())
    }

    override var streamStatus: Stream.Status { status }
    override var streamError: Error? { nil }
    override func open() { source.open(); status = .open }
    override func close() { source.close(); status = .closed }
    /// True until the last byte is read: the library asks before every byte and treats a read of
    /// nothing after a yes as a failure, so the answer reads ahead.
    override var hasBytesAvailable: Bool {
        while pendingStart >= pending.count && status == .open { fill() }
        return pendingStart < pending.count
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        guard hasBytesAvailable else { return 0 }
        let n = min(len, pending.count - pendingStart)
        pending.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + pendingStart, count: n) }
        pendingStart += n
        return n
    }

    /// The source's bytes are read into this, one chunk at a time.
    private var chunk: [UInt8]

    private func fill() {
        let n = chunk.withUnsafeMutableBufferPointer { source.read($0.baseAddress!, maxLength: $0.count) }
        let end = n <= 0
        var bytes = end ? [] : Array(chunk[..<n])
        consumed += max(n, 0)
        if let converter {
            switch converter.convert(bytes, final: end) {
            case .success(let converted): bytes = converted
            case .failure:
                if problem == nil { problem = CSVSyntaxError(line: line, reason: "既不是 UTF-8 也不是 GB18030 文本 (neither UTF-8 nor GB18030)") }
                bytes = []
            }
        }
        // A byte-order mark is no field's text (the library skips it too).
        var from = 0
        if !started { started = true; if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { from = 3 } }
        for byte in bytes[from...] { check(byte) }
        if end && inQuotes && problem == nil {
            problem = CSVSyntaxError(line: quoteOpenedOn, reason: "引号未闭合 (unterminated quote)")
        }
        pending = bytes
        pendingStart = 0
        if end { status = .atEnd }
    }

    private func check(_ byte: UInt8) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        defer { lastWasCR = byte == cr }
        if byte == lf && !lastWasCR { line += 1 } else if byte == cr { line += 1 }
        if inQuotes {
            if byte == quote { inQuotes = false; quoteClosed = true }
            return
        }
        if quoteClosed {
            quoteClosed = false
            // A doubled quote inside a quoted field.
            if byte == quote { inQuotes = true; return }
            if byte != comma && byte != cr && byte != lf {
                fail(line, "引号后有多余字符 (text after a closing quote)")
            }
        }
        if byte == quote {
            if atFieldStart { inQuotes = true; quoteOpenedOn = line; atFieldStart = false }
            else { fail(line, "未加引号的字段中有引号 (a quote inside an unquoted field)") }
            return
        }
        atFieldStart = byte == comma || byte == cr || byte == lf
    }

    private func fail(_ line: Int, _ reason: String) {
        if problem == nil { problem = CSVSyntaxError(line: line, reason: reason) }
    }
}

/// GB18030 to UTF-8 through glibc iconv, chunk by chunk: a sequence a chunk cuts waits for the next.
final class GB18030Converter {
    private var cd: iconv_t?
    private var carry: [UInt8] = []

    init() {
        let handle = iconv_open("UTF-8", "GB18030")
        cd = handle == iconv_t(bitPattern: -1) ? nil : handle
    }

    deinit { if let cd { iconv_close(cd) } }

    struct Invalid: Error {}

    func convert(_ bytes: [UInt8], final: Bool) -> Result<[UInt8], Invalid> {
        guard let cd else { return .failure(Invalid()) }
        var input = carry + bytes
        carry = []
        if input.isEmpty { return .success([]) }
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var failed = false
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 {
                    // EINVAL: an incomplete sequence at the end, completed by the next chunk.
                    if errno == EINVAL && !final { carry = Array(inBuf.suffix(inLeft)) } else { failed = true }
                }
                return outBuf.count - outLeft
            }
        }
        return failed ? .failure(Invalid()) : .success(Array(output[..<produced]))
    }
}
