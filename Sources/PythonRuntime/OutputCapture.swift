import CPython
import Glibc

/// What a job wrote to fds 1 and 2, in the order it was written.
public struct CapturedOutput: Sendable, Equatable {
    /// The first `limit` bytes.
    public var bytes: [UInt8]
    /// How many bytes came after the limit: counted, not kept.
    public var droppedBytes: Int

    public init(bytes: [UInt8] = [], droppedBytes: Int = 0) {
        self.bytes = bytes
        self.droppedBytes = droppedBytes
    }

    /// The output as text; invalid UTF-8 shows as U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Captures a job's output at the file-descriptor level.
///
/// Replacing `sys.stdout` would catch `print` only. Pointing fds 1 and 2 at a
/// pipe catches `print`, `os.write(1, …)`, C `printf`, and every child process
/// that inherits them (`subprocess`, fork-started `multiprocessing` workers).
/// Children may outlive the job and keep the pipe open, so the end of a job is a
/// marker written into the pipe after everything is flushed, never EOF; bytes
/// that arrive after the marker belong to no job and are dropped. Each job gets
/// its own pipe, so a straggler from one job can never write into the next.
///
/// A job that closes fd 1 or 2 frees that number for the whole process until
/// the job ends, and the restore takes it back: a file another thread opened
/// meanwhile would lose its descriptor. guidecheck runs such jobs only where no
/// other thread opens files (the `run` command); tests that close them run in a
/// process of their own.
final class OutputCapture {
    private let limit: Int
    private let tee: Int32?
    private let marker: [UInt8]
    private var savedOutput: Int32 = -1
    private var savedError: Int32 = -1
    private var markerWriter: Int32 = -1
    private var reader: PipeReader?

    /// - Parameters:
    ///   - limit: bytes kept; the rest are counted.
    ///   - tee: a descriptor that also receives the output as it arrives.
    init(limit: Int, tee: Int32?) {
        self.limit = limit
        self.tee = tee
        let random = (0..<16).map { _ in UInt8.random(in: UInt8(ascii: "a")...UInt8(ascii: "z")) }
        marker = Array("\u{1}guidecheck-end-".utf8) + random + [1]
    }

    func start(_ gil: borrowing GIL) throws(CaptureError) {
        gil.flushStandardStreams()
        var made: [Int32] = [-1, -1]
        guard gc_pipe_cloexec(&made) == 0 else { throw CaptureError(operation: "pipe", errno: errno) }
        // The pipe's ends above the standard descriptors: with fd 1 or 2 closed
        // (`guidecheck run x.py 2>&-`), pipe() is given that number, and the
        // redirect below would replace the pipe's own end.
        var ends: [Int32] = [-1, -1]
        for index in 0..<2 {
            ends[index] = fcntl(made[index], F_DUPFD_CLOEXEC, 10)
            if ends[index] < 0 { ends[index] = -max(errno, 1) }
            close(made[index])
        }
        if let failed = ends.first(where: { $0 < 0 }) {
            for end in ends where end >= 0 { close(end) }
            throw CaptureError(operation: "fcntl(F_DUPFD_CLOEXEC)", errno: -failed)
        }
        // A copy of each to put back. Without one the restore closes the fd, as
        // it was before; but a copy refused for another reason (out of
        // descriptors) must stop here, or fds 1 and 2 would be closed for good.
        do {
            savedOutput = try Self.copy(of: 1)
            savedError = try Self.copy(of: 2)
        } catch {
            if savedOutput >= 0 { close(savedOutput) }
            savedOutput = -1
            close(ends[0])
            close(ends[1])
            throw error
        }
        markerWriter = ends[1]
        guard dup2(ends[1], 1) >= 0, dup2(ends[1], 2) >= 0 else {
            let code = errno
            restore()
            close(ends[0])
            throw CaptureError(operation: "dup2", errno: code)
        }
        reader = PipeReader(descriptor: ends[0], limit: limit, tee: tee, marker: marker)
    }

    /// Ends the capture and returns what the job wrote.
    func finish(_ gil: inout GIL) -> CapturedOutput {
        gil.flushStandardStreams()
        guard let reader else { return CapturedOutput() }
        // The job may have closed or replaced fds 1 and 2; the marker goes through
        // guidecheck's own descriptor for the same pipe.
        marker.withUnsafeBytes { _ = write(markerWriter, $0.baseAddress, $0.count) }
        restore()
        self.reader = nil
        return gil.allowThreads { reader.waitForMarker() }
    }

    /// A close-on-exec copy of `descriptor` above the standard ones, or -1 when
    /// it is not open.
    private static func copy(of descriptor: Int32) throws(CaptureError) -> Int32 {
        let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        if copy < 0 && errno != EBADF { throw CaptureError(operation: "fcntl(F_DUPFD_CLOEXEC)", errno: errno) }
        return copy
    }

    private func restore() {
        for (saved, target) in [(savedOutput, Int32(1)), (savedError, Int32(2))] {
            if saved >= 0 { dup2(saved, target); close(saved) } else { close(target) }
        }
        if markerWriter >= 0 { close(markerWriter) }
        savedOutput = -1
        savedError = -1
        markerWriter = -1
    }
}

public struct CaptureError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var errno: Int32
    public var description: String { "cannot capture output: \(operation) failed: \(String(cString: strerror(errno)))" }
}

/// Drains one capture pipe on its own thread, so a job that writes more than a
/// pipe holds never blocks, and stops keeping bytes at the end marker.
private final class PipeReader: @unchecked Sendable {
    private let descriptor: Int32
    private let limit: Int
    private let tee: Int32?
    private let marker: [UInt8]
    private let done = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    // Written by the reader thread before `done` is posted, read after.
    private var output = CapturedOutput()

    init(descriptor: Int32, limit: Int, tee: Int32?, marker: [UInt8]) {
        self.descriptor = descriptor
        self.limit = limit
        self.tee = tee
        self.marker = marker
        sem_init(done, 0, 0)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { context in
            let reader = Unmanaged<PipeReader>.fromOpaque(context!).takeRetainedValue()
            reader.drain()
            return nil
        }, context)
        pthread_detach(thread)
    }

    deinit {
        sem_destroy(done)
        done.deallocate()
    }

    func waitForMarker() -> CapturedOutput {
        while sem_wait(done) != 0 {}
        return output
    }

    private func drain() {
        var scanner = MarkerScanner(marker: marker)
        var chunk = [UInt8](repeating: 0, count: 65536)
        var finished = false
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            if finished { continue }  // stragglers after the job ended: dropped
            let (payload, found) = scanner.feed(chunk[0..<count])
            keep(payload)
            if found {
                finished = true
                sem_post(done)
            }
        }
        if !finished {
            keep(scanner.pending)
            sem_post(done)
        }
        close(descriptor)
    }

    private func keep(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        if let tee { bytes.withUnsafeBytes { _ = write(tee, $0.baseAddress, $0.count) } }
        let room = max(0, limit - output.bytes.count)
        output.bytes += bytes.prefix(room)
        output.droppedBytes += max(0, bytes.count - room)
    }
}

/// Finds a marker in a byte stream that arrives in chunks, holding back only the
/// few bytes that might be the start of a marker split across two chunks.
struct MarkerScanner {
    let marker: [UInt8]
    private(set) var pending: ArraySlice<UInt8> = []

    init(marker: [UInt8]) { self.marker = marker }

    /// Returns the bytes known to precede the marker and whether it was found.
    mutating func feed(_ chunk: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Bool) {
        let data = Array(pending) + chunk
        pending = []
        if let start = Self.index(of: marker, in: data) {
            return (data[..<start], true)
        }
        // Hold back the longest suffix that is a prefix of the marker.
        var keep = min(marker.count - 1, data.count)
        while keep > 0, !data.suffix(keep).elementsEqual(marker.prefix(keep)) { keep -= 1 }
        pending = data.suffix(keep)
        return (data.dropLast(keep), false)
    }

    static func index(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
