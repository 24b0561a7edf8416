import Glibc
import GuideModel

/// Splits a program's captured output into the parts each statement wrote.
///
/// The child writes markers into the same pipe as the output (`\u{1}GC<nonce>|S3\u{1}`
/// when top-level statement 3 starts, `s3` when it ends, `P7`/`p7` around a probed
/// nested statement, `E` at the end). A pipe keeps the order of writes, so every
/// byte between two markers was written between those two moments, whoever wrote
/// it: Python, C code, a subprocess, a fork-started worker. In interactive runs,
/// `D`/`d` bracket the REPL's echo of an expression's value, kept apart from what
/// the code printed. The random nonce keeps a program's own output from ever
/// being read as a marker.
///
/// Each statement keeps at most `limit` bytes of output (and each probe, and the
/// run as a whole); the rest is counted, so a statement that prints 40 MiB does
/// not cost the next one its output. Bytes are scanned with `memchr`, never one
/// by one, so output costs about what reading it from the pipe costs.
struct OutputAttribution {
    private let prefix: [UInt8]
    let limit: Int
    private var pending: [UInt8] = []

    private(set) var whole: [UInt8] = []
    private(set) var dropped = 0
    private(set) var ended = false
    private var statementOutput: [Int: Capped] = [:]
    private var statementTrailing: [Int: Capped] = [:]
    private var statementEcho: [Int: Capped] = [:]
    private var statementWarnings: [Int: Capped] = [:]
    private var statementShown: [Int: Capped] = [:]
    private var echoing = false
    private var warning = false
    private var finishedStatements: Set<Int> = []
    private var startedStatements: [Int] = []
    private var current: Int?
    private var lastStarted: Int?
    private var openProbes: [Int: Int] = [:]  // probe → nesting depth
    private(set) var probeRuns: [Int: Int] = [:]
    private var probeOutput: [Int: Capped] = [:]

    /// Bytes kept up to a limit, and how many more were written.
    struct Capped {
        var bytes: [UInt8] = []
        var dropped = 0

        mutating func append(_ more: UnsafeBufferPointer<UInt8>, limit: Int) {
            let room = max(0, limit - bytes.count)
            if room > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: more.prefix(room))) }
            dropped += more.count - min(room, more.count)
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    init(nonce: String, limit: Int) {
        prefix = [1] + Array("GC\(nonce)|".utf8)
        self.limit = limit
    }

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        chunk.withUnsafeBufferPointer { feed($0) }
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        if pending.isEmpty {
            scan(chunk)
        } else {
            let data = pending + chunk
            pending = []
            data.withUnsafeBufferPointer { scan($0) }
        }
    }

    /// Finds the markers in `data`; what lies between them is output. An
    /// incomplete marker at the end waits in `pending` for the next chunk.
    private mutating func scan(_ data: UnsafeBufferPointer<UInt8>) {
        guard let base = data.baseAddress else { return }
        var start = 0
        while start < data.count {
            guard let found = memchr(base + start, 1, data.count - start) else { break }
            let open = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let available = data.count - open
            if available < prefix.count {
                if prefix.withUnsafeBufferPointer({ memcmp(base + open, $0.baseAddress!, available) }) == 0 {
                    payload(UnsafeBufferPointer(rebasing: data[start..<open]))
                    pending = Array(data[open...])
                    return
                }
                payload(UnsafeBufferPointer(rebasing: data[start...open]))
                start = open + 1
                continue
            }
            guard prefix.withUnsafeBufferPointer({ memcmp(base + open, $0.baseAddress!, prefix.count) }) == 0 else {
                payload(UnsafeBufferPointer(rebasing: data[start...open]))
                start = open + 1
                continue
            }
            let bodyStart = open + prefix.count
            guard let closing = memchr(base + bodyStart, 1, data.count - bodyStart) else {
                payload(UnsafeBufferPointer(rebasing: data[start..<open]))
                pending = Array(data[open...])
                return
            }
            let close = UnsafeRawPointer(closing) - UnsafeRawPointer(base)
            payload(UnsafeBufferPointer(rebasing: data[start..<open]))
            event(String(decoding: UnsafeBufferPointer(rebasing: data[bodyStart..<close]), as: UTF8.self))
            start = close + 1
        }
        if start < data.count { payload(UnsafeBufferPointer(rebasing: data[start...])) }
    }

    /// Call when the stream is over: a partial marker left over is output.
    mutating func finish() {
        let rest = pending
        pending = []
        rest.withUnsafeBufferPointer { payload($0) }
    }

    private mutating func payload(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        let room = max(0, limit - whole.count)
        if room > 0 { whole.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(room))) }
        dropped += bytes.count - min(room, bytes.count)
        // What a session shows, in the order written: warnings, output, echo.
        if let current { statementShown[current, default: Capped()].append(bytes, limit: limit) }
        if echoing, let current {
            statementEcho[current, default: Capped()].append(bytes, limit: limit)
            return
        }
        if warning, let current {
            statementWarnings[current, default: Capped()].append(bytes, limit: limit)
            return
        }
        if let current {
            statementOutput[current, default: Capped()].append(bytes, limit: limit)
        } else if let lastStarted {
            statementTrailing[lastStarted, default: Capped()].append(bytes, limit: limit)
        }
        for probe in openProbes.keys { probeOutput[probe, default: Capped()].append(bytes, limit: limit) }
    }

    private mutating func event(_ text: String) {
        guard let kind = text.first else { return }
        let number = Int(text.dropFirst())
        switch kind {
        case "S":
            guard let number else { return }
            current = number
            lastStarted = number
            startedStatements.append(number)
        case "s":
            guard let number else { return }
            finishedStatements.insert(number)
            if current == number { current = nil }
        case "P":
            guard let number else { return }
            openProbes[number, default: 0] += 1
            probeRuns[number, default: 0] += 1
        case "p":
            guard let number, let depth = openProbes[number] else { return }
            openProbes[number] = depth > 1 ? depth - 1 : nil
        case "D":
            echoing = true
        case "d":
            echoing = false
        case "W":
            warning = true
        case "w":
            warning = false
        case "E":
            ended = true
            current = nil
        default:
            break
        }
    }

    var text: String { String(decoding: whole, as: UTF8.self) }

    /// The statements that started, in order, with their output.
    func statements() -> [StatementRun] {
        startedStatements.map { index in
            let output = statementOutput[index] ?? Capped()
            let echo = statementEcho[index] ?? Capped()
            let trailing = statementTrailing[index] ?? Capped()
            var run = StatementRun(index: index, output: output.text, echo: echo.text, trailing: trailing.text,
                                   finished: finishedStatements.contains(index), exception: nil,
                                   droppedBytes: output.dropped + echo.dropped + trailing.dropped)
            run.warnings = statementWarnings[index]?.text ?? ""
            run.shown = statementShown[index]?.text ?? ""
            return run
        }
    }

    func probe(_ id: Int) -> (runs: Int, output: String, dropped: Int) {
        let output = probeOutput[id] ?? Capped()
        return (probeRuns[id] ?? 0, output.text, output.dropped)
    }
}
