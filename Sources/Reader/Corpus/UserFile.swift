import Foundation
import StrictYAML

/// Reading a file the user named (a snippet, the manifest, a guide, a check
/// file), with an error that says what is wrong with it: missing, a folder, a
/// named pipe, unreadable, not UTF-8 (with the line of the first bad byte).
/// Foundation's own errors say "The operation could not be completed" for a
/// folder, and opening a named pipe would wait for a writer for ever.
public enum UserFile {
    /// The bytes of the regular file at `path`; `what` names it in errors ("the
    /// guide"). `pipes`: a named pipe is read too, for a file the user names on
    /// the command line (`--guide <(…)`, `/dev/stdin`), where a writer is there.
    public static func data(at path: String, what: String = "the file", pipes: Bool = false) throws(FileError) -> Data {
        let handle = try opened(path, what: what, pipes: pipes)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw unreadable(path, what, (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }

    /// Whether the file could be read (it is a regular file that opens), without reading it.
    public static func check(at path: String, what: String = "the file") throws(FileError) {
        _ = try opened(path, what: what, pipes: false)
    }

    private static func opened(_ path: String, what: String, pipes: Bool) throws(FileError) -> FileHandle {
        var status = stat()
        guard stat(path, &status) == 0 else { throw unreadable(path, what, String(cString: strerror(errno))) }
        // A pipe named on the command line has a writer; of devices, only stdin
        // (a terminal) is read: `/dev/zero` would never end.
        let readable = pipes && (status.st_mode & S_IFMT == S_IFIFO || (status.st_mode & S_IFMT == S_IFCHR && ["/dev/stdin", "/dev/fd/0"].contains(path)))
        if let kind = notRegular(status.st_mode), !readable { throw unreadable(path, what, "it is \(kind), not a file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, what, String(cString: strerror(errno))) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private static func unreadable(_ path: String, _ what: String, _ reason: String) -> FileError {
        FileError(file: path, line: nil, message: "cannot read \(what): \(reason)")
    }

    /// The file's text, which must be UTF-8.
    public static func text(at path: String, what: String = "the file", pipes: Bool = false) throws(FileError) -> String {
        let data = try data(at: path, what: what, pipes: pipes)
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8(in: data)
            throw FileError(file: path, line: lineNumber(atByte: offset, in: data),
                            message: "not valid UTF-8 (byte \(offset)); guidecheck reads \(what) as UTF-8")
        }
        return text
    }

    /// What a file of this mode is, when it is not a regular file.
    static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "a special file"
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidUTF8(in data: Data) -> Int {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(bytes: bytes[index..<(index + length)], encoding: .utf8) != nil else { return index }
            index += length
        }
        return index
    }

    static func lineNumber(atByte offset: Int, in data: Data) -> Int {
        data.prefix(offset).reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
