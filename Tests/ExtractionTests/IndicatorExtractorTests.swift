import Testing
@testable import Extraction
import ReportText

/// Sentences written in the genre's language, each with what a careful reader takes from it.
struct GenreSentence: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: [String: Double]
    var qualifiers: [String: Qualifier] = [:]
    var testDescription: String { text }
}

let genreSentences: [GenreSentence] = [
    GenreSentence(text: "2023年,全镇共排查化解矛盾纠纷一百二十三件,化解率达百分之九十八点五。",
                  expected: ["mediation.disputes": 123, "mediation.resolution_rate": 98.5]),
    GenreSentence(text: "全年受理信访件46件,已办结44件,办结率95.65%。",
                  expected: ["petitions.received": 46, "petitions.closed": 44, "petitions.closure_rate": 95.65]),
    GenreSentence(text: "镇党委书记带头包案化解矛盾纠纷8起。", expected: [:]),
    GenreSentence(text: "本年度收到行政复议申请3件,已全部办结,办结率100%。",
                  expected: ["review.reconsideration_cases": 3]),
    GenreSentence(text: "全镇发放宣传资料两千六百份,解答群众法律咨询三万五千余人次。",
                  expected: ["publicity.materials": 2600, "legal.consultations": 35000],
                  qualifiers: ["legal.consultations": .moreThan]),
    GenreSentence(text: "全镇建立人民调解委员会15个,其中村级调委会14个。", expected: ["mediation.committees": 15]),
    GenreSentence(text: "培育“法律明白人”80人,较上年增加20人。", expected: ["legal.literates": 80]),
    GenreSentence(text: "全镇共有52名执法人员持有行政执法证,新申领执法证6个,注销执法证2个,持证上岗率100%。",
                  expected: ["enforcement.certified_staff": 52, "enforcement.certificates_issued": 6,
                             "enforcement.certificates_revoked": 2, "enforcement.certified_rate": 100]),
    GenreSentence(text: "人大代表建议办复率100%,政协提案办结率100%。", expected: [:]),
    GenreSentence(text: "围绕“八五”普法规划,开展法治宣传活动20余场次。", expected: ["publicity.events": 20],
                  qualifiers: ["publicity.events": .moreThan]),
    GenreSentence(text: "全年调解矛盾纠纷 40 起,调解成功 38 起。",
                  expected: ["mediation.disputes": 40, "mediation.resolved": 38]),
    GenreSentence(text: "全年共发生行政诉讼案件1件,负责人出庭应诉率100%。",
                  expected: ["review.litigation_cases": 1, "review.head_appearance_rate": 100]),
    GenreSentence(text: "司法所对13份合同进行合法性审查。", expected: ["review.legality_reviews": 13]),
    GenreSentence(text: "聘请村(居)法律顾问12名,实现法律顾问全覆盖。", expected: ["legal.advisers": 12]),
    GenreSentence(text: "依托12345热线和“1+6+N”机制,及时回应群众诉求。", expected: [:]),
    GenreSentence(text: "全镇配备人民调解员86名。", expected: ["mediation.mediators": 86]),
    // The rate of the head's own appearance in court is about a leader: 主要负责人 does not rule it out.
    GenreSentence(text: "全年行政诉讼案件2件,镇主要负责人出庭应诉率达100%。",
                  expected: ["review.litigation_cases": 2, "review.head_appearance_rate": 100]),
    // “八五”普法 is the national five-year plan, not one named campaign: the events are the year's.
    GenreSentence(text: "开展“八五”普法宣传活动26场次。", expected: ["publicity.events": 26]),
    GenreSentence(text: "开展“法治护老”宣传活动3次。", expected: [:]),
    // Certified staff are a part of the staff by nature: 其中 before their own subject does not rule them out.
    GenreSentence(text: "全镇共有行政执法人员45名,其中持证执法人员42名。", expected: ["enforcement.certified_staff": 42]),
    GenreSentence(text: "全镇建立人民调解委员会15个,其中村级调委会14个。", expected: ["mediation.committees": 15]),
    // Newly certified people are certificates issued this year, not the certified staff.
    GenreSentence(text: "组织执法人员参加执法资格考试,新取得执法证8人。", expected: ["enforcement.certificates_issued": 8]),
    // Visits counted in 批次 are not the petitions accepted; a 信访总量 is the petitions received.
    GenreSentence(text: "全年共接待群众来访52批次136人次,受理信访事项48件,办结46件,办结率95.8%。",
                  expected: ["petitions.received": 48, "petitions.closed": 46, "petitions.closure_rate": 95.8]),
    GenreSentence(text: "2023年,全街道信访总量为31件,同比下降18.4%。", expected: ["petitions.received": 31]),
    // The backlog (积案) is a part of the petitions, not the year's closures.
    GenreSentence(text: "化解信访积案5件,信访积案化解率100%。", expected: [:]),
    GenreSentence(text: "发放《民法典》宣传手册3000余份,开展送法下乡活动12次。",
                  expected: ["publicity.materials": 3000, "publicity.events": 12],
                  qualifiers: ["publicity.materials": .moreThan]),
    // Hotline requests (群众诉求) are not petitions; villages with an adviser are not advisers.
    GenreSentence(text: "全年受理群众诉求件1205件,办结率100%。", expected: [:]),
    GenreSentence(text: "全镇21个村(社区)均配备了法律顾问,村(社区)法律顾问覆盖率100%。", expected: [:]),
    // A number whose measure word a noun follows counts the first subject after it: 32 committees, 418 disputes.
    GenreSentence(text: "全镇32个村(社区)人民调解委员会共调解矛盾纠纷418宗,调解成功率98.8%。",
                  expected: ["mediation.committees": 32, "mediation.disputes": 418, "mediation.resolution_rate": 98.8]),
    // Disputes the police station settles (治安纠纷) are another body's.
    GenreSentence(text: "派出所全年接处警3560起,调处治安纠纷210起。", expected: [:]),
    GenreSentence(text: "镇政府作为被告的行政诉讼案件2件,复议案件1件,均按时答复。",
                  expected: ["review.litigation_cases": 2, "review.reconsideration_cases": 1]),
    // A target for next year is not this year's result.
    GenreSentence(text: "下一步,力争全年开展法治宣传活动不少于60场,矛盾纠纷化解率保持在98%以上。", expected: [:]),
    GenreSentence(text: "明年计划开展普法活动30场次。", expected: [:]),
    // 均已 says the clause before it counts certified staff.
    GenreSentence(text: "全镇现有行政执法人员三十一人,均已取得行政执法证件,做到持证上岗。",
                  expected: ["enforcement.certified_staff": 31]),
    // …but a word that rules a number out counts in its own clause only.
    GenreSentence(text: "新增行政诉讼案件3件,均已审结。", expected: ["review.litigation_cases": 3]),
]

@Test(arguments: genreSentences)
func genreSentenceYieldsWhatACarefulReaderTakes(_ sentence: GenreSentence) {
    expectWhatACarefulReaderTakes(sentence)
}

/// The chosen values of the sentence are those it expects, with their qualifiers.
func expectWhatACarefulReaderTakes(_ sentence: GenreSentence, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = chosenValues(sentence.text)
    #expect(found.mapValues(\.value) == sentence.expected, sourceLocation: sourceLocation)
    for (id, qualifier) in sentence.qualifiers {
        #expect(found[id]?.qualifier == qualifier, sourceLocation: sourceLocation)
    }
}

@Test func leadersPersonalFiguresAreNotTheTownshipTotal() {
    let found = chosenValues("镇党政主要负责人牵头化解矛盾纠纷12宗。2024年,全镇依法有效化解各类矛盾纠纷241起,办结率达96%。")
    #expect(found["mediation.disputes"]?.value == 241)
    #expect(found["mediation.resolution_rate"]?.value == 96)
}

@Test func aRateOfAnotherBodyIsNotAPetitionClosureRate() {
    let found = chosenValues("2024年全镇共计收到行政复议申请2件,已办结2件,办结率100%。")
    #expect(found["petitions.closure_rate"] == nil)
    #expect(found["mediation.resolution_rate"] == nil)
}

@Test func figuresUnderAPlanHeadingLateInTheReportAreTargets() {
    let report = """
    河头镇2023年法治政府建设年度报告
    一、2023年工作计划完成情况
    2023年,全镇共排查化解矛盾纠纷66件,化解率98.5%。
    二、主要做法
    全镇开展法治宣传活动24场次,发放宣传资料3000份。
    三、存在的问题
    一是法治宣传针对性不强。
    四、2024年工作打算
    一是开展法治宣传活动30场次,发放宣传资料5000份。
    二是培育“法律明白人”100名。
    五、附表说明
    全年受理信访件12件。
    """
    // The plans end at the next heading of their level.
    let found = chosenValues(report).mapValues(\.value)
    #expect(found == ["mediation.disputes": 66, "mediation.resolution_rate": 98.5,
                      "publicity.events": 24, "publicity.materials": 3000, "petitions.received": 12])
}
