import Foundation
import GuideModel
import Yams

/// `snippets/manifest.yaml`: what guidecheck knows about each snippet that the
/// guide's code itself does not say.
///
/// The guide's code is copied verbatim; everything else (where a snippet starts in
/// the guide, the fixtures it needs, its timeout, how to read an ambiguous comment)
/// lives here, so the copy never has to be edited.
public struct Manifest: Codable, Sendable, Equatable {
    /// The guide the snippets were cut from, relative to the manifest.
    public var guide: String?
    public var defaults: Defaults?
    public var snippets: [Entry]

    public struct Defaults: Codable, Sendable, Equatable {
        /// Seconds a snippet may run, per mode.
        public var timeout: Double?
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var file: String
        /// `Q5`.
        public var question: String
        public var topic: String?
        /// The guide line the snippet's first line is copied from.
        public var guideLine: Int?
        /// Named fixtures installed before it runs (`network`, `functools`, …).
        public var fixtures: [String]?
        public var timeout: Double?
        /// Its claims are about timing or CPU parallelism: it runs with nothing beside it.
        public var exclusive: Bool?
        /// False for a sketch or a shell command; `reason` says why.
        public var runnable: Bool?
        public var reason: String?
        /// Output that legitimately changes between runs (a duration, an age),
        /// replaced before it is compared or stored.
        public var redact: [Redaction]?
        public var annotations: [Annotation]?

        enum CodingKeys: String, CodingKey {
            case file, question, topic, fixtures, timeout, exclusive, runnable, reason, redact, annotations
            case guideLine = "guide_line"
        }
    }

    /// Settles how one comment is read.
    public struct Annotation: Codable, Sendable, Equatable {
        /// The line the comment is on.
        public var line: Int
        /// Not a claim, and why.
        public var commentary: String?
        /// A claim that cannot be checked here, and why.
        public var notCheckable: String?
        /// The claim's kind, when the comment alone leaves it open.
        public var kind: ClaimKind?
        /// The value the comment means, when its words are not that value
        /// (`current year minus 1990`).
        public var expected: String?
        /// A Python expression giving the expected text at run time.
        public var expectedPython: String?
        /// A Python expression whose value the claim is about (`sys.getrefcount(x)`
        /// for `# count becomes 3`), evaluated right after the statement.
        public var probe: String?
        /// Extra named normalisations this claim may use (`duration`).
        public var normalise: [Normalisation]?
        /// Why the annotation reads the comment this way.
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case line, commentary, kind, expected, probe, normalise, note
            case notCheckable = "not_checkable"
            case expectedPython = "expected_python"
        }

        public init(line: Int, commentary: String? = nil, notCheckable: String? = nil, kind: ClaimKind? = nil,
                    expected: String? = nil, expectedPython: String? = nil, probe: String? = nil,
                    normalise: [Normalisation]? = nil, note: String? = nil) {
            self.line = line
            self.commentary = commentary
            self.notCheckable = notCheckable
            self.kind = kind
            self.expected = expected
            self.expectedPython = expectedPython
            self.probe = probe
            self.normalise = normalise
            self.note = note
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            line = try container.decode(Int.self, forKey: .line)
            commentary = try container.decodeIfPresent(String.self, forKey: .commentary)
            notCheckable = try container.decodeIfPresent(String.self, forKey: .notCheckable)
            kind = try container.decodeIfPresent(ClaimKind.self, forKey: .kind)
            expected = try container.decodeIfPresent(String.self, forKey: .expected)
            expectedPython = try container.decodeIfPresent(String.self, forKey: .expectedPython)
            probe = try container.decodeIfPresent(String.self, forKey: .probe)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            // A misspelled name would otherwise allow nothing, silently.
            normalise = try container.decodeIfPresent([String].self, forKey: .normalise)?.map { name in
                guard let normalisation = Normalisation.named(name), Normalisation.allowable.contains(normalisation) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .normalise, in: container,
                        debugDescription: "unknown normalisation '\(name)'; a manifest may name: "
                            + Normalisation.allowable.map(\.rawValue).joined(separator: ", "))
                }
                return normalisation
            }
        }
    }

    /// A named pattern replaced in output before it is compared or stored.
    public struct Redaction: Codable, Sendable, Equatable {
        public var name: String
        /// An ICU regular expression.
        public var pattern: String
        public var replacement: String
    }

    /// Reads a manifest, naming the file and line of any error.
    public static func load(from url: URL) throws -> Manifest {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CorpusError(file: url.path, line: nil, message: "cannot read the manifest: \(error.localizedDescription)")
        }
        do {
            return try YAMLDecoder().decode(Manifest.self, from: text)
        } catch let error as DecodingError {
            throw CorpusError(file: url.path, line: Self.line(of: error, in: text), message: Self.describe(error))
        } catch let error as YamlError {
            throw CorpusError(file: url.path, line: Self.line(of: error), message: "not valid YAML: \(Self.problem(of: error))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' in \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(expectation(for: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(expectation(for: type)), not empty"
        case .dataCorrupted(let context):
            if let yaml = context.underlyingError as? YamlError { return "not valid YAML: \(problem(of: yaml))" }
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func expectation(for type: Any.Type) -> String {
        switch type {
        case is Double.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        default: return String(describing: type).hasPrefix("Array") ? "a list" : "a \(type)"
        }
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "the manifest" : String(text.drop(while: { $0 == "." }))
    }

    /// The line an error points at: the offending key inside its snippet entry
    /// (entries are found by their `- file:` lines), else the entry itself.
    private static func line(of error: DecodingError, in text: String) -> Int? {
        let codingPath: [CodingKey]
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            codingPath = context.codingPath
        case .dataCorrupted(let context):
            if let yaml = context.underlyingError as? YamlError { return line(of: yaml) }
            codingPath = context.codingPath
        @unknown default:
            return nil
        }
        guard codingPath.count >= 2, codingPath[0].stringValue == "snippets", let index = codingPath[1].intValue else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let starts = lines.indices.filter { lines[$0].hasPrefix("- file:") }
        guard index < starts.count else { return nil }
        let entryStart = starts[index]
        let entryEnd = index + 1 < starts.count ? starts[index + 1] : lines.count
        if codingPath.count >= 3, codingPath.last?.intValue == nil, let key = codingPath.last?.stringValue,
           let keyLine = (entryStart..<entryEnd).first(where: { lines[$0].hasPrefix("\(key):") || lines[$0].hasPrefix("- \(key):") }) {
            return keyLine + 1
        }
        return entryStart + 1
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// A problem with the corpus itself (manifest, snippet files), with where it is.
public struct CorpusError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
