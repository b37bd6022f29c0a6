import Foundation
import Testing
@testable import Extraction
import ReportText

/// Sentences in the shape of real misses on reports nobody here had seen (issue 11), one a kind
/// of fault; each kind is handled by a general rule, and each sentence says what it must yield.
let faultKindSentences: [GenreSentence] = [
    // A total followed by its parts: the total, never the largest part.
    GenreSentence(text: "全年审查各类文件合同共560件，其中规范性文件3件、重大决策5件、合同552件。",
                  expected: ["review.legality_reviews": 560]),
    // Parts of one indicator listed side by side with 、 and no total: each is one kind, none the total;
    // a total stated after them is taken; a verb with an object of its own (出具…意见书) starts another thing.
    GenreSentence(text: "全年审查行政合同15份、街道规范性文件22份，出具合法性审查意见8份。", expected: [:]),
    GenreSentence(text: "全年审查行政合同15份、街道规范性文件22份，共计37份。", expected: ["review.legality_reviews": 37]),
    GenreSentence(text: "法律顾问审查合同超185份、出具专业审查意见书143份。", expected: ["review.legality_reviews": 185],
                  qualifiers: ["review.legality_reviews": .moreThan]),
    // A word that rules a number out (讲座, 培训) does not when the indicator's own subject is listed beside
    // it with 、: the number counts both. Alone, or after trainings of cadres, it still does.
    GenreSentence(text: "2024年开展法治宣传、法治讲座80次，受教育4196人次。", expected: ["publicity.events": 80]),
    GenreSentence(text: "对村干部开展法律培训、法治讲座5次。", expected: [:]),
    GenreSentence(text: "组织机关干部学法3次、开展普法宣传活动10场。", expected: ["publicity.events": 10]),
    // Items listed with 、 and no number of their own share the number after them and the verb of the first.
    GenreSentence(text: "完善合同管理，全年审查各类合同、协议共33份。", expected: ["review.legality_reviews": 33]),
    GenreSentence(text: "全年累计开展送法下乡、以案释法等普法活动三十余场，发放各类宣传册、折页近八千份。",
                  expected: ["publicity.events": 30, "publicity.materials": 8000],
                  qualifiers: ["publicity.materials": .nearly]),
    GenreSentence(text: "全年共审查土地流转、工程建设、资产租赁等合同18份，提出修改意见26条。", expected: ["review.legality_reviews": 18]),
    // After 等, a number a noun follows counts that noun: the listed things are its examples.
    GenreSentence(text: "运用法治思维解决项目推进、重大纠纷等4个实际难题。", expected: [:]),
    // Words that rule a number out, closed by 等 before the subject, are the subject's examples.
    GenreSentence(text: "全年开展送法进村、进校园、进企业等普法活动40余场次。", expected: ["publicity.events": 40],
                  qualifiers: ["publicity.events": .moreThan]),
    // A verb of outcome with no subject of its own, right after a count of the whole: the part.
    GenreSentence(text: "2024年，全镇共排查矛盾纠纷185起，化解181起，化解率97.8%。",
                  expected: ["mediation.disputes": 185, "mediation.resolved": 181, "mediation.resolution_rate": 97.8]),
    // …but a part named by its own words wins over a bare verb of outcome.
    GenreSentence(text: "全镇各级各类调解组织共排查矛盾纠纷186起，接案调处167起，成功化解156起。",
                  expected: ["mediation.disputes": 186, "mediation.resolved": 156]),
    // A from–to statement with 增加到: its 增加 is no change from last year.
    GenreSentence(text: "全镇持证执法人员由18人增加到25人，新申领执法证7个。",
                  expected: ["enforcement.certified_staff": 25, "enforcement.certificates_issued": 7]),
    // A rate whose clause names its own subject is the township's, even after what leaders did.
    GenreSentence(text: "街道主要负责人带头包案化解信访积案6件，信访事项按期办结率98.3%。", expected: ["petitions.closure_rate": 98.3]),
    // 信访 in another clause of the sentence does not rule out the disputes' rate.
    GenreSentence(text: "2022年全乡矛盾纠纷调解成功率为98.6%，信访件数同比下降25%。", expected: ["mediation.resolution_rate": 98.6]),
    // A named village's committee, after 其中 or not, is the village's; so is what was done in a named village.
    GenreSentence(text: "东山坡村调委会全年调解纠纷9件，其“说和室”做法在全县推广。", expected: [:]),
    GenreSentence(text: "其中河图村调委会调处纠纷15起，全部调解成功。", expected: [:]),
    GenreSentence(text: "在石岗村开展的“法律服务进村居”活动中，现场解答咨询50余人次。", expected: [:]),
    GenreSentence(text: "遴选村法律明白人37名。", expected: ["legal.literates": 37]),
    // A quote of one or two characters is a modifier, not a campaign; the genre's “法律七进” is all its publicity.
    GenreSentence(text: "用哈萨克语、汉语开展“双语”法治宣讲活动48场次。", expected: ["publicity.events": 48]),
    GenreSentence(text: "深入开展“法律七进”活动四十余场。", expected: ["publicity.events": 40], qualifiers: ["publicity.events": .moreThan]),
    // Those taught at an event are no consultations.
    GenreSentence(text: "解答群众咨询，受教育群众达四千余人次。", expected: [:]),
    // A stretch of the year (期间, 宣传月) before a count: that stretch's; 全年 after it says the year's.
    GenreSentence(text: "围绕宪法宣传周、民法典宣传月等节点，全年开展“法律进乡村、进企业”等法治宣传活动52场次。",
                  expected: ["publicity.events": 52]),
    // A bracket is an aside: another year's figure in it is not this year's, and its words are not the clause's.
    GenreSentence(text: "全镇共受理信访案件21件（2018年为30件），已办结20件。",
                  expected: ["petitions.received": 21, "petitions.closed": 20]),
    GenreSentence(text: "我镇现有执法证人员9人（其中2020年新申领执法证3个），做到持证上岗、亮证执法。",
                  expected: ["enforcement.certified_staff": 9, "enforcement.certificates_issued": 3]),
    // Certificates newly issued or revoked after 其中 are those indicators' own counts.
    GenreSentence(text: "全镇现有持证执法人员32名，其中今年新取得执法证6人，因退休、调离等原因注销执法证3个。",
                  expected: ["enforcement.certified_staff": 32, "enforcement.certificates_issued": 6,
                             "enforcement.certificates_revoked": 3]),
    // Per village (每村) is one village's share; the total follows.
    GenreSentence(text: "实施“法律明白人”培养工程，每村培育“法律明白人”3名，全镇共计八十七名。", expected: ["legal.literates": 87]),
    // A leader's own verb after a total word keeps the figure the leader's.
    GenreSentence(text: "乡长带头在乡长办公会前学法十次，主要领导共包联化解重点矛盾纠纷和信访问题七件。", expected: [:]),
    GenreSentence(text: "镇党委书记带头履行第一责任人职责，全年主持召开专题会议6次，带头到村开展法治宣讲3场，亲自包案化解重点信访事项3件。",
                  expected: [:]),
    // Legal aid cases are not consultations, though a consultation was named before them.
    GenreSentence(text: "常态化接待群众来访来电、解答法律咨询，全年办理法律援助案件15件。", expected: [:]),
    // Targets: 确保…保持在, 计划新申领.
    GenreSentence(text: "深化矛盾纠纷源头预防，确保矛盾纠纷调解成功率保持在98%以上。", expected: [:]),
    GenreSentence(text: "加强执法队伍建设，计划新申领执法证5个。", expected: [:]),
    // 近千, 近万: a bare 千 or 万 after 近/逾/超/约.
    GenreSentence(text: "为居民解答法律咨询近千人次，发放宣传资料近万份。",
                  expected: ["legal.consultations": 1000, "publicity.materials": 10000],
                  qualifiers: ["legal.consultations": .nearly, "publicity.materials": .nearly]),
    // Another body opening the sentence owns its figures; named as a helper, it does not.
    GenreSentence(text: "辖区派出所全年受理治安纠纷调解142起，调解成功138起。", expected: [:]),
    GenreSentence(text: "在县人民法院指导下，全镇排查化解矛盾纠纷86件。", expected: ["mediation.disputes": 86]),
    // A sentence opened by 其中 gives parts of the one before: the total stated before it wins.
    GenreSentence(text: "全年共调处矛盾纠纷1184件。其中，“老杨调解中心”全年受理纠纷326件，成为品牌调解组织。",
                  expected: ["mediation.disputes": 1184]),
    // Parts of two indicators listed with 、: each its own, none dropped as one of a kind's parts.
    GenreSentence(text: "全镇持有行政执法证件人员17名，本年度新申领执法证5个、因人员调离注销执法证2个。",
                  expected: ["enforcement.certified_staff": 17, "enforcement.certificates_issued": 5,
                             "enforcement.certificates_revoked": 2]),
    // A stretch after ； reads on only while its clauses hold figures; a new topic stays its own.
    GenreSentence(text: "对镇政府重大决策、合同协议进行合法性审查，提出法律意见；深化政务公开，全年公开各类信息420余条，办理依申请公开1件。",
                  expected: [:]),
    // What a group did, after 他们 and a time word: theirs.
    GenreSentence(text: "全镇培养法律明白人四十二名，他们全年协助调解纠纷二十余起。", expected: ["legal.literates": 42]),
    // Petitions handed down by a higher body and closed are a subset, not the year's closed count.
    GenreSentence(text: "全年共受理群众来信来访75件，办结73件，上级交办信访事项8件已全部按期办结。",
                  expected: ["petitions.received": 75, "petitions.closed": 73]),
    // An adviser attending meetings, or enforcement inspections, are no legality reviews.
    GenreSentence(text: "对重大决策事项事前开展合法性审查，街道法律顾问列席会议12次。", expected: [:]),
    GenreSentence(text: "落实重大执法决定法制审核制度，全年开展执法检查71次。", expected: [:]),
    // 办理 takes petitions.
    GenreSentence(text: "办理群众来信来访312件，已办结309件。", expected: ["petitions.received": 312, "petitions.closed": 309]),
    // One kind of dispute (劳资纠纷, 山林权属纠纷) yields to the whole stated elsewhere; 调解纠纷 is the whole.
    GenreSentence(text: "全年调处劳资纠纷692宗。全年共受理矛盾纠纷2316宗。", expected: ["mediation.disputes": 2316]),
    GenreSentence(text: "全年调解纠纷30件。", expected: ["mediation.disputes": 30]),
    // A named mediation room opening the sentence: its own work.
    GenreSentence(text: "“老杜调解工作室”全年调处疑难纠纷64件。", expected: [:]),
    // Staff without a certificate are not certified staff; a share with a professional qualification is no certified rate.
    GenreSentence(text: "二是全乡执法队伍中仍有2名执法人员未取得执法证。", expected: [:]),
    GenreSentence(text: "执法人员中具备法律职业资格的比例偏低，仅占持证人员的9.38%。", expected: [:]),
    // A first-visit rate is not the closure rate.
    GenreSentence(text: "全年受理信访件1,093件，已办结1,088件，办结率99.54%，初次信访一次性化解率93.60%。",
                  expected: ["petitions.received": 1093, "petitions.closed": 1088, "petitions.closure_rate": 99.54]),
    // 百余场: a bare 百 before 余.
    GenreSentence(text: "全年组织开展各类法治宣传活动百余场，发放宣传资料3万份。",
                  expected: ["publicity.events": 100, "publicity.materials": 30000], qualifiers: ["publicity.events": .moreThan]),
    // A sum word (总数) restates the total of what the sentence counts: it wins over the year's new ones.
    GenreSentence(text: "注重发挥居民自治作用，新培育“法律明白人”38名，总数达到112名，覆盖全部居民区。", expected: ["legal.literates": 112]),
    // A certificate's own name in 《》 names the subject; a law's name does not.
    GenreSentence(text: "全镇持证执法人员由年初的38人增至46人，其中年内新领取《广西壮族自治区行政执法证》8本。",
                  expected: ["enforcement.certified_staff": 46, "enforcement.certificates_issued": 8]),
    GenreSentence(text: "组织学习《中华人民共和国行政复议法》3次。", expected: [:]),
    // Hastily typed text: a half-width full stop ends a sentence, a number split by a line wrap is one number,
    // 调节 for 调解 names mediators.
    GenreSentence(text: "中站区人民法院在街道设立的诉前调解工作室调解案件 34件. 信访方面, 全年受理群众信访件二十三件, 已全部办结.",
                  expected: ["petitions.received": 23]),
    GenreSentence(text: "全年共排查各类矛盾纠纷 1\n36件,化解131起,化解率96.3%;", expected: ["mediation.disputes": 136,
                  "mediation.resolved": 131, "mediation.resolution_rate": 96.3]),
    GenreSentence(text: "化解率达100\n2.加强队伍建设，配备人民调节员 152名。", expected: ["mediation.mediators": 152]),
    // Certificates renewed (换发) are not newly issued; 新领证 is.
    GenreSentence(text: "今年为9名同志办理了执法证件的换发，新领证2名，没有注销的情况。", expected: ["enforcement.certificates_issued": 2]),
    // Full-time mediators are a part; 成功 after a total is the resolved count; 比例 is the head's rate's word.
    GenreSentence(text: "全镇人民调解员队伍不断壮大，镇调委会配备专职调解员3名。", expected: [:]),
    GenreSentence(text: "全年共调处矛盾纠纷120件，成功118件。", expected: ["mediation.disputes": 120, "mediation.resolved": 118]),
    GenreSentence(text: "发生行政诉讼案件6件，镇主要负责人出庭应诉共6次，负责人出庭应诉比例达到100%。",
                  expected: ["review.litigation_cases": 6, "review.head_appearance_rate": 100]),
    // 总计 after parts separated by commas restates their total; penalties reviewed by 法制审核 are no reviews.
    GenreSentence(text: "全年审查合同43份，审查规范性文件9件，总计审查52件。", expected: ["review.legality_reviews": 52]),
    GenreSentence(text: "全年办理行政处罚案件3件，均经法制审核。", expected: [:]),
    // Two counts of one indicator in one sentence that fit equally: the larger holds the other.
    GenreSentence(text: "结合“国家宪法日”共开展宣传活动30余场，张贴海报70余张，累计开展普法宣传活动130余场。",
                  expected: ["publicity.events": 130], qualifiers: ["publicity.events": .moreThan]),
    // The indicator's own name fits better than a verb and its object.
    GenreSentence(text: "今年组织行政决策合法性审查13次，审查监督合同文书43份。", expected: ["review.legality_reviews": 13]),
    // What leaders did goes on past a comma, until a total word turns to the township's work.
    GenreSentence(text: "党政主要负责人带头接访群众81人次，牵头化解矛盾纠纷8宗。", expected: [:]),
    GenreSentence(text: "落实新提任领导干部法治理论知识考试及旁听庭审3人次，参考人员合格率100%，累计培养法律明白人58名。",
                  expected: ["legal.literates": 58]),
    // A noun after the measure word that counts no such thing does not take the number (a comma missing).
    GenreSentence(text: "发放宣传材料400余份法律顾问进村宣讲2次。", expected: ["publicity.materials": 400],
                  qualifiers: ["publicity.materials": .moreThan]),
    // The genre's other words for the same things.
    GenreSentence(text: "持有执法证人员56人，持证比例超过95%。",
                  expected: ["enforcement.certified_staff": 56, "enforcement.certified_rate": 95],
                  qualifiers: ["enforcement.certified_rate": .moreThan]),
    GenreSentence(text: "全年共完成重大行政合同合法性审查11起。", expected: ["review.legality_reviews": 11]),
    GenreSentence(text: "组织干部职工集中开展法治理论学习2次，村(社区)集中宣传16场。", expected: ["publicity.events": 16]),
    GenreSentence(text: "结合“4·15”“12·4”等重要节点开展主题宣传7场次，发放资料8000余份。",
                  expected: ["publicity.events": 7, "publicity.materials": 8000], qualifiers: ["publicity.materials": .moreThan]),
    // 其中 before a part that is a part by nature (resolved of disputes, closed of petitions) takes it.
    GenreSentence(text: "全年共调解矛盾纠纷 121 件，其中调解成功 119 件，调解成功率达 98.3%。",
                  expected: ["mediation.disputes": 121, "mediation.resolved": 119, "mediation.resolution_rate": 98.3]),
    GenreSentence(text: "全年受理信访件20件，其中办结18件。", expected: ["petitions.received": 20, "petitions.closed": 18]),
    GenreSentence(text: "落实行政执法人员持证100%，目前我街道持有行政执法证39人。",
                  expected: ["enforcement.certified_rate": 100, "enforcement.certified_staff": 39]),
    // Ten times what any township reports is another thing (a platform's users, not advisers).
    GenreSentence(text: "推广“智慧村(居)法律顾问”服务平台，用户总数达10529人。", expected: [:]),
    // A subject inside quotes names a platform: it does not carry over to the next clause.
    GenreSentence(text: "推广“智慧村(居)法律顾问”服务平台，辖区5个社区注册人数均超过2000人。", expected: [:]),
    // A village's or an example's figure is not the township's.
    GenreSentence(text: "如红星村通过议事会调处宅基地纠纷6起。", expected: [:]),
    GenreSentence(text: "例如，桥头村人民调解委员会全年调解纠纷12件。", expected: [:]),
    // What the 法律明白人 did themselves is not the township's work.
    GenreSentence(text: "培养法律明白人45名，参与调解纠纷30件，成功率90%。", expected: ["legal.literates": 45]),
    // A total stated after its parts.
    GenreSentence(text: "12个村均成立调委会，连同镇调委会共13个。", expected: ["mediation.committees": 13]),
    // From–to: the report year's value (the previous year's is its stated change).
    GenreSentence(text: "持证执法人员由上年的15人增至19人。", expected: ["enforcement.certified_staff": 19]),
    // Subjects named by who was served or what they hold.
    GenreSentence(text: "为260余名群众提供法律咨询。", expected: ["legal.consultations": 260],
                  qualifiers: ["legal.consultations": .moreThan]),
    GenreSentence(text: "累计35人持证，持证率85.4%。",
                  expected: ["enforcement.certified_staff": 35, "enforcement.certified_rate": 85.4]),
    GenreSentence(text: "16名执法人员全部持证上岗。", expected: ["enforcement.certified_staff": 16]),
    // Trainings of cadres and staff, and 学法 sessions, are not publicity events.
    GenreSentence(text: "对村干部开展法律培训5次。", expected: [:]),
    GenreSentence(text: "组织镇村干部开展普法培训3场次。", expected: [:]),
    GenreSentence(text: "全年组织干部职工集中学法12次。", expected: [:]),
    // A body named as a helper is not the subject.
    GenreSentence(text: "整合综治、信访、司法等力量，全年化解矛盾纠纷近200件。",
                  expected: ["mediation.disputes": 200], qualifiers: ["mediation.disputes": .nearly]),
    // Units in brackets; 保持在…以上 is at least (以上 includes the number).
    GenreSentence(text: "受理来信来访41件(次)。", expected: ["petitions.received": 41]),
    GenreSentence(text: "矛盾纠纷化解率保持在97%以上。", expected: ["mediation.resolution_rate": 97],
                  qualifiers: ["mediation.resolution_rate": .atLeast]),
    // Upper bounds are not lower bounds.
    GenreSentence(text: "全年受理信访件不超过5件。", expected: ["petitions.received": 5],
                  qualifiers: ["petitions.received": .atMost]),
    GenreSentence(text: "全年发生行政诉讼案件不足10件。", expected: ["review.litigation_cases": 10],
                  qualifiers: ["review.litigation_cases": .lessThan]),
    GenreSentence(text: "全年收到行政复议申请少于3件。", expected: ["review.reconsideration_cases": 3],
                  qualifiers: ["review.reconsideration_cases": .lessThan]),
    GenreSentence(text: "全年受理信访件3件以下。", expected: ["petitions.received": 3],
                  qualifiers: ["petitions.received": .atMost]),
    GenreSentence(text: "全年发放宣传资料不到1万份。", expected: ["publicity.materials": 10000],
                  qualifiers: ["publicity.materials": .lessThan]),
    // Numbers in every written form.
    GenreSentence(text: "全年调解矛盾纠纷廿三件。", expected: ["mediation.disputes": 23]),
    GenreSentence(text: "全年发放宣传资料1万600份。", expected: ["publicity.materials": 10600]),
    GenreSentence(text: "全年排查矛盾纠纷1百01件。", expected: ["mediation.disputes": 101]),
    GenreSentence(text: "全年发放宣传资料3千5百份。", expected: ["publicity.materials": 3500]),
    GenreSentence(text: "全年发放宣传资料两万零五百份。", expected: ["publicity.materials": 20500]),
]

@Test(arguments: faultKindSentences)
func faultKindYieldsWhatACarefulReaderTakes(_ sentence: GenreSentence) {
    expectWhatACarefulReaderTakes(sentence)
}

@Test func fromToStatementGivesThePreviousYearAsItsChange() {
    let found = chosenValues("持证执法人员由上年的15人增至19人。")
    #expect(found["enforcement.certified_staff"]?.value == 19)
    #expect(found["enforcement.certified_staff"]?.statedChange == 4)
}

/// Kinds seen in the real passages gathered for issue 11 (the tuning part), each written anew.
let realPassageKinds: [GenreSentence] = [
    // A list leading into its count: the subject listed first counts the number at the list's end.
    GenreSentence(text: "通过举办法治宣讲、发放宣传资料、设置展板等30余场次。", expected: ["publicity.events": 30],
                  qualifiers: ["publicity.events": .moreThan]),
    // …but a subject listed as a topic does not reach past the comma.
    GenreSentence(text: "研究解决执法协同、普法宣传等重大问题近10项，自行开展法治建设督查2次。", expected: [:]),
    // 走村入户 is no village's name.
    GenreSentence(text: "2024年，共走村入户开展法治宣讲活动70余场次。", expected: ["publicity.events": 70]),
    // How often is not how many.
    GenreSentence(text: "我镇积极开展普法宣传“六进”活动，每月至少开展3场次禁毒普法宣传。", expected: [:]),
    // A topic named inside the clause (信访工作条例) does not stop the events subject carried from before.
    GenreSentence(text: "结合“八五”普法规划，开展民法典、信访工作条例等主题宣传20场次，发放宣传资料5000余份。",
                  expected: ["publicity.events": 20, "publicity.materials": 5000]),
    // PDF text puts spaces around numbers: `800 余人次` keeps its qualifier and its measure word.
    GenreSentence(text: "开展法律服务活动 50 余次,解答群众法律咨询 800 余人次。", expected: ["legal.consultations": 800],
                  qualifiers: ["legal.consultations": .moreThan]),
    GenreSentence(text: "全年发放宣传资料 2 万余份。", expected: ["publicity.materials": 20000],
                  qualifiers: ["publicity.materials": .moreThan]),
    // 三项制度 is the name of a system, not three reviews.
    GenreSentence(text: "深入推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度。", expected: [:]),
]

@Test(arguments: realPassageKinds)
func realPassageKindYieldsWhatACarefulReaderTakes(_ sentence: GenreSentence) {
    expectWhatACarefulReaderTakes(sentence)
}

/// The chosen values of a text read as a report in traditional characters.
private func traditionalValues(_ text: String) -> [String: Double] {
    let normalized = TextNormalizer.normalize(text)
    let extractor = IndicatorExtractor(catalog: standardCatalog, simplified: standardGazetteer.simplifiedTable)
    let found = extractor.findings(in: normalized, sentences: SentenceSplitter.split(normalized),
                                   original: Array(text.unicodeScalars), traditional: true).filter(\.chosen)
    return Dictionary(found.map { ($0.indicator, $0.value) }, uniquingKeysWith: { a, _ in a })
}

@Test func traditionalCharactersMatchTheCatalogsSimplifiedWords() {
    // 培訓 is 培训: trainings of cadres are no publicity events in either script.
    #expect(traditionalValues("今年，對鄉村干部開展法律培訓4次，全年開展普法宣傳活動12場次。") == ["publicity.events": 12])
}

@Test func traditionalTextWithPinyinReadingsYieldsEveryCaseFigure() {
    // A mirror site's traditional text with pinyin after some characters (復(fù)議); every word of the
    // catalog is in the traditional table, 訟 and 負 among them.
    #expect(traditionalValues("全年共辦理6件行政復(fù)議、8件行政訴訟，行政機關(guān)負責(zé)人出庭應(yīng)訴率達100%。")
            == ["review.reconsideration_cases": 6, "review.litigation_cases": 8, "review.head_appearance_rate": 100])
}

@Test func aCountInOneStretchOfTheYearIsMarkedForReview() {
    let found = chosenValues("今年6月份集中排查期间，共排查出土地流转纠纷5件。")
    #expect(found["mediation.disputes"]?.confidence == .review)
    #expect(found["mediation.disputes"]?.reviewReason?.contains("时段") == true)
}

@Test func figuresAfterASemicolonReadOnFromTheStretchBefore() {
    let found = chosenValues("全年全镇共受理矛盾纠纷142宗，其中镇调委会受理38宗、村级调委会受理104宗；调处成功140宗，成功率98.59%。")
    #expect(found.mapValues(\.value) == ["mediation.disputes": 142, "mediation.resolved": 140, "mediation.resolution_rate": 98.59])
}

@Test func aSentenceAboutAnEarlierYearGivesThatYearsFigureNotTheReportYears() {
    let text = "某镇2024年法治政府建设工作报告\n2023年全镇排查化解矛盾纠纷231件，2024年较上年增长14.7%。"
        + "全镇法律明白人由2022年的180人增至236人。全年排查化解矛盾纠纷265件。"
        + "全镇共受理信访案件21件（2023年为30件），已办结20件。"
    let document = ReportDocument(url: URL(fileURLWithPath: "/tmp/y.txt"), format: .text, encoding: "UTF-8", original: text,
                                  text: TextNormalizer.normalize(text), sentences: SentenceSplitter.split(TextNormalizer.normalize(text)))
    let report = ReportExtractor(catalog: standardCatalog, gazetteer: standardGazetteer).extract(document, source: "y")
    let values = Dictionary(uniqueKeysWithValues: report.findings.filter(\.chosen).map { ($0.indicator, $0.value) })
    // A year inside a bracketed aside speaks for the aside only: 20 closed is this year's.
    #expect(values == ["mediation.disputes": 265, "legal.literates": 236, "petitions.received": 21, "petitions.closed": 20])
}

@Test func aValueWithARivalCandidateIsMarkedForReview() {
    let found = chosenValues("全年受理信访件12件。全年受理信访事项15件。")
    #expect(found["petitions.received"]?.confidence == .review)
    #expect(found["petitions.received"]?.reviewReason?.contains("另有候选值") == true)
}

@Test func aCleanValueIsHighConfidence() {
    let found = chosenValues("全年共排查化解矛盾纠纷158件，化解率达100%。")
    #expect(found["mediation.disputes"]?.confidence == .high)
    #expect(found["mediation.disputes"]?.reviewReason == nil)
}
