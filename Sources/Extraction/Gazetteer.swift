import Foundation

/// China's administrative divisions down to township level (NBS 2023), indexed by code and name.
///
/// Reads `provinces.csv`, `cities.csv`, `areas.csv` and `streets.csv` from a directory, and
/// `traditional.tsv` (traditional → simplified characters) when it is there.
public final class Gazetteer: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case province = 0, city, county, township
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// One administrative unit. `parent` is the index of the unit above (nil for a province).
    public struct Unit: Sendable, Hashable {
        public let index: Int
        public let code: String
        public let name: String
        public let level: Level
        public let parent: Int?
    }

    /// How a name in the index is written.
    enum Form: Int, Sendable {
        /// The official full name: 廉江市, 屏边苗族自治县.
        case full
        /// The full name with the ethnic designation left out: 屏边县, 楚雄州.
        case reduced
        /// The name without its level word: 廉江, 广东, 楚雄. Trusted only where it stands as a place.
        case short
    }

    struct Entry: Sendable {
        let scalars: [Unicode.Scalar]
        /// Units with this name, and the form in which each is written so.
        let units: [Int]
        let forms: [Form]
        /// The most official form among them.
        var form: Form { forms.min { $0.rawValue < $1.rawValue } ?? .short }
        /// Units written so in full or reduced form (the ones a plain scan may trust).
        var officialUnits: [Int] {
            // Most names are official for every unit they name: then the list is `units` itself, not a copy.
            if !forms.contains(.short) { return units }
            return zip(units, forms).filter { $0.1 != .short }.map { $0.0 }
        }
    }

    public let units: [Unit]
    /// Numeric code → unit index (codes of different levels differ in length and never start with 0).
    private let byCode: [Int: Int32]
    let entries: [Entry]
    /// Hash of a name's scalars, last to first → entries with that hash (any form).
    private let byHash: [UInt64: [Int32]]
    /// One bit per `byHash` key's low bits: most scanned stretches name nothing, and testing
    /// a bit rules them out without hashing the key into the dictionary.
    private let hashBits: [UInt64]
    private static let hashBitCount = 1 << 21
    /// Scalars (below U+10000) that end some full or reduced name.
    private let endsName: [Bool]
    let maxNameLength: Int
    let maxShortLength: Int
    private let traditional: [UInt32: Unicode.Scalar]
    /// `traditional` flattened over the Basic Multilingual Plane (0 where unmapped): every
    /// scanned scalar is looked up, and an array index is much cheaper than hashing.
    private let simplifiedBMP: [UInt32]
    /// The traditional → simplified table over the Basic Multilingual Plane (0 where unmapped), for the
    /// indicator extractor to match its simplified words in traditional text.
    var simplifiedTable: [UInt32] { simplifiedBMP }

    public init(directory: URL) throws {
        var units: [Unit] = []
        var byCode: [Int: Int32] = [:]
        units.reserveCapacity(45_000)
        byCode.reserveCapacity(45_000)
        func load(_ file: String, _ level: Level, parentField: Int?) throws {
            try Gazetteer.forEachRow(directory.appendingPathComponent(file)) { bytes, fields in
                guard fields.count >= 2, let number = Gazetteer.integer(bytes, fields[0]) else { return }
                var parent: Int?
                if let p = parentField, p < fields.count, let code = Gazetteer.integer(bytes, fields[p]) {
                    parent = byCode[code].map(Int.init)
                }
                let code = String(decoding: bytes[fields[0]], as: UTF8.self)
                let name = String(decoding: bytes[fields[1]], as: UTF8.self)
                byCode[number] = Int32(units.count)
                units.append(Unit(index: units.count, code: code, name: name, level: level, parent: parent))
            }
        }
        try load("provinces.csv", .province, parentField: nil)
        try load("cities.csv", .city, parentField: 2)
        try load("areas.csv", .county, parentField: 2)
        try load("streets.csv", .township, parentField: 2)
        self.units = units
        self.byCode = byCode

        // Every name in every form, grouped by its scalars.
        var entries: [Entry] = []
        var units0: [[Int]] = []
        var forms0: [[Form]] = []
        var byHash: [UInt64: [Int32]] = [:]
        entries.reserveCapacity(50_000)
        byHash.reserveCapacity(50_000)
        var scalarsOf: [[Unicode.Scalar]] = []
        func index(_ scalars: [Unicode.Scalar], _ form: Form, _ unit: Int) {
            let hash = Gazetteer.hash(scalars[...])
            if let ids = byHash[hash] {
                for id in ids where scalarsOf[Int(id)] == scalars {
                    units0[Int(id)].append(unit)
                    forms0[Int(id)].append(form)
                    return
                }
            }
            byHash[hash, default: []].append(Int32(scalarsOf.count))
            scalarsOf.append(scalars)
            units0.append([unit])
            forms0.append([form])
        }
        let zhen: Unicode.Scalar = "镇", xiang: Unicode.Scalar = "乡"
        let jiedao = Array("街道".unicodeScalars), sumu = Array("苏木".unicodeScalars), diqu = Array("地区".unicodeScalars)
        for unit in units {
            let scalars = Array(unit.name.unicodeScalars)
            switch unit.level {
            case .township:
                // Townships proper: 镇, 乡, 街道, 苏木 (and Beijing's 地区); two-character names
                // (张镇) are too easily part of ordinary words.
                guard scalars.count >= 3 else { continue }
                let last = scalars[scalars.count - 1]
                let tail = scalars[(scalars.count - 2)...]
                guard last == zhen || last == xiang || tail.elementsEqual(jiedao) || tail.elementsEqual(sumu)
                        || tail.elementsEqual(diqu) else { continue }
                index(scalars, .full, unit.index)
                // 黄石街 for 黄石街道: how many cities write their streets in running text and titles.
                if tail.elementsEqual(jiedao) && scalars.count >= 4 {
                    index(Array(scalars.dropLast()), .reduced, unit.index)
                }
            default:
                if unit.level == .city, unit.name == "市辖区" || unit.name == "县" || unit.name.hasSuffix("行政区划") {
                    continue
                }
                index(scalars, .full, unit.index)
                for (alias, form) in Gazetteer.aliases(of: unit.name, level: unit.level) {
                    index(Array(alias.unicodeScalars), form, unit.index)
                }
            }
        }
        var endsName = [Bool](repeating: false, count: 0x10000)
        var maxNameLength = 0
        var maxShortLength = 0
        for id in scalarsOf.indices {
            let entry = Entry(scalars: scalarsOf[id], units: units0[id], forms: forms0[id])
            entries.append(entry)
            if entry.form == .short {
                maxShortLength = max(maxShortLength, entry.scalars.count)
            } else {
                maxNameLength = max(maxNameLength, entry.scalars.count)
                if let last = entry.scalars.last, last.value < 0x10000 { endsName[Int(last.value)] = true }
            }
        }
        self.entries = entries
        self.byHash = byHash
        var hashBits = [UInt64](repeating: 0, count: Gazetteer.hashBitCount / 64)
        for hash in byHash.keys { Gazetteer.setBit(&hashBits, hash) }
        self.hashBits = hashBits
        self.endsName = endsName
        self.maxNameLength = maxNameLength
        self.maxShortLength = maxShortLength

        var traditional: [UInt32: Unicode.Scalar] = [:]
        let table = directory.appendingPathComponent("traditional.tsv")
        if let text = try? String(contentsOf: table, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let pair = line.split(separator: "\t")
                guard pair.count >= 2, let from = pair[0].unicodeScalars.first,
                      let to = pair[1].unicodeScalars.first else { continue }
                traditional[from.value] = to
            }
        }
        self.traditional = traditional
        var flat = [UInt32](repeating: 0, count: 0x10000)
        for (from, to) in traditional where from < 0x10000 { flat[Int(from)] = to.value }
        self.simplifiedBMP = flat
    }

    /// Hash of scalars taken last to first (so a scan can extend it backwards one scalar at a time).
    static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h = hashSeed
        for scalar in scalars.reversed() { h = mix(h, scalar) }
        return h
    }

    private func entryID(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let ids = byHash[Gazetteer.hash(scalars)] else { return nil }
        for id in ids where entries[Int(id)].scalars.elementsEqual(scalars) { return Int(id) }
        return nil
    }

    private func entryID(_ name: String) -> Int? { entryID(Array(name.unicodeScalars)[...]) }

    // MARK: - Locating the data

    /// Finds Data/gazetteer: `$FAZHI_DATA/gazetteer`, then `./Data/gazetteer`, then walking up
    /// from the executable's directory.
    public static func locateDirectory() -> URL? {
        DataDirectory.locate(containing: "gazetteer/streets.csv")?.appendingPathComponent("gazetteer")
    }

    /// The gazetteer shipped in Data/gazetteer.
    public static func standard() throws -> Gazetteer {
        guard let directory = locateDirectory() else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey:
                "找不到行政区划数据 Data/gazetteer (gazetteer not found; run fazhi from the project folder or set FAZHI_DATA)"])
        }
        return try Gazetteer(directory: directory)
    }

    // MARK: - Lookups

    public func unit(code: String) -> Unit? {
        guard let number = Int(code), let i = byCode[number], units[Int(i)].code == code else { return nil }
        return units[Int(i)]
    }

    public func parent(of unit: Unit) -> Unit? { unit.parent.map { units[$0] } }

    /// The unit at `level` above (or equal to) `unit`.
    public func ancestor(of unit: Unit, at level: Level) -> Unit? {
        var current: Unit? = unit
        while let u = current, u.level > level { current = parent(of: u) }
        return current?.level == level ? current : nil
    }

    /// Units named `name` at a level, in the official full form only.
    public func units(named name: String, level: Level) -> [Unit] {
        guard let id = entryID(name) else { return [] }
        let e = entries[id]
        return zip(e.units, e.forms).filter { $0.1 == .full }.map { units[$0.0] }.filter { $0.level == level }
    }

    public func townships(named name: String) -> [Unit] { units(named: name, level: .township) }

    /// Counties by full name (屏边苗族自治县), by the name without the ethnic designation
    /// (屏边县) or by the short name (屏边, 廉江).
    public func counties(named name: String) -> [Unit] { anyForm(name, .county) }
    public func cities(named name: String) -> [Unit] { anyForm(name, .city) }
    public func provinces(named name: String) -> [Unit] { anyForm(name, .province) }

    private func anyForm(_ name: String, _ level: Level) -> [Unit] {
        guard let id = entryID(name) else { return [] }
        return entries[id].units.map { units[$0] }.filter { $0.level == level }
    }

    func entry(named name: String) -> Entry? { entryID(name).map { entries[$0] } }

    /// The name shown for a unit's city: the municipality itself for 北京/上海/天津/重庆, nil for
    /// counties directly under a province (省直辖县级行政区划).
    public func cityName(of unit: Unit) -> String? {
        guard let city = ancestor(of: unit, at: .city) else { return nil }
        if city.name == "市辖区" || city.name == "县" { return ancestor(of: unit, at: .province)?.name }
        if city.name.hasSuffix("行政区划") { return nil }
        return city.name
    }

    /// Simplified form of a scalar where the traditional table knows it.
    public func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        guard v < 0x10000 else { return traditional[v] ?? scalar }
        let to = simplifiedBMP[Int(v)]
        return to == 0 ? scalar : Unicode.Scalar(to)!
    }

    // MARK: - Scanning

    /// Full or reduced names that end at `end` (inclusive) in `text`, longest first.
    func names(endingAt end: Int, in text: [Unicode.Scalar]) -> [(start: Int, entry: Int)] {
        let last = text[end].value
        guard last < 0x10000, endsName[Int(last)] else { return [] }
        var found: [(start: Int, entry: Int)] = []
        var hash = Gazetteer.hashSeed
        var k = 0
        while k < maxNameLength && end - k >= 0 {
            let scalar = text[end - k]
            if !Gazetteer.isHan(scalar) && scalar != "（" && scalar != "）" { break }
            hash = Gazetteer.mix(hash, scalar)
            k += 1
            if k >= 2, mayHave(hash), let ids = byHash[hash] {
                for id in ids {
                    let e = entries[Int(id)]
                    if e.form != .short && e.scalars.count == k && text[(end - k + 1)...end].elementsEqual(e.scalars) {
                        found.append((end - k + 1, Int(id)))
                    }
                }
            }
        }
        return found.reversed()
    }

    /// A short name of a unit (廉江, 广东) ending exactly before `end` (exclusive), longest first.
    func shortNamesEnding(before end: Int, in text: [Unicode.Scalar]) -> [(start: Int, entry: Int)] {
        var found: [(start: Int, entry: Int)] = []
        var hash = Gazetteer.hashSeed
        var k = 0
        while k < maxShortLength && end - k - 1 >= 0 {
            let scalar = text[end - k - 1]
            if !Gazetteer.isHan(scalar) { break }
            hash = Gazetteer.mix(hash, scalar)
            k += 1
            if k >= 2, mayHave(hash), let ids = byHash[hash] {
                for id in ids {
                    let e = entries[Int(id)]
                    if e.scalars.count == k && text[(end - k)..<end].elementsEqual(e.scalars) && e.forms.contains(.short) {
                        found.append((end - k, Int(id)))
                    }
                }
            }
        }
        return found.reversed()
    }

    private static func setBit(_ bits: inout [UInt64], _ hash: UInt64) {
        let bit = Int(hash & UInt64(hashBitCount - 1))
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// False when no name has this hash; true when one may.
    @inline(__always) private func mayHave(_ hash: UInt64) -> Bool {
        let bit = Int(hash & UInt64(Gazetteer.hashBitCount - 1))
        return hashBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
            || (0x20000...0x2FFFF).contains(s.value)
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func mix(_ h: UInt64, _ s: Unicode.Scalar) -> UInt64 {
        (h ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3
    }

    // MARK: - Aliases

    static let ethnicGroups: [String] = [
        "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
        "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
        "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
        "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
        "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
    ].sorted { $0.count > $1.count }

    /// Strips trailing `…族` designations: 屏边苗族 → 屏边, 彭水苗族土家族 → 彭水.
    static func stripEthnic(_ stem: String) -> String {
        var s = stem
        var changed = true
        while changed && s.hasSuffix("族") {
            changed = false
            let body = String(s.dropLast())
            for group in ethnicGroups where body.hasSuffix(group) && body.count > group.count {
                s = String(body.dropLast(group.count))
                changed = true
                break
            }
        }
        return s
    }

    static func aliases(of name: String, level: Level) -> [(String, Form)] {
        var out: [(String, Form)] = []
        switch level {
        case .province:
            for suffix in ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
                let stem = String(name.dropLast(suffix.count))
                if stem.count >= 2 { out.append((stem, .short)) }
                break
            }
        case .city:
            if name.hasSuffix("自治州") {
                let stem = stripEthnic(String(name.dropLast(3)))
                if stem.count >= 2 { out.append((stem + "州", .reduced)); out.append((stem, .short)) }
            } else if name.hasSuffix("地区") {
                let stem = String(name.dropLast(2))
                if stem.count >= 2 { out.append((stem, .short)) }
            } else if name.hasSuffix("市") || name.hasSuffix("盟") {
                let stem = String(name.dropLast())
                if stem.count >= 2 { out.append((stem, .short)) }
            }
        case .county:
            if name.hasSuffix("自治县") || name.hasSuffix("自治旗") {
                let level = String(name.suffix(1))
                let stem = stripEthnic(String(name.dropLast(3)))
                if stem.count >= 2 && stem != name { out.append((stem + level, .reduced)); out.append((stem, .short)) }
            } else if name.hasSuffix("新区") {
                let stem = String(name.dropLast(2))
                if (2...3).contains(stem.count) { out.append((stem, .short)) }
            } else if let last = name.last, "县区市旗".contains(last) {
                let stem = String(name.dropLast())
                if (2...3).contains(stem.count) && !stem.hasSuffix("开发") && !stem.hasSuffix("管理") {
                    out.append((stem, .short))
                }
            }
        case .township:
            break
        }
        return out
    }

    // MARK: - CSV

    /// Calls `body` with the bytes of a simple CSV file and the byte ranges of each data row's
    /// fields (quotes stripped; the header row skipped; no quotes or commas inside fields).
    static func forEachRow(_ url: URL, _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) throws -> Void) throws {
        let data = try Data(contentsOf: url)
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fields: [Range<Int>] = []
            fields.reserveCapacity(8)
            var fieldStart = 0
            var header = true
            var i = 0
            let n = bytes.count
            func close(_ end: Int) {
                var a = fieldStart, b = end
                if b > a && bytes[b - 1] == UInt8(ascii: "\r") { b -= 1 }
                if b - a >= 2 && bytes[a] == UInt8(ascii: "\"") && bytes[b - 1] == UInt8(ascii: "\"") { a += 1; b -= 1 }
                fields.append(a..<b)
            }
            while i <= n {
                let b = i < n ? bytes[i] : UInt8(ascii: "\n")
                if b == UInt8(ascii: ",") {
                    close(i)
                    fieldStart = i + 1
                } else if b == UInt8(ascii: "\n") {
                    close(i)
                    if header { header = false } else if !(fields.count == 1 && fields[0].isEmpty) { try body(bytes, fields) }
                    fields.removeAll(keepingCapacity: true)
                    fieldStart = i + 1
                }
                i += 1
            }
        }
    }

    /// The decimal number a field holds.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var v = 0
        for i in range {
            let d = Int(bytes[i]) - 48
            guard (0...9).contains(d) else { return nil }
            v = v * 10 + d
        }
        return v
    }
}
