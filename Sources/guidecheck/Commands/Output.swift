import Glibc

/// Writes a line to stderr, unbuffered, so it is never lost or reordered.
func printError(_ text: String) {
    let line = text + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
}

/// Writes text to a descriptor, retrying short writes.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 { if errno == EINTR { continue }; return }
        offset += written
    }
}
