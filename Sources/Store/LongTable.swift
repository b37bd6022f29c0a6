import Foundation

public struct StoreError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The long table that `fazhi export` writes and `fazhi import` reads: one value a row.
public enum LongTable {
    public static let columns = ["township", "county", "city", "province", "year", "indicator", "value", "unit",
                                 "qualifier", "source", "derived"]

    /// UTF-8 with a BOM, so that Excel and WPS on Chinese Windows read it as UTF-8.
    public static func csv(_ values: [StoredValue]) -> Data {
        var text = "\u{FEFF}" + CSV.line(columns)
        for v in values {
            text += CSV.line([v.township ?? "", v.county ?? "", v.city ?? "", v.province ?? "",
                              v.year.map(String.init) ?? "", v.indicator, formatNumber(v.value), v.unit,
                              v.qualifier, v.source, v.derived ? "true" : "false"])
        }
        return Data(text.utf8)
    }

    public static func json(_ values: [StoredValue]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(values) + Data("\n".utf8)
    }

    /// Reads a long table in CSV; fails with the line number of the first bad row.
    public static func parseCSV(_ data: Data) throws -> [StoredValue] {
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError("不是 UTF-8 文本 (not UTF-8 text)") }
        let (header, rows) = CSV.records(text)
        for required in ["township", "county", "year", "indicator", "value"] where !header.contains(required) {
            throw StoreError("缺少列 \(required) (missing column \(required))")
        }
        return try rows.enumerated().map { i, r in
            func text(_ k: String) -> String? { r[k].flatMap { $0.isEmpty ? nil : $0 } }
            guard let indicator = text("indicator"), let value = text("value").flatMap(Double.init) else {
                throw StoreError("第 \(i + 2) 行缺少指标或数值 (line \(i + 2): no indicator or value)")
            }
            let year: Int? = try text("year").map {
                guard let y = Int($0) else { throw StoreError("第 \(i + 2) 行年份无效 (line \(i + 2): bad year \($0))") }
                return y
            }
            return StoredValue(township: text("township"), county: text("county"), city: text("city"),
                               province: text("province"), year: year, indicator: indicator, value: value,
                               unit: r["unit"] ?? "", qualifier: text("qualifier") ?? "exact",
                               source: r["source"] ?? "", derived: r["derived"] == "true")
        }
    }
}

/// `Data/corrections.csv`: township,county,year,indicator,value,note.
public enum CorrectionsFile {
    public static let header = ["township", "county", "year", "indicator", "value", "note"]

    public static func load(_ url: URL) throws -> [Correction] {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError("\(url.path): 不是 UTF-8 文本 (not UTF-8 text)") }
        let (head, rows) = CSV.records(text)
        for column in header.dropLast() where !head.contains(column) {
            throw StoreError("\(url.path): 缺少列 \(column) (missing column \(column))")
        }
        return try rows.enumerated().map { i, r in
            guard let township = r["township"], !township.isEmpty,
                  let year = r["year"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                  let indicator = r["indicator"], !indicator.isEmpty,
                  let value = r["value"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw StoreError("\(url.path): 第 \(i + 2) 行无效 (line \(i + 2) is not a valid correction)")
            }
            return Correction(township: township, county: r["county"] ?? "", year: year, indicator: indicator,
                              value: value, note: r["note"] ?? "")
        }
    }

    /// Appends one row, writing the header first if the file is new or empty.
    public static func append(_ c: Correction, to url: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var text = ""
        let existing = (try? Data(contentsOf: url)) ?? Data()
        if existing.isEmpty { text += CSV.line(header) }
        else if existing.last != UInt8(ascii: "\n") { text += "\n" }
        text += CSV.line([c.township, c.county, String(c.year), c.indicator, formatNumber(c.value), c.note])
        if !fm.fileExists(atPath: url.path) { _ = fm.createFile(atPath: url.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
