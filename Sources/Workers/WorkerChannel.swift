import CProcessControl
import Foundation

/// The worker's side of the protocol: requests on stdin, one JSON line each;
/// messages out on a private copy of stdout.
///
/// The protocol owns stdout: anything else that writes there (a stray print of
/// the code under test) goes to /dev/null instead of corrupting it.
public struct WorkerChannel: Sendable {
    /// Where messages go: a private copy of stdout.
    public let descriptor: Int32

    /// Takes stdout over for the protocol.
    public init() {
        descriptor = fcntl(1, F_DUPFD_CLOEXEC, 10)
        let empty = open("/dev/null", O_WRONLY)
        dup2(empty, 1)
        close(empty)
    }

    /// The next request, or nil when the parent closed stdin (or sent garbage).
    public func receive<Request: Decodable>(_ type: Request.Type) -> Request? {
        while let line = readLine(strippingNewline: true) {
            if let request = try? WireCoders.decoder.decode(Request.self, from: Data(line.utf8)) { return request }
        }
        return nil
    }

    /// Writes one message. A parent that is gone reads nothing; the worker ends
    /// at its next read.
    public func send<Body>(_ message: WorkerMessage<Body>) {
        _ = message.line().withUnsafeBytes { gc_write_all(descriptor, $0.baseAddress, $0.count) }
    }
}
