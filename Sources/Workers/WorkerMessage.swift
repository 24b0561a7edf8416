import Foundation

/// One line between guidecheck and one of its worker processes: JSON, one
/// object per line. A worker says `ready` once its interpreter is up (or
/// `failed` with why not), then sends bodies: the replies to what it was sent.
///
/// On the wire: `{"kind": "ready", "python": "3.11.2"}`, `{"kind": "failed",
/// "message": "…"}`, `{"kind": "body", "body": {…}}` (Python helpers write
/// bodies this way too).
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
}

/// One JSON encoder and one decoder for every message of a process: made per
/// message, the coders' own set-up was a sizeable part of a small message's cost.
/// (Both are thread-safe: their options, never changed here, are kept behind a lock.)
public enum WireCoders {
    public static let encoder = JSONEncoder()
    public static let decoder = JSONDecoder()
}
