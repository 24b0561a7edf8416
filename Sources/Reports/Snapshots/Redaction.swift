import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// Replaces what legitimately changes between runs before output is stored,
/// as insta's redactions do: memory addresses always, and what the manifest names
/// for a snippet (a duration, an age).
public struct Redactor: Sendable {
    struct Rule: Sendable {
        var name: String
        var pattern: NSRegularExpression
        var replacement: String
    }

    let rules: [Rule]

    /// Addresses differ on every run (ASLR).
    static let memoryAddress = Rule(name: "memory address", pattern: try! NSRegularExpression(pattern: MemoryAddress.pattern),
                                    replacement: NSRegularExpression.escapedTemplate(for: MemoryAddress.placeholder))

    public init(_ redactions: [Manifest.Redaction]) throws {
        rules = try [Self.memoryAddress] + redactions.map { redaction in
            do {
                return Rule(name: redaction.name, pattern: try NSRegularExpression(pattern: redaction.pattern),
                            replacement: NSRegularExpression.escapedTemplate(for: redaction.replacement))
            } catch {
                throw CorpusError(file: SnippetCorpus.manifestName, line: nil,
                                  message: "redaction '\(redaction.name)' has an invalid pattern: \(redaction.pattern)")
            }
        }
    }

    public var names: [String] { rules.map(\.name) }

    public func redact(_ text: String) -> String {
        rules.reduce(text) { text, rule in
            rule.pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: rule.replacement)
        }
    }
}
