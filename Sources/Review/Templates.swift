import Mustache

/// The pages' Mustache templates. `{{…}}` escapes HTML; the only `{{{…}}}` is the report's text, which
/// `markedText` builds from escaped pieces.
enum Templates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        try library.register(head, named: "head")
        try library.register(item, named: "item")
        try library.register(queue, named: "queue")
        try library.register(report, named: "report")
        try library.register(results, named: "results")
        try library.register(message, named: "message")
        return library
    }

    static let head = """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="csrf-token" content="{{csrf}}">
    <title>{{pageTitle}} · fazhi 核对</title>
    <link rel="stylesheet" href="/assets/review.css">
    <script src="/assets/review.js" defer></script>
    </head>
    <body class="{{bodyClass}}">
    <header class="bar">
    <a class="brand" href="/">fazhi 核对</a>
    <nav><a href="/" accesskey="q">待核队列</a><a href="/results">图表与简报</a><a href="/summary">摘要</a></nav>
    <span class="who">核对人：{{reviewer}}</span>
    </header>
    <p id="flash" role="status" aria-live="polite"></p>
    """

    static let item = """
    <li class="item {{statusClass}}" id="i-{{indicator}}" data-indicator="{{indicator}}" data-mark="{{mark}}" data-unit="{{unit}}" tabindex="-1">
    <div class="head"><span class="name">{{name}}</span>{{#headline}}<span class="tag">重点</span>{{/headline}}
    <span class="value">{{valueText}}</span>{{#reason}}<span class="tag warn">待核</span>{{/reason}}</div>
    <div class="meta">上年：{{previousText}}{{#jump}}<span class="warn">，{{jump}}</span>{{/jump}}{{#page}} · {{page}}{{/page}}{{#extracted}} · 报告原值 {{extracted}}{{/extracted}}</div>
    {{#reason}}<div class="reason">提取待核：{{reason}}</div>{{/reason}}
    {{#checks}}<div class="check">⚠ {{.}}</div>{{/checks}}
    {{#evidence}}<blockquote>{{evidence}}</blockquote>{{/evidence}}
    {{#hasCandidates}}<ol class="cands">{{#candidates}}<li><button type="button" data-action="candidate" data-finding="{{id}}" data-mark="{{mark}}"><kbd>{{n}}</kbd>{{valueText}}</button><span class="ev">{{evidence}}</span></li>{{/candidates}}</ol>{{/hasCandidates}}
    <div class="status">{{status}}</div>
    {{#settled}}<div class="actions"><button type="button" data-action="accept"><kbd>a</kbd>接受</button><button type="button" data-action="edit"><kbd>e</kbd>修改</button><button type="button" data-action="not_stated"><kbd>x</kbd>未述及</button></div>{{/settled}}
    </li>
    """

    static let queue = """
    {{> head}}
    <main class="queue">
    <section class="progress-box">
    <h1>待核队列</h1>
    {{#progress}}<div class="progress-row"><span>{{year}}年</span><progress max="{{total}}" value="{{reviewed}}"></progress><span class="count">已核对 {{reviewed}} / {{total}}</span></div>{{/progress}}
    <p class="keys">键盘：<kbd>j</kbd>/<kbd>k</kbd> 上下移动 · <kbd>Enter</kbd> 打开 · 报告页中 <kbd>a</kbd> 接受 <kbd>e</kbd> 修改 <kbd>1</kbd>–<kbd>9</kbd> 选候选值 <kbd>x</kbd> 未述及 <kbd>u</kbd> 撤销 <kbd>n</kbd> 下一份报告</p>
    </section>
    <section>
    <h2>需要核对的事项 <span class="count">{{openCount}} 项待核，共 {{itemCount}} 项</span></h2>
    <table class="list" id="queue">
    <thead><tr><th>#</th><th>类别</th><th>镇街</th><th>年份</th><th>指标</th><th>说明</th><th>状态</th></tr></thead>
    <tbody>
    {{#rows}}<tr class="row {{#done}}done{{/done}}" tabindex="-1"><td>{{n}}</td><td><span class="kind {{kindClass}}">{{kind}}</span></td><td>{{township}}</td><td>{{year}}</td><td>{{indicator}}</td><td>{{#href}}<a href="{{href}}">{{message}}</a>{{/href}}{{^href}}{{message}}{{/href}}</td><td>{{status}}</td></tr>
    {{/rows}}
    </tbody>
    </table>
    {{#more}}<p class="note">只列出前 300 项待核事项；核对后其余依次显示。</p>{{/more}}
    </section>
    <div class="columns">
    <section>
    <h2>各镇街</h2>
    <table class="list small"><thead><tr><th>镇街</th><th>待核</th><th>已核对</th></tr></thead><tbody>
    {{#townships}}<tr><td>{{township}}</td><td>{{open}}</td><td>{{done}}</td></tr>{{/townships}}
    </tbody></table>
    </section>
    <section>
    <h2>报告 <span class="count">{{reportCount}} 份</span></h2>
    <table class="list small" id="reports"><thead><tr><th>报告</th><th>待核</th><th>文件</th></tr></thead><tbody>
    {{#reports}}<tr class="{{#clear}}done{{/clear}}"><td><a href="{{href}}">{{title}}</a></td><td>{{open}}</td><td class="src">{{source}}</td></tr>{{/reports}}
    </tbody></table>
    </section>
    </div>
    </main>
    </body>
    </html>
    """

    static let report = """
    {{> head}}
    <main class="report" data-report="{{reportId}}" {{#next}}data-next="/report/{{next}}"{{/next}}>
    <section class="doc">
    <div class="doc-head">
    <h1>{{title}}</h1>
    <p class="src">{{source}}</p>
    <p class="nav">{{#previous}}<a href="/report/{{previous}}">← 上一份</a>{{/previous}}<a href="/">队列</a>{{#next}}<a href="/report/{{next}}" id="next-report">下一份 →</a>{{/next}}</p>
    </div>
    {{#reportChecks}}<p class="check">⚠ {{.}}</p>{{/reportChecks}}
    {{#unsettled}}<p class="check">这份报告的镇街或年份未定，无法记录核对结论：请补全文件名或报告中的信息后重新提取。</p>{{/unsettled}}
    {{#readError}}<p class="check">原文无法读取：{{readError}}</p>{{/readError}}
    <div class="text" id="text">{{{textHTML}}}</div>
    </section>
    <aside class="values">
    <div class="values-head"><h2>数值 <span class="count" id="reviewed-count">已核对 {{reviewedCount}} / {{itemCount}}</span></h2>
    <p class="keys"><kbd>j</kbd>/<kbd>k</kbd> 移动 · <kbd>a</kbd> 接受 · <kbd>e</kbd> 修改 · <kbd>1</kbd>–<kbd>9</kbd> 候选 · <kbd>x</kbd> 未述及 · <kbd>u</kbd> 撤销 · <kbd>n</kbd> 下一份</p></div>
    <ol class="items" id="items">
    {{#items}}{{> item}}{{/items}}
    </ol>
    {{^hasItems}}<p class="note">这份报告没有提取到数值。</p>{{/hasItems}}
    </aside>
    </main>
    </body>
    </html>
    """

    static let results = """
    {{> head}}
    <main class="results">
    <h1>{{heading}}</h1>
    <p class="note">{{note}}</p>
    <form method="post" action="/results/redraw?csrf={{csrf}}" class="redraw"><button type="submit">按当前数据重新绘制</button></form>
    {{#links}}<p><a href="{{href}}">{{label}}</a></p>{{/links}}
    {{#briefing}}<figure><img src="{{briefing}}" alt="{{heading}}"></figure>{{/briefing}}
    {{#summaryText}}<pre class="summary">{{summaryText}}</pre>{{/summaryText}}
    </main>
    </body>
    </html>
    """

    static let message = """
    {{> head}}
    <main class="message"><h1>{{heading}}</h1><p>{{text}}</p><p><a href="/">回到待核队列</a></p></main>
    </body>
    </html>
    """
}
