import CProcessControl
import Foundation
import Glibc
import Synchronization

/// An httpbin-style HTTP server on 127.0.0.1, for the guide's network examples.
///
/// The guide fetches `https://example.com` and `https://httpbin.org/delay/1`; the
/// `network` fixture routes that traffic here. Delays are real and server-side
/// (each connection has a thread of its own, so ten requests wait concurrently),
/// and the server runs in guidecheck's own Swift process: it never holds, or
/// waits for, the GIL of the interpreters it serves.
///
/// It is plain sockets and threads, not an HTTP framework: one request per
/// connection (`Connection: close`), which is all the fixture's clients need,
/// and nothing more linked into the workers, whose every forked run pays for
/// each library mapped (an HTTP framework brought libcurl and 30 libraries).
///
/// Routes: `/` (a small page), `/get` (the request echoed as JSON),
/// `/delay/N` (answers after N seconds, N ≤ 10, fractions allowed),
/// `/status/N` (answers with status N); anything else is 404.
public final class LoopbackServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let baseURL: String
    public let port: UInt16
    private let listener: Int32
    /// Set by `stop`: the accept loop then closes the listener and ends.
    private let stopped = Atomic<Bool>(false)

    public static let maximumDelay = 10.0
    /// The most a request's head may take; a longer one is refused.
    static let headLimit = 64 << 10

    /// Starts the server on an ephemeral port; it listens when this returns.
    public static func startBlocking() throws -> LoopbackServer {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw LoopbackError(message: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 128) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw LoopbackError(message: "cannot listen on 127.0.0.1: \(reason)")
        }
        let server = LoopbackServer(listener: listener, port: UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { server.acceptConnections() }
        return server
    }

    private init(listener: Int32, port: UInt16) {
        self.listener = listener
        self.port = port
        baseURL = "http://127.0.0.1:\(port)"
    }

    /// Stops accepting connections (those being answered finish). Once only:
    /// the listener's descriptor may be another file's afterwards.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(listener, Int32(SHUT_RDWR))  // wakes the accept loop, which closes it
    }

    private func acceptConnections() {
        while true {
            let connection = gc_accept_cloexec(listener)
            if connection >= 0 {
                Thread.detachNewThread { Self.serve(connection) }
                continue
            }
            if stopped.load(ordering: .acquiring) {
                close(listener)
                return
            }
            // Out of descriptors, memory or buffers (a burst of connections), or
            // interrupted: the fixture must outlive it. Wait a little, and go on.
            if errno != EINTR && errno != ECONNABORTED { usleep(10_000) }
        }
    }

    /// Reads one request on `connection`, answers it and closes the connection.
    static func serve(_ connection: Int32) {
        defer { close(connection) }
        // A client that sends nothing is not kept for ever.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readHead(connection), let request = Request(head: head) else {
            send(Response(status: 400, phrase: "Bad Request", type: "text/plain", body: Data("bad request\n".utf8)), to: connection)
            return
        }
        send(answer(request), to: connection)
    }

    static func answer(_ request: Request) -> Response {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard request.method == "GET" else { return .notFound }
        switch (parts.first, parts.count) {
        case (nil, _):
            return Response(status: 200, phrase: "OK", type: "text/html; charset=utf-8",
                            body: Data("<!doctype html><title>Example Domain</title><p>guidecheck loopback server</p>\n".utf8))
        case ("get", 1):
            return json(["args": request.query, "headers": request.headers, "url": request.path])
        case ("delay", 2):
            guard let seconds = Double(parts[1]), seconds.isFinite else { return .notFound }
            let delay = min(max(0, seconds), maximumDelay)
            Thread.sleep(forTimeInterval: delay)
            return json(["delay": delay, "url": request.path])
        case ("status", 2):
            guard let code = Int(parts[1]), (100...599).contains(code) else { return .notFound }
            return Response(status: code, phrase: "guidecheck", type: "text/plain", body: Data())
        default:
            return .notFound
        }
    }

    private static func json(_ object: [String: Any]) -> Response {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: 200, phrase: "OK", type: "application/json", body: body)
    }

    /// The bytes up to the blank line that ends a request's head; nil when the
    /// client closes first or sends more than `headLimit`.
    private static func readHead(_ connection: Int32) -> String? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < headLimit {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            bytes += buffer[..<count]
            if let end = bytes.firstRange(of: [13, 10, 13, 10]) {
                return String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
            }
        }
        return nil
    }

    private static func send(_ response: Response, to connection: Int32) {
        var bytes = Array(("HTTP/1.1 \(response.status) \(response.phrase)\r\nContent-Type: \(response.type)\r\n"
            + "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n").utf8)
        bytes += response.body
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// A request's head: its method, path, query and headers.
    struct Request {
        var method: String
        /// The path without its query, percent-decoded.
        var path: String
        var query: [String: String]
        var headers: [String: String]

        init?(head: String) {
            let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
            let words = lines.first?.split(separator: " ") ?? []
            guard words.count == 3, words[2].hasPrefix("HTTP/"),
                  let target = URLComponents(string: "http://127.0.0.1" + words[1]) else { return nil }
            method = String(words[0])
            path = target.path.isEmpty ? "/" : target.path
            var query: [String: String] = [:]
            for item in target.queryItems ?? [] where query[item.name] == nil { query[item.name] = item.value ?? "" }
            self.query = query
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            self.headers = headers
        }
    }

    struct Response {
        var status: Int
        var phrase: String
        var type: String
        var body: Data

        static let notFound = Response(status: 404, phrase: "Not Found", type: "text/plain", body: Data("not found\n".utf8))
    }
}

public struct LoopbackError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
