/// Where a report comes from and which year it covers. A field the text and the
/// gazetteer together cannot settle is nil, never a guess.
public struct ReportMetadata: Sendable, Equatable, Codable {
    public var township: String?
    public var county: String?
    public var city: String?
    public var province: String?
    /// The year the report covers, not the year it was published.
    public var year: Int?

    public init(township: String? = nil, county: String? = nil, city: String? = nil,
                province: String? = nil, year: Int? = nil) {
        self.township = township
        self.county = county
        self.city = city
        self.province = province
        self.year = year
    }
}
