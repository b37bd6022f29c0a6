/// What a number written in a report stands for.
public enum NumberRole: String, Sendable, Codable {
    /// An amount of something: 158件, 2万余份, 一百二十三件, 40 起.
    case quantity
    /// A percentage: 96%, ９６％, 百分之九十六, 百分之百.
    case percent
    /// A year (2024年, 2021—2025年) or a date (2025-01-06, 3月15日, 2025年1月).
    case date
    /// A document or index number: 龙政〔2024〕58号, 索引号 pieces.
    case documentNumber
    /// A list marker or ordinal: 一是, (三), 第一, 1.
    case listMarker
    /// A name that contains a number: 二十大, “1+6+N”, “八五”普法, 12345热线, 4·15.
    case name
}

/// A word beside a number that changes what it claims.
public enum Qualifier: String, Sendable, Codable, CaseIterable {
    case exact
    /// 余, 多, 超, 逾, 超过: more than the number.
    case moreThan = "more_than"
    /// 约, 左右, 大约: about the number.
    case about
    /// 近, 将近: nearly the number.
    case nearly
    /// 不少于, 至少, 以上: at least the number. 以上 counts the number itself (民法典第一千二百五十九条:
    /// “以上”“以下”“以内”包括本数), so `保持在97%以上` is at least 97.
    case atLeast = "at_least"
    /// 不超过, 最多, 以下, 以内: at most the number (an upper bound, never read as a lower one).
    case atMost = "at_most"
    /// 不足, 不到, 少于, 低于: less than the number.
    case lessThan = "less_than"
}

/// One number found in normalized text.
public struct NumberToken: Sendable, Equatable {
    /// The scalars of the number as written (digits or numerals, 万, %, 百分之…), without
    /// the qualifier words and the measure word: `2万` of `发放宣传资料2万余份`.
    public var range: Range<Int>
    /// The value: 20000 for 2万; 96 for 96% (a percentage is the number shown).
    public var value: Double
    public var role: NumberRole
    public var qualifier: Qualifier
    /// The scalars of the qualifier words before and after, where there are any.
    public var qualifierRange: Range<Int>?

    public init(range: Range<Int>, value: Double, role: NumberRole,
                qualifier: Qualifier = .exact, qualifierRange: Range<Int>? = nil) {
        self.range = range
        self.value = value
        self.role = role
        self.qualifier = qualifier
        self.qualifierRange = qualifierRange
    }
}
