import Foundation
import Publish

/// JSON with keys in the order written, so output is stable and reads in a sensible order
/// (Foundation's encoder on Linux orders keys by hash).
indirect enum JSON {
    case string(String)
    case number(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    static func optional(_ i: Int?) -> JSON { i.map(JSON.int) ?? .null }

    /// A top-level array whose items are built and rendered across all cores: a batch of thousands of
    /// reports is otherwise rendered on one core after the extraction. The same text as `.array(…)`.
    static func renderedArray<T: Sendable>(_ elements: [T], item: @Sendable (T) -> JSON) -> String {
        if elements.isEmpty { return "[]" }
        let items = elements.parallelMap { element in
            var bytes: [UInt8] = []
            item(element).render(into: &bytes, indent: 1)
            return bytes
        }
        var out: [UInt8] = []
        out.reserveCapacity(items.reduce(8) { $0 + $1.count + 4 })
        out.append(contentsOf: "[\n  ".utf8)
        for (n, item) in items.enumerated() {
            if n > 0 { out.append(contentsOf: ",\n  ".utf8) }
            out.append(contentsOf: item)
        }
        out.append(contentsOf: "\n]".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Pretty-printed with two spaces; Chinese written as is, not escaped.
    func rendered(indent: Int = 0) -> String {
        var out: [UInt8] = []
        render(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends UTF-8 to one byte buffer: building each level's string and joining it copied the
    /// whole document once per nesting level, and appending bytes costs less than appending Strings.
    private func render(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let s): JSON.quote(s, into: &out)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(contentsOf: ",\n".utf8) }
                JSON.pad(&out, indent + 1)
                item.render(into: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            JSON.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (n, field) in fields.enumerated() {
                if n > 0 { out.append(contentsOf: ",\n".utf8) }
                JSON.pad(&out, indent + 1)
                JSON.quote(field.0, into: &out)
                out.append(contentsOf: ": ".utf8)
                field.1.render(into: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            JSON.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ out: inout [UInt8], _ level: Int) {
        for _ in 0..<(2 * level) { out.append(UInt8(ascii: " ")) }
    }

    /// A string in quotes with `"`, `\\` and control characters escaped; the runs between escapes
    /// (most strings are one run) are copied whole from the string's UTF-8.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: bytes[run..<i])
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
                default: out.append(contentsOf: String(format: "\\u%04x", UInt32(b)).utf8)
                }
                run = i + 1
            }
            out.append(contentsOf: bytes[run...])
        }
        out.append(UInt8(ascii: "\""))
    }
}
