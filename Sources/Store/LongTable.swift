import Foundation

public struct StoreError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The long table that `fazhi export` writes and `fazhi import` reads: one value a row.
public enum LongTable {
    /// `evidence` is the sentence a report's value came from (empty for imported, derived and corrected-only
    /// values); `reviewed` is true for a value a person decided on (`StoredValue.reviewed`). `import` reads
    /// the columns by name and needs neither. New columns go at the end, so a reader by position still works.
    public static let columns = ["township", "county", "city", "province", "year", "indicator", "value", "unit",
                                 "qualifier", "source", "derived", "evidence", "reviewed"]

    /// The header line, after a BOM, so that Excel and WPS on Chinese Windows read the file as UTF-8.
    public static let csvHeader = "\u{FEFF}" + CSV.line(columns)

    /// One value as a CSV line (formula-safe cells).
    public static func csvLine(_ v: StoredValue) -> String {
        CSV.line([v.township ?? "", v.county ?? "", v.city ?? "", v.province ?? "",
                  v.year.map(String.init) ?? "", v.indicator, formatNumber(v.value), v.unit,
                  v.qualifier, v.source, v.derived ? "true" : "false", v.evidence ?? "",
                  v.reviewed ? "true" : "false"])
    }

    /// UTF-8 with a BOM, so that Excel and WPS on Chinese Windows read it as UTF-8.
    public static func csv(_ values: [StoredValue]) -> Data {
        var text = csvHeader
        for v in values { text += csvLine(v) }
        return Data(text.utf8)
    }

    public static func json(_ values: [StoredValue]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(values) + Data("\n".utf8)
    }
}
