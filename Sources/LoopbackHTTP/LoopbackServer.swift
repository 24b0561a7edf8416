import FlyingFox
import FlyingSocks
import Foundation

/// An httpbin-style HTTP server on 127.0.0.1, for the guide's network examples.
///
/// The guide fetches `https://example.com` and `https://httpbin.org/delay/1`; the
/// `network` fixture routes that traffic here. Delays are real and server-side
/// (an async sleep per request, so ten requests wait concurrently), and the
/// server runs in guidecheck's own Swift process: it never holds, or waits for,
/// the GIL of the interpreters it serves.
///
/// Routes: `/` (a small page), `/get` (the request echoed as JSON),
/// `/delay/N` (answers after N seconds, N ≤ 10, fractions allowed),
/// `/status/N` (answers with status N).
public final class LoopbackServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, Error>
    /// `http://127.0.0.1:PORT`.
    public let baseURL: String
    public let port: UInt16

    public static let maximumDelay = 10.0

    /// Starts the server on an ephemeral port and waits until it listens.
    public static func start() async throws -> LoopbackServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        await Self.addRoutes(to: server)
        let task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            task.cancel()
            throw LoopbackError(message: "the loopback server did not report its port")
        }
        return LoopbackServer(server: server, task: task, port: port)
    }

    /// Starts the server from synchronous code.
    public static func startBlocking() throws -> LoopbackServer {
        let result = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { result.value = .success(try await start()) } catch { result.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return try result.value!.get()
    }

    private init(server: HTTPServer, task: Task<Void, Error>, port: UInt16) {
        self.server = server
        self.task = task
        self.port = port
        baseURL = "http://127.0.0.1:\(port)"
    }

    public func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }

    private static func addRoutes(to server: HTTPServer) async {
        await server.appendRoute("GET /delay/:seconds") { (request: HTTPRequest, seconds: Double) in
            let delay = min(max(0, seconds), maximumDelay)
            try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            return json(["delay": delay, "url": request.path], status: .ok)
        }
        await server.appendRoute("GET /status/:code") { (code: Int) in
            HTTPResponse(statusCode: HTTPStatusCode(code, phrase: "guidecheck"), headers: [.contentType: "text/plain"],
                         body: Data())
        }
        await server.appendRoute("GET /get") { request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue] = value }
            let query = Dictionary(request.query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            return json(["args": query, "headers": headers, "url": request.path], status: .ok)
        }
        await server.appendRoute("GET /") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                         body: Data("<!doctype html><title>Example Domain</title><p>guidecheck loopback server</p>\n".utf8))
        }
    }

    private static func json(_ object: [String: Any], status: HTTPStatusCode) -> HTTPResponse {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(statusCode: status, headers: [.contentType: "application/json"], body: body)
    }

    private final class ResultBox: @unchecked Sendable {
        var value: Result<LoopbackServer, Error>?
    }
}

public struct LoopbackError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
