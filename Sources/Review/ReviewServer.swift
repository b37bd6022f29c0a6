import Foundation
import Hummingbird
import Logging
import Mustache
import NIOCore
import Store

/// `fazhi review`: the workbench as a Hummingbird application on one host and port.
public struct ReviewServer: Sendable {
    public let bench: Workbench
    public let host: String
    /// 0 picks a free port; the one bound is printed.
    public let port: Int
    /// Required of every request (a non-loopback host); nil on loopback.
    public let accessToken: String?
    /// Where the gallery, briefing and charts are drawn for the "result" pages.
    public let resultsFolder: URL
    let templates: MustacheLibrary
    let documents = DocumentCache()
    let sessions = Sessions()
    let boundPort = BoundPort()
    let queueCache = QueueCache()
    let results: Results

    /// A server for `bench` on `host:port`. A host other than loopback gets a fresh access token.
    /// Throws when the templates do not parse (a programming error).
    public init(bench: Workbench, host: String = "127.0.0.1", port: Int = 0, resultsFolder: URL) throws {
        self.bench = bench
        self.host = host
        self.port = port
        self.resultsFolder = resultsFolder
        accessToken = AccessPolicy.isLoopback(host) ? nil : randomToken()
        templates = try Templates.library()
        results = Results(bench: bench, folder: resultsFolder)
        boundPort.set(port)
    }

    /// The address to open, with the access token when one is needed.
    public func address(port: Int) -> String {
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(name):\(port)/" + (accessToken.map { "?token=\($0)" } ?? "")
    }

    /// The application: the router behind the security middleware. `onRunning` gets the bound port.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        let router = Router(context: ReviewContext.self)
        let bound = boundPort
        router.add(middleware: SecurityMiddleware(policy: AccessPolicy(host: host, port: port, accessToken: accessToken),
                                                  sessions: sessions, policyPort: { bound.get() }))
        addRoutes(to: router)
        var logger = Logger(label: "fazhi-review")
        logger.logLevel = .warning
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "fazhi"),
                           onServerRunning: { channel in
                               let p = channel.localAddress?.port ?? 0
                               bound.set(p)
                               await onRunning(p)
                           }, logger: logger)
    }

    /// Runs until SIGINT or SIGTERM. `onRunning` gets the bound port once the server listens.
    /// Throws when it cannot bind (the port is taken, the host is not this machine's).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(onRunning: onRunning).runService()
    }

    func render(_ template: String, _ context: [String: Any], session: ReviewSession?, title: String,
                bodyClass: String = "") -> Response {
        let html = renderHTML(template, context, csrf: session?.csrf ?? "", title: title, bodyClass: bodyClass)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func renderHTML(_ template: String, _ context: [String: Any], csrf: String, title: String, bodyClass: String = "") -> String {
        var context = context
        context["csrf"] = csrf
        context["reviewer"] = bench.settings.reviewer
        context["pageTitle"] = title
        context["bodyClass"] = bodyClass
        return templates.render(context, withTemplate: template) ?? ""
    }

    func json(_ status: HTTPResponse.Status = .ok, _ fields: [String: Any]) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: JSONText.object(fields))))
    }

    func addRoutes(to router: Router<ReviewContext>) {
        router.get("/") { _, context -> Response in
            // The queue is the page opened most; it is rendered once per state of the store, and each
            // session's token put into the copy it gets.
            let html = try self.queueHTML()
            let page = html.replacingOccurrences(of: QueueCache.placeholder, with: context.session?.csrf ?? "")
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/report/:id") { _, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self),
                  let page = try self.bench.reportPage(id: id, documents: self.documents) else {
                return self.notFound(context)
            }
            return self.render("report", page, session: context.session, title: page["title"] as? String ?? "报告",
                               bodyClass: "reporting")
        }
        router.post("/api/decision") { request, context -> Response in
            let body = try await request.body.collect(upTo: 64 * 1024)
            guard let decision = try? JSONDecoder().decode(DecisionRequest.self, from: Data(buffer: body)) else {
                return self.json(.badRequest, ["ok": false, "message": "请求格式不对 (malformed request)"])
            }
            do {
                let correction = try self.bench.decide(decision)
                context.session?.remember(correction)
                return try self.itemAnswer(report: decision.report, indicator: correction.indicator,
                                           message: "已记录：\(self.describe(correction))")
            } catch let error as StoreError {
                return self.json(.unprocessableContent, ["ok": false, "message": error.description])
            } catch let error as FileRowError {
                return self.json(.unprocessableContent, ["ok": false, "message": error.description])
            }
        }
        router.post("/api/undo") { _, context -> Response in
            guard let session = context.session, let last = session.lastMade() else {
                return self.json(.unprocessableContent, ["ok": false, "message": "本次会话没有可撤销的核对 (nothing to undo in this session)"])
            }
            do {
                try self.bench.undo(last)
                session.forgetLast()
                let report = try self.bench.reportId(of: last) ?? 0
                return try self.itemAnswer(report: report, indicator: last.indicator, message: "已撤销：\(self.describe(last))")
            } catch let error as StoreError {
                return self.json(.unprocessableContent, ["ok": false, "message": error.description])
            }
        }
        router.get("/assets/review.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Assets.css)))
        }
        router.get("/assets/review.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Assets.js)))
        }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        addResultRoutes(to: router)
    }

    /// The queue page for the store as it is now, with the token placeholder.
    func queueHTML() throws -> String {
        let snapshot = try bench.snapshot()
        return try queueCache.html(for: snapshot) {
            renderHTML("queue", try bench.queuePage(snapshot), csrf: QueueCache.placeholder, title: "待核队列")
        }
    }

    func notFound(_ context: ReviewContext) -> Response {
        var response = render("message", ["heading": "没有这一页", "text": "链接可能已过期：报告已从数据库中移除。"],
                              session: context.session, title: "没有这一页")
        response.status = .notFound
        return response
    }

    /// The answer to a decision or an undo: the item re-rendered as the report page shows it.
    func itemAnswer(report: Int64, indicator: String, message: String) throws -> Response {
        // The queue the reviewer goes back to is rendered now, while the answer travels.
        Task.detached { [self] in _ = try? self.queueHTML() }
        var fields: [String: Any] = ["ok": true, "message": message, "indicator": indicator, "report": report]
        if let page = try bench.reportPage(id: report, documents: documents),
           let items = page["items"] as? [[String: Any]],
           let item = items.first(where: { $0["indicator"] as? String == indicator }) {
            fields["itemHTML"] = templates.render(item, withTemplate: "item") ?? ""
            fields["reviewedText"] = "已核对 \(page["reviewedCount"] ?? "") / \(page["itemCount"] ?? "")"
        }
        return json(.ok, fields)
    }

    func describe(_ c: Correction) -> String {
        let name = bench.catalog.indicator(c.indicator)?.name ?? c.indicator
        let unit = bench.catalog.indicator(c.indicator)?.unit ?? ""
        let what: String
        switch c.kind {
        case .accept: what = "接受 \(c.value.map(formatNumber) ?? "")\(unit)"
        case .candidate: what = "改选 \(c.value.map(formatNumber) ?? "")\(unit)"
        case .set: what = "改为 \(c.value.map(formatNumber) ?? "")\(unit)"
        case .notStated: what = "报告未述及"
        }
        return "\(c.township) \(c.year)年 \(name) \(what)"
    }
}

/// The queue page as last rendered, for the snapshot it was rendered from.
final class QueueCache: @unchecked Sendable {
    /// Stands for the session's token in the cached page: random, so no report text can hold it.
    static let placeholder = randomToken()
    /// Held, not only compared: a freed snapshot's address could be a new one's.
    private var cached: (snapshot: Snapshot, html: String)?
    private let lock = NSLock()

    func html(for snapshot: Snapshot, _ make: () throws -> String) throws -> String {
        if let cached = lock.withLock({ cached }), cached.snapshot === snapshot { return cached.html }
        let html = try make()
        lock.withLock { cached = (snapshot, html) }
        return html
    }
}

/// The port the server is bound to, known once it runs (for `--port 0`).
final class BoundPort: @unchecked Sendable {
    private var port = 0
    private let lock = NSLock()
    func set(_ p: Int) { lock.withLock { port = p } }
    func get() -> Int { lock.withLock { port } }
}
