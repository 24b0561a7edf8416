import Foundation

/// One message between guidecheck and one of its worker processes. A worker says
/// `ready` once its interpreter is up (or `failed` with why not), then sends
/// bodies: the replies to what it was sent.
///
/// On the wire, in one of two forms (`WireFormat`): JSON lines,
/// `{"kind": "ready", "python": "3.11.2"}`, `{"kind": "failed", "message": "…"}`,
/// `{"kind": "body", "body": {…}}` (the benchmark worker's Python helpers write
/// bodies this way too); or compact frames, for the snippet workers.
public enum WorkerMessage<Body: Codable & Sendable>: Codable, Sendable {
    case ready(python: String)
    case failed(String)
    case body(Body)

    private enum Kind: String, Codable { case ready, failed, body }
    private enum CodingKeys: String, CodingKey { case kind, python, message, body }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .ready: self = .ready(python: try container.decode(String.self, forKey: .python))
        case .failed: self = .failed(try container.decode(String.self, forKey: .message))
        case .body: self = .body(try container.decode(Body.self, forKey: .body))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ready(let python):
            try container.encode(Kind.ready, forKey: .kind)
            try container.encode(python, forKey: .python)
        case .failed(let message):
            try container.encode(Kind.failed, forKey: .kind)
            try container.encode(message, forKey: .message)
        case .body(let body):
            try container.encode(Kind.body, forKey: .kind)
            try container.encode(body, forKey: .body)
        }
    }

    /// The line to write, newline included.
    public func line() -> Data {
        var data = (try? WireCoders.encoder.encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public static func parse(_ line: Data) -> WorkerMessage? {
        try? WireCoders.decoder.decode(WorkerMessage.self, from: line)
    }

    /// The frame to write: its length, then the message in `CompactCoding`.
    public func frame() -> [UInt8] { WireFormat.frame((try? CompactCoding.encode(self)) ?? []) }
}

/// How messages travel between guidecheck and a worker.
public enum WireFormat: Sendable {
    /// One JSON object per line: what Python helpers can write (the benchmark worker).
    case jsonLines
    /// Frames: a UInt32 length, little endian, then the message in `CompactCoding`.
    /// The snippet workers' form: their messages are many, and JSON coding them
    /// cost a tenth of a verify's CPU.
    case compactFrames

    static func frame(_ payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(payload.count + 4)
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes += payload
        return bytes
    }

    /// A frame's payload at the start of `buffer`, and the bytes it took; nil
    /// until the whole frame is there. (Both ends read frames through here.)
    static func frame<Bytes: Collection<UInt8>>(in buffer: Bytes) -> (payload: [UInt8], used: Int)? {
        guard buffer.count >= 4 else { return nil }
        let length = buffer.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard buffer.count >= 4 + length else { return nil }
        return (Array(buffer.dropFirst(4).prefix(length)), 4 + length)
    }
}

/// One JSON encoder and one decoder for every message of a process: made per
/// message, the coders' own set-up was a sizeable part of a small message's cost.
/// (Both are thread-safe: their options, never changed here, are kept behind a lock.)
public enum WireCoders {
    public static let encoder = JSONEncoder()
    public static let decoder = JSONDecoder()
}
