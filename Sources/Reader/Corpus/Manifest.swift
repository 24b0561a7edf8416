import Foundation
import StrictYAML
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
        /// `Q5`; without it, the question is read from the file name (`q05_…`).
        public var question: String?
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

        public init(file: String, question: String? = nil, topic: String? = nil, guideLine: Int? = nil,
                    fixtures: [String]? = nil, timeout: Double? = nil, exclusive: Bool? = nil, runnable: Bool? = nil,
                    reason: String? = nil, redact: [Redaction]? = nil, annotations: [Annotation]? = nil) {
            self.file = file
            self.question = question
            self.topic = topic
            self.guideLine = guideLine
            self.fixtures = fixtures
            self.timeout = timeout
            self.exclusive = exclusive
            self.runnable = runnable
            self.reason = reason
            self.redact = redact
            self.annotations = annotations
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
        /// The manifest line the annotation starts on (not read from the YAML: found
        /// when the manifest is loaded, for errors that point at it).
        public var manifestLine: Int?

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

    /// The guide it names, resolved against the folder it is in.
    public func guidePath(in directory: String) -> String? {
        guard let guide else { return nil }
        return guide.hasPrefix("/") ? guide : directory + "/" + guide
    }

    /// Reads a manifest, naming the file and line of any error (an unknown key
    /// among them, with the nearest valid one).
    /// `requireGuide` false when the command is given its guide (`--guide`): a
    /// manifest's stale `guide:` must not stop the command that is told the new one.
    public static func load(from url: URL, requireGuide: Bool = true) throws -> Manifest {
        let text = try UserFile.text(at: url.path, what: "the manifest")
        var manifest = try StrictYAML.decode(Manifest.self, from: text, file: url.path, schema: schema)
        let root = try? Yams.compose(yaml: text)
        func line(_ path: [Key]) -> Int? { root.flatMap { StrictYAML.line(of: path, in: $0) } }
        if let timeout = manifest.defaults?.timeout, !TimeLimit.accepts(timeout) {
            throw CorpusError(file: url.path, line: line([Key("defaults"), Key("timeout")]),
                              message: "defaults: timeout must be \(TimeLimit.rule), not \(timeout)")
        }
        // The guide is where checks' quotes are found: without it they would be
        // placed at their own lines and no quote could go stale, silently.
        if requireGuide, let guide = manifest.guide, let path = manifest.guidePath(in: url.deletingLastPathComponent().path) {
            do { try UserFile.check(at: path, what: "the guide") } catch {
                throw CorpusError(file: url.path, line: line([Key("guide")]), message: "guide: \(guide): \(error.message)")
            }
        }
        var first: [String: Int] = [:]
        for (index, entry) in manifest.snippets.enumerated() {
            // A pattern is checked here, where its line is known, not after the runs.
            for (number, redaction) in (entry.redact ?? []).enumerated() {
                do { _ = try NSRegularExpression(pattern: redaction.pattern) } catch {
                    throw CorpusError(file: url.path, line: line([Key("snippets"), Key(index), Key("redact"), Key(number), Key("pattern")]),
                                      message: "\(entry.file): redaction '\(redaction.name)' has an invalid pattern (an ICU regular expression): \(redaction.pattern)")
                }
            }
            if let timeout = entry.timeout, !TimeLimit.accepts(timeout) {
                throw CorpusError(file: url.path, line: line([Key("snippets"), Key(index), Key("timeout")]),
                                  message: "\(entry.file): timeout must be \(TimeLimit.rule), not \(timeout)")
            }
            // Two entries for one file: which one holds would be a guess.
            if let earlier = first[entry.file] {
                let earlierLine = line([Key("snippets"), Key(earlier)]).map { " (line \($0))" } ?? ""
                throw CorpusError(file: url.path, line: line([Key("snippets"), Key(index)]),
                                  message: "\(entry.file) is listed twice; the first entry\(earlierLine) is the one to keep")
            }
            first[entry.file] = index
        }
        if let root {
            for entry in manifest.snippets.indices {
                for annotation in (manifest.snippets[entry].annotations ?? []).indices {
                    manifest.snippets[entry].annotations![annotation].manifestLine = StrictYAML.line(
                        of: [Key("snippets"), Key(entry), Key("annotations"), Key(annotation)], in: root)
                }
            }
        }
        return manifest
    }

    /// A coding path step, to find a node's line.
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ string: String) { stringValue = string }
        init(_ index: Int) { stringValue = String(index); intValue = index }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.init(intValue) }
    }

    /// Every key a manifest may hold.
    static let schema = KeySchema.mapping([
        "guide": .value,
        "defaults": .mapping(["timeout": .value]),
        "snippets": .list(.mapping([
            "file": .value, "question": .value, "topic": .value, "guide_line": .value, "fixtures": .value,
            "timeout": .value, "exclusive": .value, "runnable": .value, "reason": .value,
            "redact": .list(.mapping(["name": .value, "pattern": .value, "replacement": .value])),
            "annotations": .list(.mapping([
                "line": .value, "commentary": .value, "not_checkable": .value, "kind": .value, "expected": .value,
                "expected_python": .value, "probe": .value, "normalise": .value, "note": .value,
            ])),
        ])),
    ])
}

/// A problem with the corpus itself (manifest, snippet files, checks), with where it is.
public typealias CorpusError = FileError
