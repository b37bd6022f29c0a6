/// The whole report: page furniture on some, a title, an opening, numbered sections with
/// (一)(二) or 一是…二是… inside, problems and next year's plans.
extension Composer {
    mutating func compose() -> String {
        var lines: [String] = []
        let published = year + 1
        let month = g.int(1...3), day = g.int(3...28)
        let date = "\(published)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        let titleStyle = g.int(0...4)
        let title: String
        switch titleStyle {
        case 0: title = "\(place)\(year)年法治政府建设年度报告"
        case 1: title = "\(place)人民政府关于\(year)年度法治政府建设情况的报告"
        case 2: title = "\(township)\(year)年法治政府建设工作报告"
        case 3: title = "\(place)\(year)年度法治政府建设工作情况报告"
        default: title = "\(township)\(year)年法治政府建设情况报告"
        }
        // The county goes with the township in the title, or in the issuer line of the page.
        let furniture = titleStyle >= 2 || g.chance(0.35)
        if furniture {
            lines.append(pick(["首页 > 政务公开 > 法治政府建设年度报告", "您当前的位置：首页 > 信息公开 > 法治政府建设", "政府信息公开"]))
            lines.append("")
            let code = "110000000\(String(format: "%08d", g.int(0...99_999_999)))X"
            lines.append("索引号：\(code)/\(published)-\(String(format: "%05d", g.int(1...400)))    分类：法治政府建设")
            lines.append("发布机构：\(place)人民政府    成文日期：\(date)")
            lines.append("发布日期：\(date)")
            lines.append("")
        }
        lines.append(title)
        lines.append("")
        if !furniture || g.chance(0.5) {
            lines.append("发布日期：\(date)  浏览次数：\(g.int(20...900))")
            lines.append("")
        }
        lines.append(opening())
        lines.append("")

        var sections: [(String, [String])] = []
        sections.append((pick(["加强组织领导，压实法治建设责任", "强化统筹部署，完善法治建设保障", "坚持党的领导，履行第一责任人职责"]), leadership()))
        sections.append((pick(["严格规范公正文明执法，提升依法行政水平", "推进依法行政，规范行政执法行为", "强化执法监督，确保公正文明执法"]), enforcement()))
        sections.append((pick(["化解矛盾纠纷，维护社会和谐稳定", "坚持和发展新时代“枫桥经验”，依法化解矛盾纠纷", "健全多元解纷机制，维护辖区社会稳定"]), disputes()))
        sections.append((pick(["深化法治宣传教育，营造浓厚法治氛围", "加强法治宣传，提升群众法治素养", "创新普法方式，完善公共法律服务"]), publicity()))
        let reviewLines = review()
        if !reviewLines.isEmpty {
            sections.append((pick(["自觉接受监督，做好行政复议和应诉工作", "依法做好行政复议和行政应诉工作"]), reviewLines))
        }
        if g.chance(0.3) { sections.swapAt(1, 2) }

        let mainHeading = g.chance(0.5)
        if mainHeading { lines.append("一、\(year)年法治政府建设主要举措和成效"); lines.append("") }
        let order = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        for (k, (heading, sentences)) in sections.enumerated() {
            lines.append(mainHeading ? "（\(order[k])）\(heading)" : "\(order[k])、\(heading)")
            lines.append(contentsOf: paragraphs(sentences))
            lines.append("")
        }
        var next = mainHeading ? 1 : sections.count
        lines.append("\(order[next])、存在的问题和不足")
        next += 1
        lines.append(pick([
            "一是部分干部法治思维和依法办事能力有待提升；二是法治宣传教育的针对性和实效性有待进一步增强；三是基层执法力量相对薄弱，执法人员专业素质参差不齐。",
            "对照法治政府建设要求，\(we)仍存在一些短板：法治宣传方式创新性不够，多以传统的发放资料、举办讲座为主；执法人员数量相对较少，执法力量不足。",
        ]))
        lines.append("")
        lines.append("\(order[next])、\(published)年工作计划")
        lines.append(pick([
            "\(published)年，\(we)将继续深入学习贯彻习近平法治思想，持续推进严格规范公正文明执法，加强法治宣传教育，不断提升法治政府建设水平。",
            "下一步，\(we)将全面贯彻落实上级关于法治政府建设的决策部署，进一步健全依法决策机制，深化“八五”普法，推动法治政府建设再上新台阶。",
        ]))
        if g.chance(0.25) {
            // Next year's targets: figures that are plans, not this year's work.
            lines.append("\(published)年计划开展法治宣传活动不少于\(g.int(2...8) * 10)场次，培育“法律明白人”\(g.int(5...20) * 10)名以上，确保矛盾纠纷化解率保持在95%以上。")
        }
        lines.append("")
        if g.chance(0.6) {
            lines.append("\(place)人民政府")
            lines.append(date)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func opening() -> String {
        switch g.int(0...3) {
        case 0:
            return "\(year)年，\(township)在县委、县政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神和习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，扎实推进法治政府建设各项工作。现将\(year)年法治政府建设情况报告如下："
        case 1:
            return "今年以来，\(township)党委、政府认真贯彻落实县委、县政府关于法治政府建设的决策部署，坚持依法行政，推进法治\(shortName)建设，为全\(level)经济社会高质量发展提供了有力法治保障。现将有关情况报告如下："
        case 2:
            return "\(year)年，\(we)紧紧围绕县委“1+3+N”工作部署，认真落实法治建设第一责任人职责，法治政府建设取得新成效。现将\(we)\(year)年法治政府建设工作情况报告如下："
        default:
            return "根据《\(area.county)\(year)年法治政府建设工作要点》要求，现将\(township)\(year)年度法治政府建设工作开展情况报告如下："
        }
    }

    /// Sentences into paragraphs: one or two per paragraph, some led by 一是、二是.
    mutating func paragraphs(_ sentences: [String]) -> [String] {
        guard !sentences.isEmpty else { return [] }
        if sentences.count >= 3 && g.chance(0.35) {
            let markers = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"]
            return [sentences.enumerated().map { markers[min($0.offset, 7)] + $0.element }.joined()]
        }
        var out: [String] = []
        var i = 0
        while i < sentences.count {
            let take = min(sentences.count - i, g.chance(0.5) ? 2 : 1)
            out.append((g.chance(0.3) ? "  " : "") + sentences[i..<(i + take)].joined())
            i += take
        }
        return out
    }
}
