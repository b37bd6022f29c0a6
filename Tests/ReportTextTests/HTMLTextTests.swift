import Foundation
import Testing
@testable import ReportText

private let page = """
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>良垌镇2024年法治政府建设年度报告</title>
<style>p { color: red; } /* 不应出现 */</style>
<script>var menu = "<div>首页</div>"; if (a < b) {}</script></head>
<body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 法治建设</div>
<div id="topMenu"><div><span>网站地图</span></div></div>
<div class="article">
<h1>廉江市良垌镇人民政府2024年法治政府建设年度报告</h1>
<p>2024年，良垌镇坚持依法行政&nbsp;，共排查化解矛盾纠纷<b>241</b>起，化解率达96%。<br>开展&ldquo;八五&rdquo;普法宣传活动&#50;&#x30;场次，R&amp;D&lt;1。</p>
<!-- 注释不应出现 -->
<table><tr><td>调解</td><td>40 起</td></tr></table>
</div>
<div class="footer-links">版权所有 良垌镇人民政府</div>
<footer>网站标识码 4408810001</footer>
</body></html>
"""

@Test func htmlKeepsTitleAndBodyAndDropsMenusScriptsAndFooters() {
    let text = HTMLText.extract(page)
    let lines = text.string.split(separator: "\n").map(String.init)
    #expect(lines.first == "良垌镇2024年法治政府建设年度报告")
    #expect(lines.contains("2024年,良垌镇坚持依法行政 ,共排查化解矛盾纠纷241起,化解率达96%。"))
    #expect(lines.contains("开展“八五”普法宣传活动20场次,R&D<1。"))
    #expect(lines.contains("| 调解 | 40 起 |"))
    for noise in ["首页", "政务公开", "当前位置", "网站地图", "color", "var menu", "注释", "版权所有", "网站标识码"] {
        #expect(!text.string.contains(noise), "\(noise) should be dropped")
    }
}

@Test func htmlOffsetsPointIntoTheMarkup() throws {
    let text = HTMLText.extract(page)
    let markup = Array(page.unicodeScalars)
    let s = text.scalars
    // A plain character: "241" points at the "2" inside <b>.
    let range = try #require(text.string.range(of: "纠纷241起"))
    let index = text.string.unicodeScalars.distance(from: text.string.unicodeScalars.startIndex, to: range.lowerBound) + 2
    #expect(s[index] == "2")
    let offset = text.originalOffset(at: index)
    #expect(String(String.UnicodeScalarView(markup[offset..<(offset + 7)])) == "241</b>")
    // A decoded entity points at its '&'.
    let quote = try #require(s.firstIndex(of: "“"))
    let quoteOffset = text.originalOffset(at: quote)
    #expect(String(String.UnicodeScalarView(markup[quoteOffset..<(quoteOffset + 7)])) == "&ldquo;")
    let two = try #require(s.firstIndex(of: "<"))
    #expect(markup[text.originalOffset(at: two)] == "&")
}

@Test func htmlBlockElementsSeparateSentences() {
    let text = HTMLText.extract("<div>第一段没有句号</div><div>第二段<br/>第三段</div><p>a<br>b</p>")
    #expect(TestSupport.sentenceStrings(text) == ["第一段没有句号", "第二段", "第三段", "a", "b"])
}

@Test func htmlDroppedElementNestingIsTracked() {
    let html = "<div class=\"sidebar\"><div>栏目</div><div><div>链接</div></div></div><div>正文。</div>"
    #expect(HTMLText.extract(html).string == "正文。")
}

@Test func unclosedMenuItemsDoNotSwallowThePage() {
    let html = "<ul><li class=\"menu-item\">首页<li class=\"menu-item\">机构</ul><p>正文内容。</p>"
    #expect(HTMLText.extract(html).string == "正文内容。")
}

@Test func gbkDeclaredPageIsDecodedAsGB18030() throws {
    let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>化解率达96％。</p></body></html>"
    let data = try #require(Iconv.encode(html, to: "GB18030"))
    let document = try ReportReader.read(data: data, url: URL(fileURLWithPath: "/tmp/page.html"))
    #expect(document.format == .html)
    #expect(document.encoding == "GB18030")
    #expect(document.text.string == "化解率达96%。")
    #expect(document.original == html)
}

@Test func literalLessThanSignIsText() {
    #expect(HTMLText.extract("<p>a < b 与 c<3</p>").string == "a < b 与 c<3")
}

@Test func pageDeclaringGBKButWrittenInUTF8IsReadAsUTF8() throws {
    let html = "<html><head><meta charset=\"GBK\"><title>报告</title></head><body><p>开展普法活动12场。</p></body></html>"
    let document = try ReportReader.read(data: Data(html.utf8), url: URL(fileURLWithPath: "/tmp/page.htm"))
    #expect(document.encoding == "UTF-8")
    #expect(document.text.string == "报告\n开展普法活动12场。")
}

@Test func declaredCharsetIsFoundInBothMetaForms() {
    #expect(ReportReader.declaredCharset(Data("<meta charset='gb2312'>".utf8)) == "gb2312")
    #expect(ReportReader.declaredCharset(Data("<META http-equiv=Content-Type content=\"text/html; Charset=GBK\">".utf8)) == "gbk")
    #expect(ReportReader.declaredCharset(Data("<p>没有声明</p>".utf8)) == nil)
}
