import CProcessControl

/// Writes a line to stderr, unbuffered, so it is never lost or reordered.
func printError(_ text: String) {
    _ = Array((text + "\n").utf8).withUnsafeBytes { gc_write_all(2, $0.baseAddress, $0.count) }
}
