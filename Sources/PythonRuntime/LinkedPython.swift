import CPython
import Glibc

/// The libpython guidecheck is linked against, and the interpreter that matches it.
///
/// Left to itself, CPython's path calculation searches `$PATH` for `python3` to
/// set `sys.executable` and `sys.prefix`. On a machine where a pyenv shim comes
/// first that names a different Python (3.11.7 beside a linked 3.11.2), and
/// `multiprocessing` and `subprocess` would then start the wrong one. So the
/// interpreter is derived from the shared library actually loaded instead.
public struct LinkedPython: Sendable, Equatable {
    /// `3.11.2`: the version of the loaded libpython.
    public var version: String
    /// The shared library file, symlinks resolved.
    public var library: String
    /// The installation prefix the library lives under (`/usr`).
    public var prefix: String
    /// `<prefix>/bin/python3.11`: a real interpreter of the same version.
    public var executable: String

    public var majorMinor: String { version.split(separator: ".").prefix(2).joined(separator: ".") }

    /// Finds the loaded libpython and the interpreter beside it.
    public static func locate() throws(PythonInitializationError) -> LinkedPython {
        let version = String(cString: Py_GetVersion()).split(separator: " ").first.map(String.init) ?? ""
        guard let name = mappedFile(containing: UInt(bitPattern: gc_libpython_symbol())) else {
            throw PythonInitializationError(message: "cannot find the loaded libpython in /proc/self/maps")
        }
        let library = resolvedPath(name)
        guard let prefix = installationPrefix(ofLibrary: library) else {
            throw PythonInitializationError(message: "cannot derive the installation prefix of \(library)")
        }
        let minor = version.split(separator: ".").prefix(2).joined(separator: ".")
        let candidates = ["\(prefix)/bin/python\(minor)", "\(prefix)/bin/python\(minor.prefix(1))"]
        guard let executable = candidates.first(where: { access($0, X_OK) == 0 }) else {
            throw PythonInitializationError(
                message: "no Python \(minor) interpreter next to \(library): looked for \(candidates.joined(separator: ", ")). Install python\(minor) (Debian: apt-get install python\(minor)) or pass --python-executable.")
        }
        return LinkedPython(version: version, library: library, prefix: prefix, executable: executable)
    }

    /// `/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0` → `/usr`.
    static func installationPrefix(ofLibrary library: String) -> String? {
        let components = library.split(separator: "/", omittingEmptySubsequences: false)
        guard let lib = components.lastIndex(where: { $0 == "lib" || $0 == "lib64" }) else { return nil }
        let prefix = components[..<lib].joined(separator: "/")
        return prefix.isEmpty ? "/" : prefix
    }

    /// The file mapped at `address`, from `/proc/self/maps` (dladdr needs
    /// _GNU_SOURCE, which the CPython module must not see before Python.h).
    static func mappedFile(containing address: UInt) -> String? {
        guard let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        var line = [CChar](repeating: 0, count: 4096)
        while fgets(&line, Int32(line.count), maps) != nil {
            let text = String(nulTerminated: line).trimmingTrailingNewlines()
            let fields = text.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6 else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let low = UInt(range[0], radix: 16), let high = UInt(range[1], radix: 16),
                  low <= address, address < high else { continue }
            return String(fields[5]).trimmingCharacters(in: " ")
        }
        return nil
    }

    static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
