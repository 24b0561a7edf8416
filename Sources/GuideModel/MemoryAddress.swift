import Foundation

/// A memory address as a repr prints it (`0x7f1c41a15900`): different on every
/// run (ASLR), so never evidence of anything. Snapshots redact it, the judge
/// ignores it when it compares two runs, `0x...` in a comment stands for one.
public enum MemoryAddress {
    public static let pattern = "0x[0-9a-fA-F]{4,}"
    public static let placeholder = "0x…"

    private static let expression = try! NSRegularExpression(pattern: pattern)

    /// `text` with every address replaced by `0x…`.
    public static func masked(_ text: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                            withTemplate: NSRegularExpression.escapedTemplate(for: placeholder))
    }
}
