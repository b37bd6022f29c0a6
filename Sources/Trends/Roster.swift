import Extraction
import Foundation
import Store

/// The townships a region should report: what coverage is counted against, and who shows as 未报送
/// (sent nothing) in rankings, heatmaps and the briefing.
///
/// A county's list comes from a roster file a user can edit (`township,county,city,province`, UTF-8,
/// header line; city and province may be empty) when the file names that county, else from the
/// gazetteer's townships of that county. A county neither knows has no roster: its coverage is counted
/// against the townships the store holds for it, and says so (`fromRoster` is false).
public struct Roster: Sendable, Equatable {
    /// Every expected township, in place order.
    public let places: [Place]
    /// The counties the roster covers, and where each county's list came from (the file's path, or
    /// `行政区划表` for the gazetteer).
    public let sourceOfCounty: [String: String]

    public init(places: [Place], sourceOfCounty: [String: String]) {
        self.places = places.sorted()
        self.sourceOfCounty = sourceOfCounty
    }

    public static let empty = Roster(places: [], sourceOfCounty: [:])

    /// Whether the roster lists the townships of this county.
    public func covers(county: String?) -> Bool { county.map { sourceOfCounty[$0] != nil } ?? false }

    /// A roster file's townships. Throws `RosterError` naming the file and line for a line without a
    /// township or county, or for a file without the `township` and `county` columns.
    public static func read(csv url: URL) throws -> [Place] {
        // The store's strict reader: an unterminated quote is an error at its line, and a roster saved by
        // Excel on Chinese Windows (GB18030) reads as well as UTF-8.
        var rows: [[String]] = []
        var lines: [Int] = []
        do {
            let reader = try StrictCSVReader(url: url)
            while let record = try reader.next() {
                rows.append(record.fields)
                lines.append(record.line)
            }
        } catch let error as CSVSyntaxError {
            throw RosterError(file: url.path, reason: .syntax(error.line, error.reason))
        } catch {
            throw RosterError(file: url.path, reason: .unreadable)
        }
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let t = header.firstIndex(where: { $0 == "township" || $0 == "镇街" }),
              let c = header.firstIndex(where: { $0 == "county" || $0 == "县区" }) else {
            throw RosterError(file: url.path, reason: .noHeader)
        }
        let city = header.firstIndex { $0 == "city" || $0 == "市" }, province = header.firstIndex { $0 == "province" || $0 == "省" }
        func field(_ row: [String], _ i: Int?) -> String? {
            guard let i, i < row.count else { return nil }
            let s = row[i].trimmingCharacters(in: .whitespaces)
            return s.isEmpty ? nil : s
        }
        var places: [Place] = []
        for (n, row) in rows.enumerated().dropFirst() {
            guard let township = field(row, t), let county = field(row, c) else {
                throw RosterError(file: url.path, reason: .incompleteLine(lines[n]))
            }
            places.append(Place(township: township, county: county, city: field(row, city), province: field(row, province)))
        }
        return places
    }

    /// A roster file's text for these places: what `fazhi sample` writes for its county.
    public static func csv(_ places: [Place]) -> String {
        "township,county,city,province\n" + places.map { p in
            CSV.line([p.township, p.county ?? "", p.city ?? "", p.province ?? ""])
        }.joined()
    }

    /// The gazetteer's townships of a county, with its city and province; empty when the gazetteer
    /// does not know the county or cannot tell which of several of that name (the city and province,
    /// when given, settle it).
    public static func townships(of county: String, city: String?, province: String?, in gazetteer: Gazetteer) -> [Place] {
        let candidates = gazetteer.counties(named: county).filter { unit in
            (city == nil || gazetteer.cityName(of: unit) == city)
                && (province == nil || gazetteer.ancestor(of: unit, at: .province)?.name == province)
        }
        guard candidates.count == 1, let unit = candidates.first else { return [] }
        let cityName = gazetteer.cityName(of: unit), provinceName = gazetteer.ancestor(of: unit, at: .province)?.name
        return gazetteer.units.filter { $0.level == .township && $0.parent == unit.index }.map {
            Place(township: $0.name, county: county, city: city ?? cityName, province: province ?? provinceName)
        }
    }

    /// The roster for the counties these places are in: a county the file lists from the file, any other
    /// from the gazetteer when it knows the county.
    public static func build(file: [Place], fileName: String, gazetteer: Gazetteer?, counties places: [Place]) -> Roster {
        var byCounty: [String: [Place]] = [:]
        for p in file { if let c = p.county { byCounty[c, default: []].append(p) } }
        var source = Dictionary(uniqueKeysWithValues: byCounty.keys.map { ($0, fileName) })
        var all = file
        if let gazetteer {
            var seen = Set<String>()
            for p in places {
                guard let county = p.county, byCounty[county] == nil, seen.insert(county).inserted else { continue }
                let townships = townships(of: county, city: p.city, province: p.province, in: gazetteer)
                guard !townships.isEmpty else { continue }
                all += townships
                source[county] = "行政区划表"
            }
        }
        return Roster(places: Array(Set(all)), sourceOfCounty: source)
    }
}

/// A roster file that cannot be used: one line, Chinese first, with the file and the reason.
public struct RosterError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case unreadable, noHeader
        case incompleteLine(Int)
        /// Not CSV at this line: an unterminated quote, bytes of no encoding.
        case syntax(Int, String)
    }
    public let file: String
    public let reason: Reason

    public var description: String {
        switch reason {
        case .unreadable: return "\(file)：无法读取名册 (cannot read the roster file)"
        case .noHeader: return "\(file)：名册首行须有 township,county 列 (the first line must name the township and county columns)"
        case .incompleteLine(let n): return "\(file) 第\(n)行：缺少镇街或县区 (line \(n) lacks a township or county)"
        case .syntax(let n, let why): return "\(file) 第\(n)行：\(why)"
        }
    }
}
