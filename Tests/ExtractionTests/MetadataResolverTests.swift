import Foundation
import Testing
import ReportText
@testable import Extraction

func resolve(_ text: String, fileName: String? = nil) -> ReportMetadata {
    MetadataResolver(gazetteer: standardGazetteer).resolve(NormalizedText(identity: text), fileName: fileName)
}

// MARK: - The five sample reports

/// The gold of /work/shared/gold/seeds.json, by sample file name.
let sampleGold: [String: ReportMetadata] = [
    "广东省-廉江市-良垌镇-2024.txt": ReportMetadata(township: "良垌镇", county: "廉江市", city: "湛江市", province: "广东省", year: 2024),
    "贵州省-平坝区-天龙镇-2024.txt": ReportMetadata(township: "天龙镇", county: "平坝区", city: "安顺市", province: "贵州省", year: 2024),
    "广东省-遂溪县-遂城街道-2022.txt": ReportMetadata(township: "遂城街道", county: "遂溪县", city: "湛江市", province: "广东省", year: 2022),
    "广东省-雷州市-北和镇-2022.txt": ReportMetadata(township: "北和镇", county: "雷州市", city: "湛江市", province: "广东省", year: 2022),
    "福建省-泉港区-后龙镇-2024.txt": ReportMetadata(township: "后龙镇", county: "泉港区", city: "泉州市", province: "福建省", year: 2024),
]

func sampleText(_ name: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent("Data/reports/\(name)"), encoding: .utf8)
}

@Test func fiveSampleReportsMatchTheSeedGoldFromTheirTextAlone() throws {
    for (name, gold) in sampleGold {
        // Seed names (000_b993b223cae07d45.txt) say nothing, so resolve without the sample's telling name.
        let meta = resolve(try sampleText(name), fileName: nil)
        #expect(meta == gold, "\(name)")
    }
}

@Test func fiveSampleReportsMatchTheSeedGoldWithTheirFileNames() throws {
    for (name, gold) in sampleGold {
        #expect(resolve(try sampleText(name), fileName: name) == gold, "\(name)")
    }
}

@Test func seedGoldFileAgreesWithTheSamplesWhenPresent() throws {
    let url = sharedDirectory.appendingPathComponent("gold/seeds.json")
    guard let data = try? Data(contentsOf: url) else { return }
    let seeds = try JSONDecoder().decode([GoldReport].self, from: data)
    let sampleOfSeed = ["000": "广东省-廉江市-良垌镇-2024.txt", "001": "贵州省-平坝区-天龙镇-2024.txt",
                        "002": "广东省-遂溪县-遂城街道-2022.txt", "003": "广东省-雷州市-北和镇-2022.txt",
                        "004": "福建省-泉港区-后龙镇-2024.txt"]
    for seed in seeds {
        guard let sample = sampleOfSeed[String(seed.file.prefix(3))] else { continue }
        #expect(resolve(try sampleText(sample)) == seed.metadata, "\(seed.file)")
    }
}

// MARK: - Ambiguity

@Test func townshipInSeveralCountiesWithNoCountyNamedLeavesCountyAndCityNull() {
    // 店上镇 is in 潞城区 and 壶关县, both in 长治市, 山西省: two rows of the gazetteer settle no field
    // (labeling.md), not even the city they share, until the text names it.
    let meta = resolve("店上镇2024年法治政府建设年度报告\n2024年,店上镇深入学习贯彻习近平法治思想,扎实推进法治政府建设。")
    #expect(meta.township == "店上镇")
    #expect(meta.county == nil)
    #expect(meta.city == nil)
    #expect(meta.province == nil)
    let named = resolve("店上镇2024年法治政府建设年度报告\n2024年,在长治市委的领导下,店上镇扎实推进法治政府建设。")
    #expect(named.county == nil)
    #expect(named.city == "长治市")
    #expect(named.province == "山西省")

    // 城关镇 is in dozens of counties in many provinces.
    let wide = resolve("城关镇2024年法治政府建设年度报告\n2024年,城关镇扎实推进法治政府建设。")
    #expect(wide == ReportMetadata(township: "城关镇", county: nil, city: nil, province: nil, year: 2024))
}

@Test func townshipInSeveralCountiesIsResolvedByTheCountyNamed() {
    let meta = resolve("店上镇2024年法治政府建设年度报告\n2024年,在壶关县委、县政府的坚强领导下,店上镇扎实推进法治政府建设。")
    #expect(meta == ReportMetadata(township: "店上镇", county: "壶关县", city: "长治市", province: "山西省", year: 2024))
}

@Test func aPartnerTownsRegionIsNotTheReportsRegion() {
    // 吴家镇 is in 荣昌区 (重庆), 涪城区 (四川) and two counties of 辽宁; the body names a partner town in
    // 四川省, which says nothing about where this report's 吴家镇 is: null, never 涪城区.
    let text = """
    吴家镇人民政府
    关于2025年法治政府建设情况的报告
    2025年,吴家镇全面落实市委、区委关于法治政府建设的决策部署。与四川省内江市石子镇、四川省资阳市安岳县元坝镇等川渝毗邻地区建立政务服务协作机制。
    """
    #expect(resolve(text) == ReportMetadata(township: "吴家镇", county: nil, city: nil, province: nil, year: 2025))
    // The report's own township written with its region in the body still settles it.
    let own = text.replacingOccurrences(of: "2025年,吴家镇全面", with: "2025年,重庆市荣昌区吴家镇全面")
    #expect(resolve(own) == ReportMetadata(township: "吴家镇", county: "荣昌区", city: "重庆市", province: "重庆市", year: 2025))
}

@Test func aTownshipNamedAsAPartnerIsNotTheReports() {
    // A report's body without its head: the townships after 与 … 、 are partners; none is the report's.
    let text = """
    2025年,我镇全面落实市委、区委关于法治政府建设的决策部署。与四川省内江市石子镇、四川省资阳市安岳县元坝镇等川渝毗邻地区建立政务服务协作机制。
    """
    #expect(resolve(text) == ReportMetadata(township: nil, county: nil, city: nil, province: nil, year: 2025))
}

@Test func aClauseRunningIntoALevelWordIsNoTownshipName() {
    let text = "2024年法治政府建设情况\n一是充分发挥镇党委领导作用,成立镇法治建设领导小组。"
    #expect(resolve(text).township == nil)
}

@Test func townshipMentionedInPassingDoesNotWin() {
    let text = """
    廉江市良垌镇人民政府2024年法治政府建设年度报告
    2024年,良垌镇坚持以习近平法治思想为指导。学习借鉴安铺镇、吉水镇的调解经验,与安铺镇开展交流。
    """
    #expect(resolve(text).township == "良垌镇")
}

// MARK: - Forms of names

@Test func shortCountyNameBeforeTheTownshipResolvesTheCounty() {
    let meta = resolve("遂溪河头镇人民政府2025年法治政府建设年度报告\n2025年,河头镇扎实推进法治政府建设。")
    #expect(meta == ReportMetadata(township: "河头镇", county: "遂溪县", city: "湛江市", province: "广东省", year: 2025))
}

@Test func shortCountyNameInsideAnOrdinaryWordIsIgnored() {
    // 河头镇 is in 临海市, 遂溪县, 平远县 and 新兴县; 新兴 here is 新兴产业, not 新兴县.
    let meta = resolve("河头镇2025年法治政府建设年度报告\n2025年,河头镇大力发展新兴产业,扎实推进法治政府建设。")
    #expect(meta.township == "河头镇")
    #expect(meta.county == nil)
    #expect(meta.province == nil)
}

@Test func shortCityNameInAnIdiomIsIgnored() {
    // 长治久安 is no mention of 长治市.
    let meta = resolve("店上镇2024年法治政府建设年度报告\n2024年,店上镇为长治久安提供法治保障。")
    #expect(meta.county == nil)
}

@Test func countyWrittenWithoutItsEthnicDesignationResolves() {
    // 和平镇 is in many counties; 屏边县 is 屏边苗族自治县.
    let meta = resolve("屏边县和平镇人民政府2024年法治政府建设年度报告\n2024年,和平镇扎实推进法治政府建设。")
    #expect(meta == ReportMetadata(township: "和平镇", county: "屏边苗族自治县", city: "红河哈尼族彝族自治州",
                                   province: "云南省", year: 2024))
}

@Test func traditionalCharactersAreRead() {
    let meta = resolve("廣東省廉江市良垌鎮人民政府2024年法治政府建設年度報告\n2024年,良垌鎮紮實推進法治政府建設。")
    #expect(meta == ReportMetadata(township: "良垌镇", county: "廉江市", city: "湛江市", province: "广东省", year: 2024))
}

@Test func municipalityIsTheCityOfItsDistricts() {
    let meta = resolve("塘桥街道2024年法治政府建设情况报告\n2024年度,塘桥街道以《2024年浦东新区法治建设责任制考核量化评分表》为指挥棒。")
    #expect(meta == ReportMetadata(township: "塘桥街道", county: "浦东新区", city: "上海市", province: "上海市", year: 2024))
}

@Test func areaCodeInTheIndexNumberResolvesTheCounty() {
    // 11440823… is a unified social credit code; characters 3–8 are 440823 = 遂溪县.
    let text = "索引号: 11440823007109850C/2026-00001 分类:\n河头镇2025年法治政府建设年度报告\n2025年,河头镇扎实推进法治政府建设。"
    #expect(resolve(text) == ReportMetadata(township: "河头镇", county: "遂溪县", city: "湛江市", province: "广东省", year: 2025))
    let sixDigits = "索引号 SY-310115-2023-01637\n川沙新镇人民政府法治政府建设情况报告"
    #expect(resolve(sixDigits).county == "浦东新区")
}

@Test func townshipCodeInTheIndexNumberResolvesTheTownship() throws {
    let code = try #require(standardGazetteer.townships(named: "河头镇").first { $0.code.hasPrefix("440823") }).code
    let meta = resolve("索引号: \(code)000-2025-00001\n法治政府建设年度报告\n2024年,我镇扎实推进法治政府建设。")
    #expect(meta == ReportMetadata(township: "河头镇", county: "遂溪县", city: "湛江市", province: "广东省", year: 2024))
}

@Test func partyCommitteeHeaderDoesNotBecomeAnUnlistedTownship() {
    let text = "中共新名镇委员会\n新名镇人民政府关于2024年法治政府建设情况的报告\n县委、县政府:\n2024年,新名镇扎实推进法治政府建设。"
    #expect(resolve(text).township == "新名镇")
}

@Test func townshipTheGazetteerDoesNotListKeepsItsNameAndTheNamedCounty() {
    let meta = resolve("遂溪县新名镇人民政府2024年法治政府建设年度报告\n2024年,新名镇扎实推进法治政府建设。")
    #expect(meta == ReportMetadata(township: "新名镇", county: "遂溪县", city: "湛江市", province: "广东省", year: 2024))
}

@Test func aPronounBeforeTheLevelWordIsNotATownshipName() {
    // 东坡街道 is not in the gazetteer; 现将我街道 in the opening is a phrase, not a township.
    let text = "中共东坡街道工作委员会 东坡街道办事处\n关于2022年法治建设工作情况的报告\n现将我街道2022年法治建设工作情况报告如下。"
    let meta = resolve(text)
    #expect(meta.township == "东坡街道")
    // 东坡 inside the township's own name is not 东坡区: the county stays unknown, not guessed.
    #expect(meta.county == nil && meta.city == nil && meta.province == nil)
}

// MARK: - Year

@Test func yearComesFromTheTitleNotFromPlansOrRanges() {
    let text = """
    关于2021年度法治政府建设情况的报告
    根据《法治政府建设实施纲要(2021—2025年)》要求,现将2021年工作及2022年工作计划报告如下。发布日期:2022-01-20
    """
    #expect(resolve(text).year == 2021)
    let planFirst = "现将古镛镇2025年工作计划及2024年法治政府建设情况报告如下:\n《法治政府建设实施纲要(2021—2025年)》"
    #expect(resolve(planFirst).year == 2024)
}

@Test func sectionHeadingsAndSentencesAreNotTitlesOrIssuers() {
    let text = """
    一、2025年法治政府建设工作计划
    2024年,河头镇坚持依法行政,资金来源 遂溪县财政。
    """
    let meta = resolve(text)
    #expect(meta.year == 2024)
    #expect(meta.township == "河头镇")
    // 遂溪县 in a sentence still names the county, from the body rather than the issuer.
    #expect(meta.county == "遂溪县")
    #expect(resolve("关于2021年—2025年规划及2024年法治政府建设情况的报告").year == 2024)
}

@Test func yearComesFromTheOpeningWhenTheTitleHasNone() {
    #expect(resolve("法治政府建设年度报告\n2023年以来,我镇坚持依法行政。发布日期:2024-02-01").year == 2023)
}

@Test func publicationDateOnlyGivesTheYearBefore() {
    let meta = resolve("发布日期:2025-01-06\n良垌镇法治政府建设年度报告\n一年来,我镇坚持依法行政,扎实推进法治政府建设。")
    #expect(meta.year == 2024)
    #expect(meta.township == "良垌镇")
}

@Test func gazetteerIsFoundFromTheWorkingDirectoryOrTheExecutable() throws {
    let directory = try #require(Gazetteer.locateDirectory())
    let loaded = try Gazetteer(directory: directory)
    #expect(loaded.units.count > 40_000)
    #expect(standardGazetteer.counties(named: "廉江").map(\.name) == ["廉江市"])
    #expect(standardGazetteer.counties(named: "屏边县").map(\.name) == ["屏边苗族自治县"])
    #expect(standardGazetteer.unit(code: "440881")?.name == "廉江市")
    #expect(standardGazetteer.townships(named: "城关镇").count > 20)
}

// MARK: - Places never confidently wrong (issue 11)

@Test func townshipWrittenWithoutItsSuffixIsFound() {
    // 黄石街 is how 广州 writes its 黄石街道 (白云区) in running text; the gazetteer holds one 黄石街道.
    let meta = resolve("黄石街2024年法治政府建设年度报告\n2024年，黄石街坚持以习近平法治思想为指导，扎实推进法治政府建设。")
    #expect(meta.township == "黄石街道")
    #expect(meta.county == "白云区")
    #expect(meta.city == "广州市")
}

@Test func aNameThatIsTheTailOfALongerNameDoesNotResolveToAnotherPlace() {
    // 大街街道 is a street of 张店区 (淄博市); 银杏大街街道 is not it.
    let meta = resolve("银杏大街街道2024年法治政府建设工作报告\n2024年，银杏大街街道深入学习贯彻习近平法治思想。")
    #expect(meta.township != "大街街道")
    #expect(meta.county != "张店区")
    #expect(meta.city != "淄博市")
}

@Test func aBreadcrumbNamesTheRegion() {
    // 江南街道 is in 婺城区, 永康市 and 临海市 of 浙江 alone; the page's breadcrumb names 台州 and 临海.
    let page = "首页 > 浙江 > 台州 > 临海 > 政府信息公开\n江南街道2024年法治政府建设年度报告\n2024年，江南街道扎实推进法治政府建设。"
    let meta = resolve(page)
    #expect(meta.township == "江南街道")
    #expect(meta.county == "临海市")
    #expect(meta.city == "台州市")
    #expect(meta.province == "浙江省")
}

@Test func aBreadcrumbNamingOnlyTheProvinceLeavesTheCountyOpen() {
    let page = "首页 > 浙江 > 政府信息公开\n江南街道2024年法治政府建设年度报告\n2024年，江南街道扎实推进法治政府建设。"
    let meta = resolve(page)
    #expect(meta.township == "江南街道")
    #expect(meta.county == nil)
    #expect(meta.province == "浙江省")
}

@Test(arguments: [("二〇二四年黄石街道法治政府建设年度报告", 2024), ("黄石街道二零二三年度法治政府建设工作报告", 2023)])
func aTitleWritingTheYearInChineseNumeralsGivesTheYear(_ title: String, _ year: Int) {
    let meta = resolve(title + "\n一年来，街道扎实推进法治政府建设。\n二〇二五年一月六日")
    #expect(meta.year == year)
}

@Test func aTownshipWrittenWithoutItsLevelWordInTheNamedCountyIsFound() {
    // 李堡镇 is a town of 海安市 (江苏省); the report names the county and writes the town as 李堡.
    let meta = resolve("今年以来，在海安市委、市政府的坚强领导下，扎实推进法治政府建设，为李堡“全力打造东部现代化新型小城市”提供法治保障。")
    #expect(meta.township == "李堡镇")
    #expect(meta.county == "海安市")
    #expect(meta.city == "南通市")
}

@Test func aRangeOfYearsIsNoPublicationDate() {
    // 2021-2025 is the plan's span: it says nothing of the year the report covers.
    let meta = resolve("为认真落实法治政府建设年度报告制度，根据《法治政府建设实施纲要(2021-2025年)》，现就本年度法治政府建设情况汇报如下。")
    #expect(meta.year == nil)
}

@Test func theSentenceThatAnnouncesTheReportGivesTheYear() {
    // The opening names last year first (在2023年工作基础上); the report is of the year it announces.
    let meta = resolve("在县委的领导下,我镇持续深化法治政府建设实践,在2023年工作基础上稳步提升,各项工作取得阶段性成效。现将我镇2024年法治政府建设工作情况报告如下:\n一、主要举措")
    #expect(meta.year == 2024)
}
