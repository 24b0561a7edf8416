import Foundation
import GuideModel
import Yams

/// Writes a manifest in one canonical form, so that `extract` rewriting it from
/// an unchanged guide writes the same bytes: the file's own leading comment kept
/// as it is, then `guide`, `defaults` and the entries by file name, each key in
/// a fixed order, each value plain when YAML reads it back as the same text and
/// double-quoted otherwise.
public enum ManifestWriter {
    public static func render(_ manifest: Manifest, header: String) -> String {
        var out = header.isEmpty ? [] : [header.hasSuffix("\n") ? String(header.dropLast()) : header]
        if let guide = manifest.guide { out.append("guide: \(scalar(guide))") }
        if let timeout = manifest.defaults?.timeout {
            out.append("defaults:")
            out.append("  timeout: \(number(timeout))")
        }
        out.append(manifest.snippets.isEmpty ? "snippets: []" : "snippets:")
        for entry in manifest.snippets.sorted(by: { $0.file < $1.file }) {
            out.append("  - file: \(scalar(entry.file))")
            var fields: [(String, String)] = []
            if let question = entry.question { fields.append(("question", scalar(question))) }
            if let topic = entry.topic { fields.append(("topic", scalar(topic))) }
            if let line = entry.guideLine { fields.append(("guide_line", String(line))) }
            if let fixtures = entry.fixtures, !fixtures.isEmpty { fields.append(("fixtures", "[" + fixtures.map(scalar).joined(separator: ", ") + "]")) }
            if let exclusive = entry.exclusive { fields.append(("exclusive", String(exclusive))) }
            if let timeout = entry.timeout { fields.append(("timeout", number(timeout))) }
            if let runnable = entry.runnable { fields.append(("runnable", String(runnable))) }
            if let reason = entry.reason { fields.append(("reason", scalar(reason))) }
            for (key, value) in fields { out.append("    \(key): \(value)") }
            if let redact = entry.redact, !redact.isEmpty {
                out.append("    redact:")
                for rule in redact {
                    out.append("      - name: \(scalar(rule.name))")
                    out.append("        pattern: \(scalar(rule.pattern))")
                    out.append("        replacement: \(scalar(rule.replacement))")
                }
            }
            if let annotations = entry.annotations, !annotations.isEmpty {
                out.append("    annotations:")
                for annotation in annotations {
                    out.append("      - line: \(annotation.line)")
                    var keys: [(String, String)] = []
                    if let value = annotation.commentary { keys.append(("commentary", scalar(value))) }
                    if let value = annotation.notCheckable { keys.append(("not_checkable", scalar(value))) }
                    if let value = annotation.kind { keys.append(("kind", value.rawValue)) }
                    if let value = annotation.probe { keys.append(("probe", scalar(value))) }
                    if let value = annotation.expected { keys.append(("expected", scalar(value))) }
                    if let value = annotation.expectedPython { keys.append(("expected_python", scalar(value))) }
                    if let value = annotation.normalise, !value.isEmpty {
                        keys.append(("normalise", "[" + value.map { scalar($0.rawValue) }.joined(separator: ", ") + "]"))
                    }
                    if let value = annotation.note { keys.append(("note", scalar(value))) }
                    for (key, value) in keys { out.append("        \(key): \(value)") }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The manifest's leading comment lines (its key to the fields), kept as written.
    public static func header(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.prefix { $0.hasPrefix("#") }
        return kept.isEmpty ? "" : kept.joined(separator: "\n") + "\n"
    }

    /// Plain when YAML reads it back as the same text, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let risky = text.isEmpty || text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || text.first.map { "-?:,[]{}#&*!|>'\"%@`".contains($0) || $0.isWhitespace } == true
            || text.last?.isWhitespace == true || text.contains("\n")
        if !risky, let node = try? Yams.compose(yaml: "key: \(text)"), node["key"]?.string == text,
           node["key"]?.tag.description == "tag:yaml.org,2002:str" {
            return text
        }
        var quoted = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(character)
            }
        }
        return quoted + "\""
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
