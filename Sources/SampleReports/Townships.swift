/// Names for the townships of 示例县: 例 + a landscape word + 镇/乡/街道 (例山镇, 例溪乡,
/// 例港街道). 例 stands in no real place name of the 2023 division codes, so nobody takes a
/// sample township for a real one, and the pattern shows at a glance that it is made up.
enum TownshipNames {
    /// One-character stems: neither 例X镇 nor X镇/X乡/X街道 is a real township.
    static let stems: [String] = "山河湖溪桥林岭坪塘岗田川泉洲滩湾峰港源石松竹梅兰杉枫云阳安平和丰宁德乐华江沙北南"
        .map(String.init)

    /// `count` distinct names, the first ones from the one-character stems, then two-character
    /// ones (例石溪镇) that `isReserved` does not reject: pass a gazetteer check so that no name
    /// ends in a real township's name.
    static func names(_ count: Int, _ g: inout SplitMix64, isReserved: (String) -> Bool) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        func suffix(_ i: Int) -> String {
            // Most are towns; a few 街道 (the county seat's), some 乡.
            switch i % 10 {
            case 0: return "街道"
            case 4, 8: return "乡"
            default: return "镇"
            }
        }
        func tryAdd(_ stem: String) {
            let name = "例" + stem + suffix(out.count)
            guard !seen.contains(name), !isReserved(name) else { return }
            let tail = String(name.dropFirst())
            guard !isReserved(tail), stem.count < 2 || !isReserved(String(name.dropFirst(2))) else { return }
            seen.insert(name)
            out.append(name)
        }
        for stem in g.shuffled(stems) where out.count < count { tryAdd(stem) }
        var pairs: [String] = []
        for a in stems { for b in stems where a != b { pairs.append(a + b) } }
        for stem in g.shuffled(pairs) where out.count < count { tryAdd(stem) }
        var n = 1
        while out.count < count {
            // Beyond 1,600 names: numbered, 例山一镇… (only for very large benchmark sets).
            let stem = stems[n % stems.count] + NumberWriter.chinese(n / stems.count + 1)
            tryAdd(stem)
            n += 1
        }
        return out
    }

    /// Village names for the text's examples: 青松村, 石门社区.
    static let villages: [String] = ["青松村", "石门村", "上坪村", "下湾村", "红星村", "团结村", "新桥村", "柏树村",
                                     "杨柳村", "金竹村", "大屋村", "长岭村", "和平社区", "文昌社区", "中心社区"]
}
