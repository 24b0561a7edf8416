import CProcessControl
import Foundation

/// The worker's side of the protocol: requests on stdin, messages out on a
/// private copy of stdout, both in the worker's `WireFormat`.
///
/// The protocol owns stdout: anything else that writes there (a stray print of
/// the code under test) goes to /dev/null instead of corrupting it.
public final class WorkerChannel: @unchecked Sendable {
    /// Where messages go: a private copy of stdout.
    public let descriptor: Int32
    public let format: WireFormat
    /// Bytes read from stdin and not yet a whole frame (compact frames only).
    private var pending: [UInt8] = []

    /// Takes stdout over for the protocol.
    public init(format: WireFormat = .jsonLines) {
        self.format = format
        descriptor = fcntl(1, F_DUPFD_CLOEXEC, 10)
        let empty = open("/dev/null", O_WRONLY)
        dup2(empty, 1)
        close(empty)
    }

    /// The next request, or nil when the parent closed stdin. A JSON line that
    /// does not decode is skipped; a frame that does not decode is an error (the
    /// frames after it cannot be trusted either).
    public func receive<Request: Decodable>(_ type: Request.Type) throws -> Request? {
        switch format {
        case .jsonLines:
            while let line = readLine(strippingNewline: true) {
                if let request = try? WireCoders.decoder.decode(Request.self, from: Data(line.utf8)) { return request }
            }
            return nil
        case .compactFrames:
            while true {
                if let (payload, used) = WireFormat.frame(in: pending) {
                    pending.removeFirst(used)
                    return try CompactCoding.decode(Request.self, from: payload)
                }
                var chunk = [UInt8](repeating: 0, count: 64 << 10)
                let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return nil }
                pending += chunk[..<count]
            }
        }
    }

    /// Writes one message. A parent that is gone reads nothing; the worker ends
    /// at its next read.
    public func send<Body>(_ message: WorkerMessage<Body>) {
        let bytes = format == .jsonLines ? Array(message.line()) : message.frame()
        _ = bytes.withUnsafeBytes { gc_write_all(descriptor, $0.baseAddress, $0.count) }
    }
}
