import GuideModel

/// Splits a snippet's captured output into the parts each statement wrote.
///
/// The child writes markers into the same pipe as the output (`\u{1}GC<nonce>|S3\u{1}`
/// when top-level statement 3 starts, `s3` when it ends, `P7`/`p7` around a probed
/// nested statement, `E` at the end). A pipe keeps the order of writes, so every
/// byte between two markers was written between those two moments, whoever wrote
/// it: Python, C code, a subprocess, a fork-started worker. In interactive runs,
/// `D`/`d` bracket the REPL's echo of an expression's value, kept apart from what
/// the code printed. The random nonce keeps
/// a snippet's own output from ever being read as a marker.
struct OutputAttribution {
    private let prefix: [UInt8]
    private let limit: Int
    private var pending: [UInt8] = []

    private(set) var whole: [UInt8] = []
    private(set) var dropped = 0
    private(set) var ended = false
    private var statementOutput: [Int: [UInt8]] = [:]
    private var statementTrailing: [Int: [UInt8]] = [:]
    private var statementEcho: [Int: [UInt8]] = [:]
    private var echoing = false
    private var finishedStatements: Set<Int> = []
    private var startedStatements: [Int] = []
    private var current: Int?
    private var lastStarted: Int?
    private var openProbes: [Int: Int] = [:]  // claim → nesting depth
    private(set) var probeRuns: [Int: Int] = [:]
    private var probeOutput: [Int: [UInt8]] = [:]

    init(nonce: String, limit: Int) {
        prefix = [1] + Array("GC\(nonce)|".utf8)
        self.limit = limit
    }

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        var data = pending + chunk
        pending = []
        var start = 0
        while let open = data[start...].firstIndex(of: 1) {
            // Could this be a marker? Need the whole prefix and the closing byte.
            let available = data.count - open
            if available < prefix.count {
                if data[open...].elementsEqual(prefix.prefix(available)) {
                    payload(data[start..<open])
                    pending = Array(data[open...])
                    return
                }
                payload(data[start...open])
                start = open + 1
                continue
            }
            guard data[open..<(open + prefix.count)].elementsEqual(prefix) else {
                payload(data[start...open])
                start = open + 1
                continue
            }
            guard let close = data[(open + prefix.count)...].firstIndex(of: 1) else {
                payload(data[start..<open])
                pending = Array(data[open...])
                return
            }
            payload(data[start..<open])
            event(String(decoding: data[(open + prefix.count)..<close], as: UTF8.self))
            start = close + 1
        }
        payload(data[start...])
        data = []
    }

    /// Call when the stream is over: a partial marker left over is output.
    mutating func finish() {
        payload(pending[...])
        pending = []
    }

    private mutating func payload(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        let room = max(0, limit - whole.count)
        let kept = bytes.prefix(room)
        dropped += bytes.count - kept.count
        guard !kept.isEmpty else { return }
        whole += kept
        if echoing, let current {
            statementEcho[current, default: []] += kept
            return
        }
        if let current {
            statementOutput[current, default: []] += kept
        } else if let lastStarted {
            statementTrailing[lastStarted, default: []] += kept
        }
        for claim in openProbes.keys { probeOutput[claim, default: []] += kept }
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
            StatementRun(index: index,
                         output: String(decoding: statementOutput[index] ?? [], as: UTF8.self),
                         echo: String(decoding: statementEcho[index] ?? [], as: UTF8.self),
                         trailing: String(decoding: statementTrailing[index] ?? [], as: UTF8.self),
                         finished: finishedStatements.contains(index), exception: nil)
        }
    }

    func probe(_ claim: Int) -> (runs: Int, output: String) {
        (probeRuns[claim] ?? 0, String(decoding: probeOutput[claim] ?? [], as: UTF8.self))
    }
}
