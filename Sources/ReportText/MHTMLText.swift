import Foundation

/// The page of a saved web page (.mht / .mhtml, RFC 2557 as browsers and Word write it): a MIME
/// message whose first `text/html` part is the page, in quoted-printable, base64 or 8-bit.
enum MHTMLText {
    /// The HTML part's bytes, decoded from its transfer encoding, and the charset its header names.
    /// Nil when the file is not a MIME message with an HTML part.
    static func htmlPart(_ data: Data) -> (html: Data, charset: String?)? {
        let bytes = [UInt8](data)
        guard let (headers, bodyStart) = headerBlock(bytes, from: 0) else { return nil }
        let type = headers["content-type"] ?? ""
        if let boundary = parameter("boundary", in: type), type.lowercased().hasPrefix("multipart/") {
            let marker = Array(("--" + boundary).utf8)
            var parts: [Int] = []
            var i = bodyStart
            while let found = find(marker, in: bytes, from: i) {
                parts.append(found)
                i = found + marker.count
            }
            for (k, start) in parts.enumerated() {
                var from = start + marker.count
                if from + 1 < bytes.count, bytes[from] == 0x2D, bytes[from + 1] == 0x2D { break }   // closing --boundary--
                // The part's headers start on the line after the boundary.
                if let newline = bytes[from...].firstIndex(of: 0x0A) { from = newline + 1 } else { break }
                guard let (partHeaders, partBody) = headerBlock(bytes, from: from) else { continue }
                let partType = (partHeaders["content-type"] ?? "text/plain").lowercased()
                guard partType.hasPrefix("text/html") else { continue }
                let end = k + 1 < parts.count ? parts[k + 1] : bytes.count
                let body = Array(bytes[partBody..<max(partBody, end)])
                return (decode(body, transfer: partHeaders["content-transfer-encoding"]),
                        parameter("charset", in: partHeaders["content-type"] ?? ""))
            }
            return nil
        }
        guard type.lowercased().hasPrefix("text/html") else { return nil }
        return (decode(Array(bytes[bodyStart...]), transfer: headers["content-transfer-encoding"]), parameter("charset", in: type))
    }

    /// Headers from `start` to the first empty line (names lowercased, folded lines unfolded), and
    /// where the body starts. Nil when there is no header line at all.
    static func headerBlock(_ bytes: [UInt8], from start: Int) -> ([String: String], Int)? {
        var headers: [String: String] = [:]
        var lastName: String?
        var i = start
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > i, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = String(decoding: bytes[i..<lineEnd], as: UTF8.self)
            i = min(end + 1, bytes.count)
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", let name = lastName {
                headers[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                lastName = name
            } else {
                return nil
            }
        }
        return headers.isEmpty ? nil : (headers, i)
    }

    /// A parameter of a header value: `boundary="----=_NextPart"`, `charset=gb2312`.
    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        return nil
    }

    static func decode(_ body: [UInt8], transfer: String?) -> Data {
        switch transfer?.lowercased().trimmingCharacters(in: .whitespaces) {
        case "quoted-printable": return Data(quotedPrintable(body))
        case "base64":
            let compact = String(decoding: body.filter { $0 > 0x20 }, as: UTF8.self)
            return Data(base64Encoded: compact, options: .ignoreUnknownCharacters) ?? Data()
        default: return Data(body)
        }
    }

    /// Quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next.
    static func quotedPrintable(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        while i < body.count {
            let b = body[i]
            if b == 0x3D {
                if i + 1 < body.count, body[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < body.count, body[i + 1] == 0x0D, body[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < body.count, let h = hex(body[i + 1]), let l = hex(body[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }

    static func find(_ needle: [UInt8], in x: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return nil }
        var i = start
        while i + needle.count <= x.count {
            if x[i] == needle[0] && x[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
