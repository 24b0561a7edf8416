import CProcessControl
import Foundation

/// A report file the user named (`--json FILE`, `--junit FILE`): written where
/// the name leads, never in place of what is there.
///
/// A regular file is replaced atomically, as expected/ files are. Through a
/// symbolic link, the link's target is written and the link kept. A device, a
/// FIFO or a socket (`/dev/stdout`, `/dev/null`, a named pipe a CI step reads)
/// is written into: replacing it with a regular file would break it.
public enum ReportFile {
    public static func write(_ text: String, to path: String) throws {
        let target = try followLinks(from: path)
        var status = stat()
        if stat(target, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG, (status.st_mode & S_IFMT) != S_IFDIR {
            let descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw SnapshotError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBytes({ gc_write_all(descriptor, $0.baseAddress, $0.count) }) == 0 else {
                throw SnapshotError(path: path, reason: String(cString: strerror(errno)))
            }
            return
        }
        try SnapshotStore.atomicWrite(text, to: target)
    }

    /// Where `path` leads through symbolic links (each relative to its folder),
    /// as the kernel would follow them, up to its limit of 40.
    static func followLinks(from path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
            let link = try FileManager.default.destinationOfSymbolicLink(atPath: current)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        throw SnapshotError(path: path, reason: String(cString: strerror(ELOOP)))
    }
}
