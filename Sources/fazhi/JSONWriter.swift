import Foundation

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
        let items = elements.parallelMap { item($0).rendered(indent: 1) }
        return "[\n  " + items.joined(separator: ",\n  ") + "\n]"
    }

    /// Pretty-printed with two spaces; Chinese written as is, not escaped.
    func rendered(indent: Int = 0) -> String {
        var out = ""
        render(into: &out, indent: indent)
        return out
    }

    /// Appends to one buffer: building each level's string and joining it copied the whole
    /// document once per nesting level.
    private func render(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): JSON.quote(s, into: &out)
        case .number(let n): out += n
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (n, item) in items.enumerated() {
                if n > 0 { out += ",\n" }
                JSON.pad(&out, indent + 1)
                item.render(into: &out, indent: indent + 1)
            }
            out += "\n"
            JSON.pad(&out, indent)
            out += "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (n, field) in fields.enumerated() {
                if n > 0 { out += ",\n" }
                JSON.pad(&out, indent + 1)
                JSON.quote(field.0, into: &out)
                out += ": "
                field.1.render(into: &out, indent: indent + 1)
            }
            out += "\n"
            JSON.pad(&out, indent)
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }

    static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole rather than scalar by scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
