import Foundation

/// Bytes to text: byte-order marks, strict UTF-8, then GB18030 (through iconv), then
/// UTF-16 without a byte-order mark. Returns nil when the bytes are not text in any of these.
public enum TextDecoder {
    public static func decode(_ data: Data) -> (String, encodingName: String)? {
        let bytes = [UInt8](data)
        if let bom = decodeWithBOM(bytes) { return bom }
        if bytes.contains(0) {
            // NUL bytes: only UTF-16 without a byte-order mark can be text.
            return decodeUTF16WithoutBOM(bytes)
        }
        if let text = decodeUTF8(bytes[...]) {
            return utf8LooksLikeText(bytes) ? (text, "UTF-8") : nil
        }
        if let text = decodeGB18030(bytes[...]), looksLikeText(text, strict: true) {
            return (text, "GB18030")
        }
        return nil
    }

    /// Decodes with a named charset (from an HTML `<meta>`), falling back to detection.
    static func decode(_ data: Data, declaredCharset: String?) -> (String, encodingName: String)? {
        let bytes = [UInt8](data)
        if let bom = decodeWithBOM(bytes) { return bom }
        if let charset = declaredCharset?.lowercased(),
           ["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"].contains(charset),
           !bytes.contains(0) {
            // Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page claims
            // (a site moved to UTF-8 and kept its old declaration); otherwise trust it.
            if let text = decodeUTF8(bytes[...]), looksLikeText(text) { return (text, "UTF-8") }
            if let text = decodeGB18030(bytes[...]), looksLikeText(text) { return (text, "GB18030") }
        }
        return decode(data)
    }

    // MARK: - Pieces

    static func decodeWithBOM(_ bytes: [UInt8]) -> (String, encodingName: String)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            guard let text = decodeUTF8(bytes[3...]) else { return nil }
            return (text, "UTF-8 BOM")
        }
        // UTF-32 before UTF-16: FF FE 00 00 starts with UTF-16LE's mark too.
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            guard let text = decodeUTF32(bytes[4...], bigEndian: false) else { return nil }
            return (text, "UTF-32LE")
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            guard let text = decodeUTF32(bytes[4...], bigEndian: true) else { return nil }
            return (text, "UTF-32BE")
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            guard let text = decodeUTF16(bytes[2...], bigEndian: false) else { return nil }
            return (text, "UTF-16LE")
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            guard let text = decodeUTF16(bytes[2...], bigEndian: true) else { return nil }
            return (text, "UTF-16BE")
        }
        return nil
    }

    /// Whether the bytes start with a UTF-16 byte-order mark.
    static func hasUTF16BOM(_ data: Data) -> Bool {
        guard data.count >= 2 else { return false }
        let a = data[data.startIndex], b = data[data.startIndex + 1]
        return (a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)
    }

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// UTF-32 after its byte-order mark: nil for a length not a multiple of four or a value that
    /// is not a Unicode scalar.
    static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        guard bytes.count % 4 == 0 else { return nil }
        var view = String.UnicodeScalarView()
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = (UInt32(bytes[i]), UInt32(bytes[i + 1]), UInt32(bytes[i + 2]), UInt32(bytes[i + 3]))
            let value = bigEndian ? (b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3) : (b.3 << 24 | b.2 << 16 | b.1 << 8 | b.0)
            guard let scalar = Unicode.Scalar(value) else { return nil }
            view.append(scalar)
            i += 4
        }
        return String(view)
    }

    /// UTF-16 without a byte-order mark: NUL bytes fall mostly on one parity.
    static func decodeUTF16WithoutBOM(_ bytes: [UInt8]) -> (String, encodingName: String)? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (i, b) in bytes.enumerated() where b == 0 {
            if i % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let bigEndian: Bool
        if oddNUL > 0 && evenNUL * 20 <= oddNUL { bigEndian = false }
        else if evenNUL > 0 && oddNUL * 20 <= evenNUL { bigEndian = true }
        else { return nil }
        guard let text = decodeUTF16(bytes[...], bigEndian: bigEndian),
              looksLikeText(text, strict: true) else { return nil }
        return (text, bigEndian ? "UTF-16BE" : "UTF-16LE")
    }

    /// Strict GB18030: any invalid or incomplete sequence fails.
    static func decodeGB18030(_ bytes: ArraySlice<UInt8>) -> String? {
        Iconv.convert(Array(bytes), from: "GB18030", to: "UTF-8").flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// Mostly CJK, ASCII and punctuation; few control characters; no replacement characters.
    /// `strict` (for guessed encodings) also asks that most characters be common ones.
    static func looksLikeText(_ text: String, strict: Bool = false) -> Bool {
        var total = 0, control = 0, common = 0
        for s in text.unicodeScalars {
            total += 1
            let v = s.value
            switch v {
            case 0x09, 0x0A, 0x0D, 0x0C: common += 1
            case 0x00..<0x20, 0x7F, 0x80...0x9F: control += 1
            case 0xFFFD: return false
            case 0x20..<0x7F: common += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: common += 1           // CJK ideographs
            case 0x3000...0x303F, 0xFF00...0xFFEF: common += 1           // CJK punctuation, full-width
            case 0x2000...0x206F, 0x00A0...0x00FF, 0x2460...0x24FF: common += 1  // punctuation, Latin-1, ①
            case 0x2100...0x21FF, 0x25A0...0x25FF, 0xFE30...0xFE6F: common += 1
            case 0x3100...0x312F, 0x3200...0x32FF, 0x3300...0x33FF, 0x0391...0x03C9, 0x0401...0x0451: common += 1
            case 0xE000...0xF8FF: if strict { control += 1 }             // private use: GB18030 user areas
            default: break
            }
        }
        if total == 0 { return true }
        if control > max(2, total / 100) { return false }
        if strict && common * 10 < total * 9 { return false }
        return true
    }

    /// `looksLikeText` for valid UTF-8, on the bytes: few C0/C1 control characters and no U+FFFD.
    static func utf8LooksLikeText(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var control = 0
            var scalars = 0
            let n = raw.count
            /// Whether the byte at `i` is a control character (C0, DEL or C1 as C2 80–9F); nil for U+FFFD.
            func controlAt(_ i: Int) -> Int? {
                let b = raw[i]
                if b < 0x20 { return b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C ? 1 : 0 }
                if b == 0x7F { return 1 }
                if b == 0xC2 { return i + 1 < n && raw[i + 1] >= 0x80 && raw[i + 1] <= 0x9F ? 1 : 0 }
                if b == 0xEF && i + 2 < n && raw[i + 1] == 0xBF && raw[i + 2] == 0xBD { return nil }
                return 0
            }
            // Eight bytes at a time: most words of Chinese text hold none of the bytes that need a
            // closer look (below 0x20, 7F, C2, EF), and the scalars are counted from the lead bytes.
            var i = 0
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let continuation = word & ~(word << 1) & Self.highBits
                scalars &+= 8 - continuation.nonzeroBitCount
                if Self.hasByteBelow0x20(word) || Self.hasByte(0x7F, word) || Self.hasByte(0xC2, word)
                    || Self.hasByte(0xEF, word) {
                    for k in i..<(i + 8) {
                        guard let c = controlAt(k) else { return false }
                        control &+= c
                    }
                }
                i &+= 8
            }
            while i < n {
                if raw[i] & 0xC0 != 0x80 { scalars &+= 1 }
                guard let c = controlAt(i) else { return false }
                control &+= c
                i &+= 1
            }
            return control <= max(2, scalars / 100)
        }
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of the word is below 0x20 (the classic SWAR "has less than" test).
    @inline(__always) private static func hasByteBelow0x20(_ word: UInt64) -> Bool {
        (word &- lowBits &* 0x20) & ~word & highBits != 0
    }

    /// Whether any byte of the word equals `byte`.
    @inline(__always) private static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        let x = word ^ (lowBits &* UInt64(byte))
        return (x &- lowBits) & ~x & highBits != 0
    }

    /// Binary signatures, NUL bytes (outside UTF-16) or many control bytes.
    static func looksBinary(_ data: Data) -> Bool {
        if hasUTF16BOM(data) || data.starts(with: [0, 0, 0xFE, 0xFF]) { return false }
        let bytes = [UInt8](data.prefix(1 << 20))
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06],
            [0x25, 0x50, 0x44, 0x46], [0xFF, 0xD8, 0xFF], [0x47, 0x49, 0x46, 0x38],
            [0xD0, 0xCF, 0x11, 0xE0], [0x1F, 0x8B], [0x52, 0x61, 0x72, 0x21], [0x37, 0x7A, 0xBC, 0xAF],
            [0x7F, 0x45, 0x4C, 0x46],
        ]
        for sig in signatures where bytes.starts(with: sig) { return true }
        var control = 0
        for b in bytes {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
        }
        return control > max(2, bytes.count / 100)
    }
}
