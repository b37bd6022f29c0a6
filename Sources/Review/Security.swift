import Foundation
import HTTPTypes
import Hummingbird
import Store

/// 32 random bytes as hex, from the system's generator: session ids, CSRF tokens, access tokens.
func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
}

/// Compares two tokens in time that does not depend on where they differ.
func sameToken(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for i in x.indices { difference |= x[i] ^ y[i] }
    return difference == 0
}

/// One browser's session: its CSRF token and the corrections it made, for `u` (undo).
final class ReviewSession: @unchecked Sendable {
    let id: String
    let csrf: String
    private var made: [Correction] = []
    private let lock = NSLock()

    init() {
        id = randomToken()
        csrf = randomToken()
    }

    func remember(_ c: Correction) { lock.withLock { made.append(c) } }
    func lastMade() -> Correction? { lock.withLock { made.last } }
    func forgetLast() { lock.withLock { _ = made.popLast() } }
}

/// The sessions of this server run, by id (cookie `fazhi_session`). Kept in memory: a restart starts new ones.
final class Sessions: @unchecked Sendable {
    private var byId: [String: ReviewSession] = [:]
    private let lock = NSLock()

    func session(_ id: String?) -> ReviewSession? {
        guard let id else { return nil }
        return lock.withLock { byId[id] }
    }

    func start() -> ReviewSession {
        let s = ReviewSession()
        lock.withLock {
            // A bound on what a misbehaving client can make the server hold.
            if byId.count > 10_000 { byId.removeAll() }
            byId[s.id] = s
        }
        return s
    }
}

/// Who may talk to the server, checked before any route: the Host header names this server (loopback, or
/// the host it was bound to: a DNS-rebinding page has its own name there); with `--host` other than
/// loopback, the access token printed at start (as `?token=`, then a cookie); every state-changing request
/// from this server's own pages (Origin, Sec-Fetch-Site) with the session's CSRF token.
public struct AccessPolicy: Sendable {
    /// Host names (without port) a request may address.
    public var allowedHosts: Set<String>
    /// The port the server listens on: an Origin must name it.
    public var port: Int
    /// Required of every request when set (a non-loopback `--host`).
    public var accessToken: String?

    /// The loopback names, and `host` itself.
    public init(host: String, port: Int, accessToken: String?) {
        var hosts: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]
        hosts.insert(host.lowercased())
        if host.contains(":") && !host.hasPrefix("[") { hosts.insert("[\(host.lowercased())]") }
        allowedHosts = hosts
        self.port = port
        self.accessToken = accessToken
    }

    /// Whether a host name is loopback: then no access token is needed.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h == "[::1]" || h.hasPrefix("127.")
    }

    /// The host part of a Host header or an origin's authority (`127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `[::1]`).
    static func hostName(_ authority: String) -> String {
        let a = authority.lowercased()
        if a.hasPrefix("[") { return a.firstIndex(of: "]").map { String(a[...$0]) } ?? a }
        return a.split(separator: ":", maxSplits: 1).first.map(String.init) ?? a
    }

    func hostAllowed(_ authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return false }
        return allowedHosts.contains(Self.hostName(authority))
    }

    /// An Origin header, if any, must be this server: http://<allowed host>:<port>.
    func originAllowed(_ origin: String?) -> Bool {
        guard let origin else { return true }
        guard let url = URL(string: origin), url.scheme == "http", let host = url.host else { return false }
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host.lowercased())]" : host.lowercased()
        return allowedHosts.contains(name) && (url.port ?? 80) == port
    }
}

/// The request context: the session the security middleware found or started.
public struct ReviewContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: ReviewSession?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        session = nil
    }
}

/// Enforces `AccessPolicy` and attaches the session. A refused request changes nothing and gets one line
/// saying why, in Chinese with an English gloss.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = ReviewContext
    let policy: AccessPolicy
    let sessions: Sessions
    let policyPort: @Sendable () -> Int

    func handle(_ request: Request, context: ReviewContext,
                next: (Request, ReviewContext) async throws -> Response) async throws -> Response {
        var policy = self.policy
        policy.port = policyPort()
        guard policy.hostAllowed(request.head.authority) else {
            return refuse(.misdirectedRequest, "拒绝：请求的主机名不是本服务 (refused: the Host header names another server)")
        }
        var grantAccess = false
        if let token = policy.accessToken {
            let given = request.uri.queryParameters["token"].map(String.init)
            if let given, sameToken(given, token) {
                grantAccess = true
            } else if let cookie = request.cookies["fazhi_access"]?.value, sameToken(cookie, token) {
                // granted before
            } else {
                return refuse(.unauthorized, "拒绝：缺少访问令牌，请使用启动时显示的地址 (refused: open the address with the token printed at start)")
            }
        }
        var context = context
        let stateChanging = request.method != .get && request.method != .head
        var started: ReviewSession?
        if let s = sessions.session(request.cookies["fazhi_session"]?.value) {
            context.session = s
        } else if !stateChanging {
            started = sessions.start()
            context.session = started
        }
        if stateChanging {
            guard policy.originAllowed(request.headers[.origin]) else {
                return refuse(.forbidden, "拒绝：请求来自其他网页 (refused: the request comes from another origin)")
            }
            if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin" && site != "none" {
                return refuse(.forbidden, "拒绝：跨站请求 (refused: a cross-site request)")
            }
            guard let session = context.session else {
                return refuse(.forbidden, "拒绝：会话已失效，请刷新页面 (refused: no session; reload the page)")
            }
            let given = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? request.uri.queryParameters["csrf"].map(String.init)
            guard let given, sameToken(given, session.csrf) else {
                return refuse(.forbidden, "拒绝：缺少或错误的页面令牌，请刷新页面 (refused: missing or wrong CSRF token; reload the page)")
            }
        }
        var response = try await next(request, context)
        if let started {
            response.setCookie(Cookie(name: "fazhi_session", value: started.id, path: "/", httpOnly: true, sameSite: .strict))
        }
        if grantAccess, let token = policy.accessToken {
            response.setCookie(Cookie(name: "fazhi_access", value: token, path: "/", httpOnly: true, sameSite: .strict))
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        }
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        return response
    }

    func refuse(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var response = Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: JSONText.object(["ok": false, "message": message]))))
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}

/// Small JSON answers, written with JSONSerialization (strings escaped by it).
enum JSONText {
    static func object(_ fields: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
