import CPython
import Glibc

/// The result of running one file as a script.
public struct ScriptRun: Sendable, Equatable {
    /// The absolute path the script ran as (`__file__`).
    public var path: String
    /// Everything written to fds 1 and 2 while it ran.
    public var output: CapturedOutput
    /// The exception that ended it, if any (`SystemExit` included).
    public var exception: PythonException?

    /// The line of the script the exception was raised on.
    public var line: Int? { exception?.line(in: path) }
}

/// Why a script could not even be started.
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

extension GIL {
    /// Runs a file as `python3 file.py` would run it.
    ///
    /// The source is compiled once, in `"exec"` mode, and executed in a fresh
    /// module installed as `sys.modules['__main__']` for the length of the run
    /// (runpy's temporary-module pattern): `__name__ == '__main__'` holds,
    /// `__file__` is set, and `multiprocessing` can pickle the script's
    /// module-level functions by name. `sys.argv` and `sys.path[0]` are set as
    /// `python3` sets them and put back afterwards.
    ///
    /// - Parameters:
    ///   - outputLimit: bytes of output kept; the rest are counted.
    ///   - tee: a descriptor that also receives the output as it is written.
    ///   - waitForThreads: wait for the script's non-daemon threads before the
    ///     capture ends, as `python3` does at exit.
    public mutating func runScript(at path: String, outputLimit: Int = 1 << 20, tee: Int32? = nil,
                                   waitForThreads: Bool = false) throws -> ScriptRun {
        let absolute = absolutePath(path)
        let source = try readSource(absolute)
        let capture = OutputCapture(limit: outputLimit, tee: tee)
        try capture.start(self)
        var exception: PythonException?
        do {
            try withMainModule(file: absolute) { module throws(PythonException) in
                let code = try compile(source, filename: absolute, mode: .exec)
                let globals = PyRef(borrowing: PyModule_GetDict(module.pointer))
                try execute(code, globals: globals)
            }
        } catch {
            exception = error
        }
        if waitForThreads {
            // threading._shutdown() is what the interpreter calls at exit to join
            // non-daemon threads.
            do { _ = try importModule("threading").callMethod("_shutdown", [], self) } catch {}
        }
        let output = capture.finish(&self)
        return ScriptRun(path: absolute, output: output, exception: exception)
    }

    private func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        let base = String(cString: cwd)
        return (base == "/" ? "" : base) + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }

    private func readSource(_ path: String) throws(ScriptError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ScriptError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw ScriptError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Not UTF-8: decoded as python3 decodes it, by its PEP 263 coding
        // declaration (`# -*- coding: latin-1 -*-`), with tokenize's own rules.
        do {
            let tokenize = try importModule("tokenize")
            let io = try importModule("io")
            let stream = try io.callMethod("BytesIO", [.bytes(bytes)], self)
            let readline = try stream.attribute("readline", self)
            let detected = try tokenize.attribute("detect_encoding", self).call(with: readline, self)
            let name = try detected.item(.int(0), self).string(self)
            return try PythonValue.bytes(bytes).object(self).callMethod("decode", [.string(name)], self).string(self)
        } catch {
            PyErr_Clear()
            throw ScriptError(path: path, reason: "not valid UTF-8, and no coding declaration (PEP 263) that decodes it")
        }
    }
}
