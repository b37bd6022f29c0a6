/// The workbench's style sheet and script, served by it (no internet, no framework).
enum Assets {
    static let css = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #0b5cad; --ok: #1a7f37; --warn: #b35900; --bad: #c62828; --bg: #f6f8fa; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
    a { color: var(--accent); }
    kbd { display: inline-block; min-width: 1.4em; padding: 0 4px; margin-right: 4px; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; font: 12px/1.5 monospace; text-align: center; background: #fff; color: var(--ink); }
    .bar { display: flex; align-items: center; gap: 24px; padding: 8px 24px; background: #24425f; color: #fff; }
    .bar a { color: #fff; text-decoration: none; }
    .bar .brand { font-weight: 700; font-size: 17px; }
    .bar nav a { margin-right: 18px; opacity: .9; }
    .bar nav a:hover { opacity: 1; text-decoration: underline; }
    .bar .who { margin-left: auto; font-size: 13px; opacity: .85; }
    #flash { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); z-index: 10; margin: 0; display: none; max-width: 80vw; }
    #flash.show { display: block; padding: 6px 16px; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    #flash.error { background: #ffebe9; border-color: var(--bad); color: var(--bad); }
    h1 { font-size: 22px; margin: 0 0 8px; }
    h2 { font-size: 17px; margin: 20px 0 8px; }
    .count { font-size: 13px; font-weight: 400; color: var(--muted); margin-left: 8px; }
    .note, .src { color: var(--muted); font-size: 13px; }
    .queue, .results, .message { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
    .progress-box { padding: 12px 16px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
    .progress-row { display: flex; align-items: center; gap: 12px; margin: 4px 0; }
    .progress-row progress { width: 360px; height: 14px; }
    .keys { font-size: 13px; color: var(--muted); margin: 8px 0 0; }
    table.list { width: 100%; border-collapse: collapse; font-size: 14px; }
    table.list th { text-align: left; font-weight: 600; background: var(--bg); border-bottom: 2px solid var(--line); padding: 4px 8px; white-space: nowrap; }
    table.list td { border-bottom: 1px solid #eaeef2; padding: 4px 8px; vertical-align: top; }
    table.list tr.done td { color: var(--muted); }
    table.list tr.current td { background: #ddf4ff; }
    table.small { font-size: 13px; }
    td.src { font-size: 12px; color: var(--muted); word-break: break-all; }
    .kind { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; white-space: nowrap; background: #eaeef2; }
    .kind.k0, .kind.k1 { background: #ffebe9; color: var(--bad); }
    .kind.k2 { background: #fff1e5; color: var(--warn); }
    .kind.k3 { background: #fff8c5; color: #7d4e00; }
    .kind.k4 { background: #ddf4ff; color: var(--accent); }
    .columns { display: grid; grid-template-columns: 1fr 2fr; gap: 32px; }
    body.reporting { height: 100vh; overflow: hidden; display: flex; flex-direction: column; }
    .report { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(380px, 2fr); }
    .doc { overflow-y: auto; padding: 16px 28px; border-right: 1px solid var(--line); }
    .doc-head .nav a { margin-right: 16px; }
    .text { white-space: pre-wrap; word-break: break-word; font-size: 16px; line-height: 1.9; max-width: 46em; }
    .text mark { background: #fff1b8; border-radius: 3px; padding: 0 1px; cursor: pointer; position: relative; }
    .text mark.c { background: #eef3f8; outline: 1px dashed #8c9bab; }
    .text mark.focus { background: #ffd33d; outline: 2px solid var(--warn); }
    .text mark:hover::after, .text mark:focus::after { content: attr(data-tip); position: absolute; left: 0; top: 1.9em; z-index: 5; white-space: nowrap; padding: 2px 8px; font-size: 13px; line-height: 1.6; color: #fff; background: #24292f; border-radius: 4px; }
    .page { display: block; margin: 12px 0 4px; color: var(--muted); font-size: 12px; border-top: 1px dashed var(--line); }
    .values { overflow-y: auto; padding: 12px 16px; background: var(--bg); }
    .values-head { position: sticky; top: -12px; background: var(--bg); padding: 4px 0 6px; z-index: 2; border-bottom: 1px solid var(--line); }
    .values-head h2 { margin: 0; }
    ol.items { list-style: none; margin: 8px 0; padding: 0; }
    .item { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 0 0 8px; }
    .item.open { border-left-color: var(--warn); }
    .item.done { border-left-color: var(--ok); }
    .item.notstated .value { text-decoration: line-through; color: var(--muted); }
    .item.current { outline: 3px solid #54aeff; }
    .item { scroll-margin-top: 100px; scroll-margin-bottom: 12px; }
    .text mark { scroll-margin: 80px; }
    .item .head { display: flex; align-items: baseline; gap: 8px; }
    .item .name { font-weight: 600; }
    .item .value { margin-left: auto; font-size: 18px; font-weight: 700; font-variant-numeric: tabular-nums; }
    .tag { font-size: 12px; padding: 0 6px; border-radius: 10px; background: #ddf4ff; color: var(--accent); }
    .tag.warn, .warn { color: var(--warn); }
    .tag.warn { background: #fff1e5; }
    .meta, .reason, .status { font-size: 13px; color: var(--muted); }
    .reason { color: var(--warn); }
    .check { color: var(--bad); font-size: 13px; margin: 4px 0; }
    .item.done .status { color: var(--ok); }
    blockquote { margin: 6px 0; padding: 2px 10px; border-left: 3px solid var(--line); font-size: 13px; color: #3d444d; }
    ol.cands { list-style: none; padding: 0; margin: 6px 0; font-size: 13px; }
    ol.cands li { margin: 2px 0; }
    ol.cands .ev { color: var(--muted); margin-left: 6px; }
    button { font: inherit; font-size: 13px; padding: 2px 10px; margin-right: 6px; border: 1px solid var(--line); border-radius: 5px; background: #fff; cursor: pointer; }
    button:hover { background: #f3f4f6; border-color: #8c959f; }
    .actions { margin-top: 6px; }
    form.edit { margin-top: 6px; font-size: 13px; }
    form.edit input { font: inherit; padding: 2px 6px; border: 1px solid #8c959f; border-radius: 4px; }
    form.edit input[name=value] { width: 8em; }
    form.edit input[name=note] { width: 16em; }
    .results img { max-width: 100%; border: 1px solid var(--line); }
    pre.summary { white-space: pre-wrap; font: inherit; background: var(--bg); padding: 12px 16px; border-radius: 6px; }
    """

    static let js = """
    "use strict";
    (function () {
      const token = document.querySelector('meta[name="csrf-token"]').content;
      const flash = document.getElementById("flash");
      function say(text, error) {
        flash.textContent = text;
        flash.className = "show" + (error ? " error" : "");
      }
      async function post(url, body) {
        const response = await fetch(url, {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
          body: JSON.stringify(body)
        });
        let answer = {};
        try { answer = await response.json(); } catch (e) { answer = { message: "服务器没有回应 (" + response.status + ")" }; }
        if (!response.ok) { throw new Error(answer.message || ("请求失败 " + response.status)); }
        return answer;
      }
      function typing(event) {
        const t = event.target;
        return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
      }

      // The queue: j/k move through the rows, Enter opens one.
      const queue = document.getElementById("queue");
      if (queue) {
        const rows = Array.from(queue.querySelectorAll("tbody tr"));
        let at = -1;
        function go(i) {
          if (!rows.length) return;
          if (at >= 0) rows[at].classList.remove("current");
          at = Math.max(0, Math.min(rows.length - 1, i));
          rows[at].classList.add("current");
          rows[at].scrollIntoView({ block: "nearest" });
        }
        document.addEventListener("keydown", function (e) {
          if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
          if (e.key === "j") { go(at + 1); e.preventDefault(); }
          else if (e.key === "k") { go(at - 1); e.preventDefault(); }
          else if (e.key === "Enter" && at >= 0) {
            const link = rows[at].querySelector("a");
            if (link) { location.href = link.href; e.preventDefault(); }
          }
        });
        return;
      }

      // A report: j/k move through its values; a, e, 1–9, x decide; u undoes; n opens the next report.
      const main = document.querySelector("main.report");
      if (!main) return;
      const report = Number(main.dataset.report);
      const list = document.getElementById("items");
      let at = -1;
      function items() { return Array.from(list.querySelectorAll("li.item")); }
      function mark(id, on) {
        const m = id && document.getElementById(id);
        if (!m) return;
        m.classList.toggle("focus", on);
        if (on) m.scrollIntoView({ block: "center", behavior: "instant" });
      }
      function go(i) {
        const all = items();
        if (!all.length) return;
        if (at >= 0 && all[at]) { all[at].classList.remove("current"); mark(all[at].dataset.mark, false); }
        at = Math.max(0, Math.min(all.length - 1, i));
        const item = all[at];
        item.classList.add("current");
        item.scrollIntoView({ block: "nearest" });
        mark(item.dataset.mark, true);
        history.replaceState(null, "", "#" + item.id);
      }
      function current() { return items()[at]; }
      function refresh(answer) {
        const old = document.getElementById("i-" + answer.indicator);
        if (old && answer.itemHTML) {
          const holder = document.createElement("ol");
          holder.innerHTML = answer.itemHTML;
          const fresh = holder.firstElementChild;
          const wasCurrent = old.classList.contains("current");
          old.replaceWith(fresh);
          if (wasCurrent) fresh.classList.add("current");
        }
        if (answer.reviewedText) document.getElementById("reviewed-count").textContent = answer.reviewedText;
      }
      async function decide(item, body, advance) {
        body.report = report;
        body.indicator = item.dataset.indicator;
        try {
          const answer = await post("/api/decision", body);
          refresh(answer);
          say(answer.message, false);
          if (advance) {
            const all = items();
            const next = all.findIndex(function (x, i) { return i > at && x.classList.contains("open"); });
            go(next >= 0 ? next : at);
          }
        } catch (error) { say(error.message, true); }
      }
      // The value field is made when asked for (e), not for every value of every page.
      function edit(item) {
        if (!item.querySelector(".actions")) return;
        let form = item.querySelector("form.edit");
        if (!form) {
          form = document.createElement("form");
          form.className = "edit";
          form.innerHTML = '<label>正确数值 <input name="value" inputmode="decimal" autocomplete="off" required></label> ' +
            '<span class="unit"></span> <label>说明 <input name="note" placeholder="依据，如：核对原件第3页" autocomplete="off"></label>' +
            '<button type="submit">保存</button><button type="button" data-action="cancel">取消</button>';
          form.querySelector(".unit").textContent = item.dataset.unit;
          item.appendChild(form);
        }
        form.hidden = false;
        form.value.focus();
      }
      list.addEventListener("submit", function (e) {
        e.preventDefault();
        const form = e.target;
        const item = form.closest("li.item");
        go(items().indexOf(item));
        decide(item, { action: "edit", value: form.value.value, note: form.note.value }, true);
      });
      list.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && e.target.form) { e.target.form.hidden = true; e.target.blur(); e.preventDefault(); }
      });
      list.addEventListener("click", function (e) {
        const button = e.target.closest("button[data-action]");
        const item = e.target.closest("li.item");
        if (!item) return;
        go(items().indexOf(item));
        if (!button) return;
        const action = button.dataset.action;
        if (action === "edit") edit(item);
        else if (action === "cancel") button.form.hidden = true;
        else if (action === "candidate") decide(item, { action: "candidate", finding: Number(button.dataset.finding) }, true);
        else decide(item, { action: action }, true);
      });
      document.getElementById("text").addEventListener("click", function (e) {
        const m = e.target.closest("mark");
        if (m) go(Number(m.dataset.item));
      });
      document.addEventListener("keydown", async function (e) {
        if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
        const item = current();
        if (e.key === "j") { go(at + 1); }
        else if (e.key === "k") { go(at - 1); }
        else if (e.key === "n" && main.dataset.next) { location.href = main.dataset.next; }
        else if (e.key === "u") {
          try {
            const answer = await post("/api/undo", {});
            say(answer.message, false);
            if (answer.report === report) { refresh(answer); }
          } catch (error) { say(error.message, true); }
        }
        else if (!item) { if (e.key === "a" || e.key === "e" || e.key === "x") go(0); return; }
        else if (e.key === "a") { decide(item, { action: "accept" }, true); }
        else if (e.key === "x") { decide(item, { action: "not_stated" }, true); }
        else if (e.key === "e") { edit(item); }
        else if (/^[1-9]$/.test(e.key)) {
          const choice = item.querySelectorAll("button[data-action=candidate]")[Number(e.key) - 1];
          if (choice) decide(item, { action: "candidate", finding: Number(choice.dataset.finding) }, true);
          else say("没有第 " + e.key + " 个候选值", true);
        }
        else return;
        e.preventDefault();
      });
      // The first value is chosen in the first frame, not while the page loads: scrolling to it then costs
      // no layout of its own (the frame lays the page out once).
      requestAnimationFrame(function () {
        const wanted = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
        const first = items().findIndex(function (x) { return x.classList.contains("open"); });
        go(wanted ? items().indexOf(wanted) : (first >= 0 ? first : 0));
      });
    })();
    """
}
