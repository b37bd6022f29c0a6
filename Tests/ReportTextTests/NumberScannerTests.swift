import Foundation
import Testing
@testable import ReportText

/// One expected number: the text as written, its value, role and qualifier.
struct Expected: Sendable, CustomTestStringConvertible {
    var input: String
    var written: String
    var value: Double
    var role: NumberRole
    var qualifier: Qualifier
    var qualifierWords: String?

    init(_ input: String, _ written: String, _ value: Double, _ role: NumberRole = .quantity,
         _ qualifier: Qualifier = .exact, _ qualifierWords: String? = nil) {
        self.input = input
        self.written = written
        self.value = value
        self.role = role
        self.qualifier = qualifier
        self.qualifierWords = qualifierWords
    }

    var testDescription: String { "\(input) → \(written)" }
}

private func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
    String(String.UnicodeScalarView(scalars[range]))
}

/// (written, value, role) of every token in `input`.
private func tokens(_ input: String) -> [(String, Double, NumberRole)] {
    let scalars = Array(input.unicodeScalars)
    return NumberScanner.scan(scalars[...]).map { (text(scalars, $0.range), $0.value, $0.role) }
}

private func describe(_ input: String) -> String {
    tokens(input).map { "\($0.0)=\($0.1)/\($0.2.rawValue)" }.joined(separator: " ")
}

// MARK: - Quantities and percents, one number each

@Test(arguments: [
    Expected("排查化解矛盾纠纷158件", "158", 158),
    Expected("化解各类矛盾纠纷241起", "241", 241),
    Expected("调解矛盾纠纷 40 起", "40", 40),
    Expected("解答群众法律咨询800余人次", "800", 800, .quantity, .moreThan, "余"),
    Expected("发放宣传资料2万余份", "2万", 20000, .quantity, .moreThan, "余"),
    Expected("发放宣传资料10余万份", "10余万", 100000, .quantity, .moreThan, "余"),
    Expected("覆盖群众1万多人", "1万", 10000, .quantity, .moreThan, "多"),
    Expected("投入资金1.5万元", "1.5万", 15000),
    Expected("总额3.5亿元", "3.5亿", 350_000_000),
    Expected("金额100万三千元", "100万三千", 1_003_000),
    Expected("办理一百二十三件", "一百二十三", 123),
    Expected("覆盖3千人", "3千", 3000),
    Expected("惠及2万五千人", "2万五千", 25000),
    Expected("连续3年获评", "3", 3),
    Expected("实施三年行动", "三", 3),
    Expected("服务24小时", "24", 24),
    Expected("为期3个月", "3", 3),
    Expected("超1000人", "1000", 1000, .quantity, .moreThan, "超"),
    Expected("十来个村", "十", 10, .quantity, .about, "来"),
    Expected("壹仟贰佰元", "壹仟贰佰", 1200),
    Expected("一起案件", "一", 1),
    Expected("已核查处理26宗", "26", 26),
    Expected("印发两千六百份", "两千六百", 2600),
    Expected("印发两千六份", "两千六", 2600),
    Expected("培训三万五千余人次", "三万五千", 35000, .quantity, .moreThan, "余"),
    Expected("培训三万五人次", "三万五", 35000),
    Expected("开展十余场", "十", 10, .quantity, .moreThan, "余"),
    Expected("惠及群众十多万人", "十多万", 100000, .quantity, .moreThan, "多"),
    Expected("培训三万余人", "三万", 30000, .quantity, .moreThan, "余"),
    Expected("开展二十多场", "二十", 20, .quantity, .moreThan, "多"),
    Expected("举办近百场讲座", "百", 100, .quantity, .nearly, "近"),
    Expected("约300人参加", "300", 300, .quantity, .about, "约"),
    Expected("大约300人参加", "300", 300, .quantity, .about, "大约"),
    Expected("500人左右参加", "500", 500, .quantity, .about, "左右"),
    Expected("超过1000份", "1000", 1000, .quantity, .moreThan, "超过"),
    Expected("逾200人", "200", 200, .quantity, .moreThan, "逾"),
    Expected("将近80宗", "80", 80, .quantity, .nearly, "将近"),
    Expected("不少于12次", "12", 12, .quantity, .atLeast, "不少于"),
    Expected("至少3次", "3", 3, .quantity, .atLeast, "至少"),
    Expected("培训1000人以上", "1000", 1000, .quantity, .atLeast, "以上"),
    Expected("共召开会议38次", "38", 38),
    Expected("法律明白人达112人", "112", 112),
    Expected("办理各类事项1,152件", "1,152", 1152),
    Expected("资金12,345,678元", "12,345,678", 12_345_678),
    Expected("开展一次培训", "一", 1),
    Expected("组织两场活动", "两", 2),
    Expected("设立三个工作室", "三", 3),
    Expected("签约3家企业", "3", 3),
    Expected("最近5次检查", "5", 5),
    Expected("化解率达90.52%", "90.52%", 90.52, .percent),
    Expected("满意率96%", "96%", 96, .percent),
    Expected("满意率96 %", "96 %", 96, .percent),
    Expected("满意率95%以上", "95%", 95, .percent, .atLeast, "以上"),
    Expected("满意率百分之九十六", "百分之九十六", 96, .percent),
    Expected("满意率百分之九十点五二", "百分之九十点五二", 90.52, .percent),
    Expected("覆盖率达百分之百", "百分之百", 100, .percent),
    Expected("覆盖率近百分之百", "百分之百", 100, .percent, .nearly, "近"),
])
func scanFindsOneQuantityOrPercentWithItsQualifier(_ e: Expected) {
    let scalars = Array(e.input.unicodeScalars)
    let found = NumberScanner.scan(scalars[...])
    #expect(found.count == 1, "\(describe(e.input))")
    guard let token = found.first else { return }
    #expect(text(scalars, token.range) == e.written)
    #expect(abs(token.value - e.value) < 1e-9)
    #expect(token.role == e.role)
    #expect(token.qualifier == e.qualifier)
    #expect(token.qualifierRange.map { text(scalars, $0) } == e.qualifierWords)
}

// MARK: - Non-counts

@Test(arguments: [
    // dates
    Expected("2024年,良垌镇坚持", "2024", 2024, .date),
    Expected("关于2022年度法治政府", "2022", 2022, .date),
    Expected("发布日期:2025-01-06", "2025", 2025, .date),
    Expected("截至3月", "3", 3, .date),
    Expected("于6日召开", "6", 6, .date),
    Expected("二〇二四年工作", "二〇二四", 2024, .date),
    Expected("截至十二月", "十二", 12, .date),
    // document numbers
    Expected("索引号: 11440881007109850C/2025-00001", "11440881007109850", 11440881007109850, .documentNumber),
    Expected("第58号", "58", 58, .documentNumber),
    Expected("联系电话:0759-1234567", "0759", 759, .documentNumber),
    Expected("电话 87654321", "87654321", 87654321, .documentNumber),
    // list markers
    Expected("一是坚持", "一", 1, .listMarker),
    Expected("二是紧密围绕", "二", 2, .listMarker),
    Expected("(三)依法决策", "三", 3, .listMarker),
    Expected("(3)依法决策", "3", 3, .listMarker),
    Expected("推进第一议题", "一", 1, .listMarker),
    Expected("履行第一责任人职责", "一", 1, .listMarker),
    Expected("一、主要举措", "一", 1, .listMarker),
    Expected("存在问题\n1.思想认识方面。", "1", 1, .listMarker),
    Expected("改进措施\n2、创新宣传方式", "2", 2, .listMarker),
    Expected("其一,加强领导", "一", 1, .listMarker),
    Expected("第3次会议", "3", 3, .listMarker),
    // names
    Expected("党的二十大精神", "二十", 20, .name),
    Expected("十九届四中", "十九", 19, .name),
    Expected("“八五”普法规划", "八五", 85, .name),
    Expected("落实八五普法规划", "八五", 85, .name),
    Expected("拨打12345热线", "12345", 12345, .name),
    Expected("咨询12348。", "12348", 12348, .name),
    Expected("拨打110", "110", 110, .name),
    Expected("110报警电话", "110", 110, .name),
    Expected("12348公共法律服务热线", "12348", 12348, .name),
    Expected("紧密围绕省委“1310”具体部署", "1310", 1310, .name),
    Expected("领悟“两个确立”的决定性意义", "两", 2, .name),
    Expected("增强“四个意识”", "四", 4, .name),
    Expected("“十四五”规划", "十四五", 0, .name),
    Expected("依托“12.4”国家宪法日", "12.4", 12.4, .name),
])
func scanClassifiesNonCounts(_ e: Expected) {
    let scalars = Array(e.input.unicodeScalars)
    let found = NumberScanner.scan(scalars[...])
    #expect(!found.isEmpty, "\(describe(e.input))")
    guard let token = found.first else { return }
    #expect(text(scalars, token.range) == e.written, "\(describe(e.input))")
    #expect(abs(token.value - e.value) < 1e-9)
    #expect(token.role == e.role, "\(describe(e.input))")
    #expect(token.qualifier == .exact)
}

/// Forms with several numbers: every number as written with its role.
@Test(arguments: [
    ("龙政〔2024〕58号", "2024=2024.0/documentNumber 58=58.0/documentNumber"),
    ("龙政[2024]58号", "2024=2024.0/documentNumber 58=58.0/documentNumber"),
    ("龙政(2024)58号", "2024=2024.0/documentNumber 58=58.0/documentNumber"),
    ("纲要(2021—2025年)", "2021=2021.0/date 2025=2025.0/date"),
    ("纲要(2021-2025年)", "2021=2021.0/date 2025=2025.0/date"),
    ("成文日期: 2025-01-06", "2025=2025.0/date 01=1.0/date 06=6.0/date"),
    ("2025.01.06发布", "2025=2025.0/date 01=1.0/date 06=6.0/date"),
    ("2025年1月6日", "2025=2025.0/date 1=1.0/date 6=6.0/date"),
    ("3月15日", "3=3.0/date 15=15.0/date"),
    ("二〇二五年一月六日", "二〇二五=2025.0/date 一=1.0/date 六=6.0/date"),
    ("2025年12月31日", "2025=2025.0/date 12=12.0/date 31=31.0/date"),
    ("《中华人民共和国宪法》", ""),
    ("《三年行动方案》", "三=3.0/name"),
    ("“最后一公里”", "一=1.0/name"),
    ("“一村一法律顾问”", ""),
    ("一、2024 年度法治政府建设", "一=1.0/listMarker 2024=2024.0/date"),
    ("1-6月共受理", "1=1.0/date 6=6.0/date"),
    ("效果不明显;\n\u{a0} 2、在行政决策", "2=2.0/listMarker"),
    ("(一) 依法行政", "一=1.0/listMarker"),
    ("sm09901-1800-2025-00003",
     "09901=9901.0/documentNumber 1800=1800.0/documentNumber 2025=2025.0/documentNumber 00003=3.0/documentNumber"),
    ("二十届三中全会", "二十=20.0/name 三=3.0/name"),
    ("二十届二中、三中全会精神", "二十=20.0/name 二=2.0/name 三=3.0/name"),
    ("“1+6+N”机制", "1=1.0/name 6=6.0/name"),
    ("1+6+N机制", "1=1.0/name 6=6.0/name"),
    ("“4·15”国家安全日", "4=4.0/name 15=15.0/name"),
    ("4·15国家安全日", "4=4.0/name 15=15.0/name"),
    ("3・15消费者权益日", "3=3.0/name 15=15.0/name"),
    ("12•4宪法宣传日", "12=12.0/name 4=4.0/name"),
    ("“法律明白人”112名", "112=112.0/quantity"),
    ("受理120件,调解成功118件", "120=120.0/quantity 118=118.0/quantity"),
    ("1,2,3", "1=1.0/quantity 2=2.0/quantity 3=3.0/quantity"),
    ("1234,567件", "1234=1234.0/quantity 567=567.0/quantity"),
    ("抽查3-5家", "3=3.0/quantity 5=5.0/quantity"),
    ("《良垌镇2024年法治政府建设工作要点》", "2024=2024.0/date"),
    ("村乱占耕地建房图斑共89宗,面积32.40亩", "89=89.0/quantity 32.40=32.4/quantity"),
])
func scanClassifiesEveryNumberOfAForm(_ input: String, _ expected: String) {
    #expect(describe(input) == expected)
}

/// A lone 一 inside a word is no number; nor are vague amounts.
@Test(arguments: [
    "开展一些活动", "进一步加强", "权责统一", "一体化推进", "党政一把手", "一站式服务",
    "全面实行一村一法律顾问", "一律公开", "唯一标准", "一线执法", "和群众一起开展",
    "一次性告知", "一条龙服务", "每一宗违法用地", "数十人参加", "千家万户", "十分重视",
    "两委干部", "三清三拆", "零容忍", "之一", "做到“两个维护”".replacingOccurrences(of: "两个", with: "两"),
])
func scanFindsNothingInWordsWithNumerals(_ input: String) {
    #expect(NumberScanner.scan(input).isEmpty, "\(describe(input))")
}

// MARK: - Ranges in a long sentence

@Test func rangesCoverExactlyTheWrittenCharactersInALongSentence() {
    let sentence = "2024年,我镇共开展法治宣传活动40余场,发放宣传资料2万余份,"
        + "排查化解矛盾纠纷158件,调解成功率达96.5%,解答群众法律咨询约800人次,"
        + "其中“法律明白人”112名,培训一百二十三人次,近百场讲座覆盖百分之九十点五二的村(居)。"
    let scalars = Array(sentence.unicodeScalars)
    let found = NumberScanner.scan(scalars[...])
    let written = found.map { text(scalars, $0.range) }
    #expect(written == ["2024", "40", "2万", "158", "96.5%", "800", "112", "一百二十三", "百", "百分之九十点五二"])
    #expect(found.map(\.role) == [.date, .quantity, .quantity, .quantity, .percent, .quantity,
                                   .quantity, .quantity, .quantity, .percent])
    #expect(found.map(\.qualifier) == [.exact, .moreThan, .moreThan, .exact, .exact, .about,
                                        .exact, .exact, .nearly, .exact])
    #expect(found.map(\.value) == [2024, 40, 20000, 158, 96.5, 800, 112, 123, 100, 90.52])
    #expect(found.compactMap { $0.qualifierRange.map { text(scalars, $0) } } == ["余", "余", "约", "近"])
    #expect(zip(found, found.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
}

@Test func indicesAreTheSlicesOwnAbsoluteIndices() {
    let scalars = Array("前言部分。调解矛盾纠纷 40 起".unicodeScalars)
    let slice = scalars[5...]
    let found = NumberScanner.scan(slice)
    #expect(found.count == 1)
    #expect(found.first?.range == 12..<14)
    #expect(NumberScanner.scan(scalars[5..<13]).first?.value == 4)
}

// MARK: - Chinese numerals

@Test(arguments: [
    ("一百二十三", 123.0), ("三万五", 35000), ("两千六", 2600), ("一百二", 120), ("十", 10),
    ("十五", 15), ("二十五", 25), ("壹仟贰佰", 1200), ("一百零五", 105), ("九十点五二", 90.52),
    ("一千零十", 1010), ("二十五万", 250_000), ("三万五千", 35000), ("一亿五", 150_000_000),
    ("百", 100), ("一万二千三百", 12300), ("两", 2), ("零", 0), ("二〇二四", 2024),
    ("叁拾肆", 34), ("十万", 100_000), ("兩萬", 20000),
])
func chineseNumeralValues(_ numeral: String, _ value: Double) {
    let parsed = ChineseNumeral.value(of: numeral)
    #expect(parsed != nil)
    #expect(abs((parsed ?? -1) - value) < 1e-9)
}

@Test(arguments: ["", "十四五", "十百", "一二万三四", "abc", "万万", "点五"])
func chineseNumeralRejectsWhatIsNotANumeral(_ numeral: String) {
    #expect(ChineseNumeral.value(of: numeral) == nil)
}

// MARK: - Real reports

@Test func seedReportsScanWithoutTroubleAndYearsAreDates() throws {
    let dir = TestSupport.repoRoot.appendingPathComponent("Data/reports")
    let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
    let texts = files.filter { $0.pathExtension == "txt" }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    try #require(!texts.isEmpty, "no seed reports found")
    for raw in texts {
        let scalars = TextNormalizer.normalize(raw).scalars
        let found = NumberScanner.scan(scalars[...])
        #expect(found.count > 10)
        var last = -1
        for token in found {
            #expect(token.range.lowerBound >= last && token.range.upperBound <= scalars.count)
            last = token.range.upperBound
            let written = text(scalars, token.range)
            let after = token.range.upperBound < scalars.count ? scalars[token.range.upperBound] : " "
            let isYear = written.count == 4 && (written.hasPrefix("20") || written.hasPrefix("19"))
            if isYear && (after == "年" || (after == " " && token.range.upperBound + 1 < scalars.count
                                            && scalars[token.range.upperBound + 1] == "年")) {
                #expect(token.role == .date, "\(written) in \(raw.prefix(40))")
            }
        }
    }
    // Spot checks on the seeds' own sentences.
    #expect(describe("2024年,良垌镇坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大、二十届二中、三中全会精神")
        == "2024=2024.0/date 二十=20.0/name 二十=20.0/name 二=2.0/name 三=3.0/name")
    #expect(describe("今年以来,镇委党校开展学习党的二十大和二十届三中全会精神2次,党委理论学习中心组开展学习1次,村(社区)开展学习共38次。")
        == "二十=20.0/name 二十=20.0/name 三=3.0/name 2=2.0/quantity 1=1.0/quantity 38=38.0/quantity")
    #expect(describe("召开法治专题讲座40余场。") == "40=40.0/quantity")
}

@Test func scanningALargeInputFindsEveryNumberOfEveryParagraph() {
    let paragraph = "2024年,我镇共开展法治宣传活动40余场,发放宣传资料2万余份,排查化解矛盾纠纷158件,"
        + "进一步加强统一部署,“八五”普法,龙政〔2024〕58号,调解成功率达96.5%,一是坚持,(三)依法决策。\n"
    let scalars = Array(String(repeating: paragraph, count: 20_000).unicodeScalars)
    #expect(NumberScanner.scan(scalars[...]).count == 20_000 * 10)
}

@Test func aBareThousandOrTenThousandAfterNearlyIsANumber() {
    let tokens = NumberScanner.scan("解答法律咨询近千人次，发放资料近万份，数千人参加")
    let values = tokens.filter { $0.role == .quantity }.map(\.value)
    #expect(values == [1000, 10000])
    #expect(tokens.first?.qualifier == .nearly)
}
