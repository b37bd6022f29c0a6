import Foundation

/// Writing CSV for spreadsheets: RFC 4180 quoting, and no cell that Excel, WPS or LibreOffice would run
/// as a formula. Every command that writes CSV writes its cells through `CSV.field`.
public enum CSV {
    /// The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection"):
    /// `=`, `+`, `-`, `@`, a tab and a carriage return at the start.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell: a text that starts like a formula gets a single quote before it, which spreadsheets
    /// show as text; a plain number (`-5`, `+3.5`, `1e3`) stays a number. Then quoted when it holds a
    /// comma, a quote or a line break.
    public static func field(_ s: String) -> String {
        // On the UTF-8 bytes: every character that matters is ASCII, and a byte of a multi-byte
        // character is never ASCII (walking Characters cost a third of an export).
        var needsQuotes = false
        var guarded = false
        if let first = s.utf8.first, formulaBytes.contains(first), !isPlainNumber(s) { guarded = true }
        for byte in s.utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        let text = guarded ? "'" + s : s
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `formulaStarts` as bytes.
    static let formulaBytes: [UInt8] = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// A row of cells, ended by a line feed.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A cell as read back: the single quote `field` put before a formula-like text is taken off, so that
    /// a file fazhi exported imports as it was stored.
    public static func unguarded(_ s: String) -> String {
        guard s.first == "'", let second = s.dropFirst().first, formulaStarts.contains(second) else { return s }
        return String(s.dropFirst())
    }

    /// A cell without the spaces and tabs around it; the cell itself (no copy) when there are none,
    /// as nearly always (Foundation's `trimmingCharacters` costs a third of an import's time).
    static func trimmed(_ s: String) -> String {
        func blank(_ c: Unicode.Scalar?) -> Bool { c == " " || c == "\t" || c == "\u{3000}" }
        let scalars = s.unicodeScalars
        guard blank(scalars.first) || blank(scalars.last) else { return s }
        var view = Substring(s).unicodeScalars[...]
        while blank(view.first) { view = view.dropFirst() }
        while blank(view.last) { view = view.dropLast() }
        return String(view)
    }

    /// `-12`, `+3.5`, `1e3`, `.5`: digits with an optional sign, point and exponent, nothing else.
    public static func isPlainNumber(_ s: String) -> Bool {
        var scalars = Substring(s).unicodeScalars[...]
        if let f = scalars.first, f == "-" || f == "+" { scalars = scalars.dropFirst() }
        var digits = 0, sawPoint = false, sawExponent = false, exponentDigits = 0
        var previous: Unicode.Scalar = " "
        for c in scalars {
            switch c {
            case "0"..."9": if sawExponent { exponentDigits += 1 } else { digits += 1 }
            case "." where !sawPoint && !sawExponent: sawPoint = true
            case "e", "E": if sawExponent || digits == 0 { return false }; sawExponent = true
            case "-", "+": if previous != "e" && previous != "E" { return false }
            default: return false
            }
            previous = c
        }
        return digits > 0 && (!sawExponent || exponentDigits > 0)
    }
}

/// A number as a person writes it: `123`, not `123.0`.
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
