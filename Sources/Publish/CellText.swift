import Foundation

/// The one cell writer of fazhi's CSV and XLSX outputs: text that a spreadsheet would read as a formula
/// (beginning with = + - @, a tab or a carriage return) gets a leading `'`, so that a township's name
/// or a sentence never runs as a formula in Excel or WPS. Numbers are written as numbers, not through this.
///
/// Branch `hostile` owns the store's formula-safe CSV writer; when it is merged this delegates to it.
public enum CellText {
    public static func safe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// One RFC 4180 field: made safe, then quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        let s = safe(text)
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

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
