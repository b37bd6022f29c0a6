import Foundation
import Store

/// The cells of fazhi's tables for Excel and WPS: text that a spreadsheet would read as a formula
/// (beginning with = + - @, a tab or a carriage return) gets a leading `'`, so that a township's name
/// or a sentence never runs as a formula. A CSV field goes through the store's `CSV.field`, the one CSV
/// cell writer of every command; `safe` is the same rule for an XLSX text cell. Numbers are written as
/// numbers, not through this.
public enum CellText {
    public static func safe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// One RFC 4180 field: made safe, then quoted when it holds a comma, quote or line break (`CSV.field`).
    public static func field(_ text: String) -> String { CSV.field(text) }

    /// A line of text fields.
    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }

    /// A number field, which is never prefixed (a negative change is a number, not a formula): no
    /// trailing zeros, up to six decimals, as the report means it.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var s = String(format: "%.6f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
