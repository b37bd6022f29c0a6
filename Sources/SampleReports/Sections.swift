/// The parts of a report: each returns its sentences; `Composer.compose()` puts them under headings.
extension Composer {
    // MARK: Leadership (distractors only: what leaders did personally, meetings, study sessions)

    mutating func leadership() -> [String] {
        var out: [String] = []
        out.append(pick([
            "成立以\(level)党委书记、\(level)长为双组长的法治政府建设工作领导小组，将法治建设纳入年度目标责任考核，形成党委统一领导、党政齐抓共管的工作格局。",
            "坚持党政主要负责人履行推进法治建设第一责任人职责，把法治政府建设摆在全局工作的突出位置，与经济社会发展同部署、同推进、同督促、同考核。",
            "坚持把学习贯彻习近平法治思想作为重要政治任务，列入党委理论学习中心组学习重点内容，推动“关键少数”带头尊法学法守法用法。",
        ]))
        let meetings = g.int(3...12), study = g.int(2...10)
        var s = "\(year)年，党委理论学习中心组开展法治专题学习\(plain(study))次，召开党委（扩大）会议专题研究法治建设工作\(plain(meetings))次"
        if g.chance(0.6) {
            s += "；党政主要负责人带头接访群众\(plain(g.int(20...90)))人次，牵头化解矛盾纠纷\(plain(g.int(3...15)))宗"
        }
        out.append(s + "。")
        if g.chance(0.5) {
            out.append("组织领导干部参加法治专题讲座\(plain(g.int(2...8)))场，开展“以案释法”警示教育\(plain(g.int(1...4)))次，\(whole)\(plain(g.int(60...260)))名干部参加网上学法考试，参考率100%。")
        }
        return out
    }

    // MARK: Administration and enforcement

    mutating func enforcement() -> [String] {
        var out: [String] = []
        let staff = has("enforcement.certified_staff"), issued = has("enforcement.certificates_issued")
        // Nobody writes 注销0个.
        let revoked = has("enforcement.certificates_revoked") && figures.counts["enforcement.certificates_revoked"]! > 0, rate = has("enforcement.certified_rate")
        var usedRate = false
        if staff {
            switch g.int(0...4) {
            case 4: out.append("\(whole)现有行政执法人员\(n("enforcement.certified_staff", "人"))，均已取得行政执法证件，做到持证上岗、亮证执法。")
            case 0: out.append("目前\(whole)共有\(n("enforcement.certified_staff", "名"))干部持有行政执法证件，确保严格规范行政执法身份。")
            case 1:
                var s = "\(whole)现有持证执法人员\(n("enforcement.certified_staff", "人"))"
                if rate { s += "，持证上岗率达\(pct("enforcement.certified_rate"))"; usedRate = true }
                out.append(s + "。")
            case 2: out.append("截至\(year)年底，\(we)持有行政执法证件的人员共\(n("enforcement.certified_staff", "名"))，均按规定亮证执法。")
            default: out.append("\(year)年\(we)持有行政执法证人员\(n("enforcement.certified_staff", "人"))，执法队伍结构不断优化。")
            }
        }
        if issued || revoked {
            var parts: [String] = []
            if issued {
                parts.append(pick(["新申领执法证", "发放行政执法证", "为新进人员申领行政执法证", "新办理执法证件"]) + n("enforcement.certificates_issued", pick(["个", "个", "本"])))
            }
            if revoked {
                parts.append((issued ? "注销" : "注销执法证件") + n("enforcement.certificates_revoked", "个"))
            }
            var s = pick(["组织执法人员参加培训\(plain(g.int(2...6)))期共\(plain(g.int(40...220)))人次，", "严格执法人员资格管理，", "\(year)年，"])
            s += parts.joined(separator: "，")
            if rate && !usedRate { s += "，持证上岗率达\(pct("enforcement.certified_rate"))"; usedRate = true }
            out.append(s + "。")
        }
        if rate && !usedRate {
            out.append("严格落实行政执法“三项制度”，行政执法人员持证上岗率\(pct("enforcement.certified_rate"))，执法全过程记录覆盖所有执法岗位。")
        }
        out.append(pick([
            "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”，推行柔性执法，执法行为进一步规范。",
            "针对食品安全、燃气安全、环境保护等重点领域，开展集中执法活动\(plain(g.int(3...12)))次，检查市场主体\(g.int(8...40) * 10)余家次，责令整改问题\(plain(g.int(10...60)))个。",
        ]))
        if has("review.legality_reviews") {
            let s: String
            switch g.int(0...3) {
            case 0: s = "严格执行重大行政决策合法性审查制度，全年开展合法性审查\(n("review.legality_reviews", "次"))，未经审查或审查不通过的决策草案坚决不上会讨论。"
            case 1: s = "充分发挥法律顾问作用，审查合同\(n("review.legality_reviews", "份"))，提出法律意见\(plain(g.int(5...40)))条，有效防范法律风险。"
            case 2: s = "今年组织行政决策合法性审查\(n("review.legality_reviews", "次"))，重大决策合法性审查覆盖率达100%。"
            default: s = "对以\(level)政府名义签订的合同、印发的文件开展合法性审核\(n("review.legality_reviews", "件"))，做到应审尽审。"
            }
            out.append(s)
        }
        if g.chance(0.5) {
            out.append("制定印发《\(township)重大行政决策程序规定》（\(shortName)政〔\(year)〕\(g.int(3...40))号），明确公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序。")
        }
        return out
    }

    // MARK: Disputes and petitions

    mutating func disputes() -> [String] {
        var out: [String] = []
        let com = has("mediation.committees"), med = has("mediation.mediators")
        if com || med {
            switch g.int(0...3) {
            case 0 where com:
                let c = figures.counts["mediation.committees"]!
                var s = "\(whole)建立人民调解委员会\(n("mediation.committees", "个"))，其中\(level)调委会1个、村（社区）调委会\(plain(c - 1))个"
                if med { s += "，配备人民调解员\(n("mediation.mediators", "名"))" }
                out.append(s + "。")
            case 1 where com:
                var s = "坚持和发展新时代“枫桥经验”，建立\(level)村两级人民调解委员会\(n("mediation.committees", "个"))"
                if med { s += "，配备人民调解员\(n("mediation.mediators", "名"))" }
                out.append(s + "。")
            case 2 where com:
                var s = "已建立调委会\(n("mediation.committees", "个"))"
                if med { s += "，配备专兼职人民调解员\(n("mediation.mediators", "名"))" }
                out.append(s + "，实现村（社区）调解组织全覆盖。")
            default:
                var s = com ? "现有人民调解组织\(n("mediation.committees", "个"))" : ""
                if med { s += (com ? "，" : "\(whole)现有") + "人民调解员\(n("mediation.mediators", "人"))" }
                out.append(s + "，织密矛盾纠纷排查化解网络。")
            }
        }
        if has("mediation.disputes") {
            var resolved = figures.resolved
            var rate = figures.rates["mediation.resolution_rate"]!
            if flaw == .partExceedsWhole {
                resolved = figures.counts["mediation.disputes"]! + g.int(1...6)
                inconsistencies.append(SampleInconsistency(
                    kind: .partExceedsWhole, indicators: ["mediation.disputes", "mediation.resolved", "mediation.resolution_rate"],
                    stated: Double(resolved), expected: Double(figures.counts["mediation.disputes"]!),
                    note: "调解成功数大于受理的矛盾纠纷数"))
                present.insert("mediation.resolved")
                rate = 100
            }
            let withRate = has("mediation.resolution_rate")
            let withResolved = has("mediation.resolved") && (resolved != figures.counts["mediation.disputes"]! || flaw == .partExceedsWhole)
            var s: String
            switch g.int(0...5) {
            case 0: s = "\(year)年，\(whole)共排查化解矛盾纠纷\(n("mediation.disputes", "件"))"
            case 1: s = "全年受理矛盾纠纷\(n("mediation.disputes", "件"))"
            case 2: s = "全年共调处各类矛盾纠纷\(n("mediation.disputes", "起"))"
            case 3: s = "全年共调解矛盾纠纷\(n("mediation.disputes", "起"))"
            case 4: s = "\(whole)各级调解组织共受理民间纠纷\(n("mediation.disputes", "件"))"
            default: s = "依托“网格+调解”机制，累计摸排矛盾纠纷\(n("mediation.disputes", "宗"))"
            }
            if g.chance(0.3) {
                let d = figures.counts["mediation.disputes"]!
                s += "，其中婚姻家庭纠纷\(plain(max(1, d / 4)))件、邻里纠纷\(plain(max(1, d / 5)))件"
            }
            if withResolved {
                s += "，" + pick(["调解成功", "成功调解", "成功化解"]) + n("mediation.resolved", "件", resolved)
            }
            if withRate {
                let word = withResolved ? pick(["调解成功率", "化解率"]) : pick(["化解率", "成功率", "调解成功率", "化解率", "办结率"])
                s += "，\(word)\(pick(["达", "为", ""]))\(pct("mediation.resolution_rate", rate))"
            } else if resolved == figures.counts["mediation.disputes"]! && g.chance(0.5) {
                s += "，均已妥善化解"
            }
            if let p = previous, g.chance(0.25) {
                let before = p.counts["mediation.disputes"]!, now = figures.counts["mediation.disputes"]!
                if before != now {
                    let change = abs(Double(now - before)) / Double(before) * 100
                    s += "，同比" + (now < before ? "下降" : "上升") + NumberWriter.rate((change * 10).rounded() / 10) + "%"
                }
            }
            out.append(s + "，有效防止了矛盾纠纷激化升级。")
            if g.chance(0.3) {
                let village = pick(TownshipNames.villages)
                out.append("如\(village)调委会今年以来调解邻里纠纷\(plain(g.int(3...12)))件，做到“小事不出村、大事不出\(level)”。")
            }
        }
        if has("petitions.received") {
            let r = figures.counts["petitions.received"]!
            var c = figures.closed
            var rate = figures.rates["petitions.closure_rate"]!
            if flaw == .rateMismatch {
                if c == r { c = max(0, r - max(1, r / 8)) }
                let expected = TownshipModel.rate(c, of: r)
                rate = 100
                inconsistencies.append(SampleInconsistency(
                    kind: .rateMismatch,
                    indicators: ["petitions.received", "petitions.closed", "petitions.closure_rate"],
                    stated: 100, expected: expected, note: "信访办结率写作100%，但办结数小于受理数"))
                present.formUnion(["petitions.closed", "petitions.closure_rate"])
            }
            let closed = has("petitions.closed"), withRate = has("petitions.closure_rate")
            var s: String
            switch g.int(0...4) {
            case 0: s = "全年共受理信访件\(n("petitions.received", "件"))"
            case 1: s = "据统计，\(year)年\(we)收到上级交办信访件\(n("petitions.received", "宗"))"
            case 2: s = "今年以来，上级交办信访案件\(n("petitions.received", "件"))"
            case 3: s = "全年登记来信来访\(n("petitions.received", "件次"))"
            default: s = "受理群众信访事项\(n("petitions.received", "件"))"
            }
            if closed { s += "，\(pick(["已办结", "办结", "已办结"]))\(n("petitions.closed", "件", c))" }
            if withRate {
                s += "，\(pick(["办结率", "办结率为", "按期办结率", "及时办结率达"]))\(pct("petitions.closure_rate", rate))"
            } else if closed && c < r && g.chance(0.6) {
                s += "，剩余\(plain(r - c))件正在积极办理中"
            }
            out.append(s + "。")
        }
        if g.chance(0.4) {
            out.append("办理12345政务服务便民热线工单\(plain(g.int(120...900)))件，按时办结率\(NumberWriter.rate(Double(g.int(95...100))))%，群众满意度不断提升。")
        }
        return out
    }

    // MARK: Publicity and legal services

    mutating func publicity() -> [String] {
        var out: [String] = []
        let ev = has("publicity.events"), mat = has("publicity.materials"), con = has("legal.consultations")
        if ev || mat || con {
            var parts: [String] = []
            switch g.int(0...3) {
            case 0:
                if ev { parts.append("全年共开展法治宣传活动\(approx("publicity.events", pick(["场次", "场", "次"])))") }
                if mat { parts.append("发放宣传资料\(approx("publicity.materials", "份"))") }
                if con { parts.append("解答群众法律咨询\(approx("legal.consultations", "人次"))") }
            case 1:
                parts.append("围绕“宪法宣传周”“民法典宣传月”“国家安全教育日”等重要节点")
                if ev { parts.append("开展普法活动\(n("publicity.events", "场"))") }
                if mat { parts.append("发放普法宣传资料\(approx("publicity.materials", "份"))") }
                if con { parts.append("现场提供法律咨询\(approx("legal.consultations", "人次"))") }
            case 2:
                if ev { parts.append("今年以来，共开展\(n("publicity.events", "次"))法制宣传活动") }
                if ev && g.chance(0.6) { parts[parts.count - 1] += "，其中进学校\(plain(g.int(2...8)))次" }
                if mat { parts.append("派发《民法典》等宣传册\(approx("publicity.materials", "册"))") }
                if con { parts.append("接待群众法律咨询\(approx("legal.consultations", "人次"))") }
            default:
                if ev { parts.append("组织开展普法宣传活动\(approx("publicity.events", "场次"))") }
                if ev { parts.append("覆盖群众\(plain(g.int(1...5)))万余人次") }
                if mat { parts.append("发放各类宣传资料\(approx("publicity.materials", "份"))") }
                if con { parts.append("为群众提供法律咨询\(approx("legal.consultations", "人次"))") }
            }
            out.append(parts.joined(separator: "，") + "，推动法治宣传教育走深走实。")
        }
        if g.chance(0.5) {
            out.append(pick([
                "开展“法律进乡村”宣传活动\(plain(g.int(4...15)))次，举办法治讲座\(plain(g.int(3...20)))场。",
                "充分利用微信公众号等新媒体平台，发布法治宣传信息\(plain(g.int(20...120)))余条，设置法治宣传栏\(plain(g.int(3...20)))个。",
                "聚焦“4·15”全民国家安全教育日、“12·4”国家宪法日等时间节点，开展主题宣传，营造浓厚法治氛围。",
            ]))
        }
        if has("legal.literates") {
            let now = figures.counts["legal.literates"]!
            var s: String
            switch g.int(0...2) {
            case 0: s = "深入实施农村“法律明白人”培养工程，培育“法律明白人”\(n("legal.literates", "名"))"
            case 1: s = "各村（社区）择优培养“法律明白人”\(n("legal.literates", "人"))"
            default: s = "\(whole)“法律明白人”达\(n("legal.literates", "人"))"
            }
            if let p = previous, let before = p.counts["legal.literates"], now > before, g.chance(0.55) || flaw == .changeMismatch {
                var k = now - before
                if flaw == .changeMismatch {
                    let wrong = k + max(2, k / 2)
                    inconsistencies.append(SampleInconsistency(
                        kind: .changeMismatch, indicators: ["legal.literates"],
                        stated: Double(wrong), expected: Double(k),
                        note: "较上年增加\(wrong)人，与上年报告的\(before)人不符"))
                    k = wrong
                }
                s += "，较上年增加\(plain(k))" + (s.hasSuffix("名") ? "名" : "人")
            }
            out.append(s + "，引导群众依法表达诉求、维护权益。")
        }
        if has("legal.advisers") {
            let v = figures.villages
            // One template at a time: an array of them would write (and record) the number three times.
            switch g.int(0...2) {
            case 0: out.append("深化“一村（社区）一法律顾问”制度，聘请驻村律师\(n("legal.advisers", "名"))，为\(plain(v))个村（社区）提供法律服务。")
            case 1: out.append("为\(whole)\(plain(v))个村（社区）配备法律顾问\(n("legal.advisers", "名"))，定期开展驻村坐班服务。")
            default: out.append("村（居）法律顾问\(n("legal.advisers", "名"))深入村（社区）开展“法律体检”，参与矛盾纠纷化解。")
            }
        }
        return out
    }

    // MARK: Reconsideration and litigation

    mutating func review() -> [String] {
        var out: [String] = []
        let rc = has("review.reconsideration_cases"), lc = has("review.litigation_cases")
        let cases = figures.counts["review.reconsideration_cases"]!, suits = figures.counts["review.litigation_cases"]!
        if rc && cases > 0 && g.chance(0.5) {
            out.append("\(year)年\(whole)共计收到行政复议申请\(n("review.reconsideration_cases", "件"))，已办结\(plain(cases))件，办结率100%。")
        } else if rc && lc && g.chance(0.5) {
            out.append("全年新增行政复议案件\(n("review.reconsideration_cases", "件"))，行政应诉案件\(n("review.litigation_cases", "件"))。")
        } else if rc {
            out.append(cases == 0 ? "全年新增行政复议案件\(n("review.reconsideration_cases", "件"))。"
                : "全年发生行政复议案件\(n("review.reconsideration_cases", "件"))，均依法按时答复。")
        }
        if lc && values["review.litigation_cases"] == nil && suits > 0 {
            var s = "全年发生行政诉讼案件\(n("review.litigation_cases", "件"))"
            if has("review.head_appearance_rate") {
                s += "，行政机关负责人出庭应诉率\(pct("review.head_appearance_rate"))"
            }
            out.append(s + "。")
        } else if values["review.litigation_cases"] != nil && suits > 0 && has("review.head_appearance_rate") {
            out.append("严格落实行政机关负责人出庭应诉制度，负责人出庭应诉率达\(pct("review.head_appearance_rate"))。")
        }
        if values["review.reconsideration_cases"] == nil && values["review.litigation_cases"] == nil && g.chance(0.5) {
            out.append("全年未发生行政复议、行政诉讼败诉案件。")
        }
        if g.chance(0.5) {
            out.append("认真办理人大代表建议\(plain(g.int(2...12)))件、政协委员提案\(plain(g.int(1...6)))件，办复率100%。")
        }
        return out
    }
}
