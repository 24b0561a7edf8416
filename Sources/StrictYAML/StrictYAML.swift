import Foundation
import Yams

/// The keys a YAML file may hold, level by level.
public indirect enum KeySchema: Sendable {
    /// A value with no keys of its own (text, a number, a list of text).
    case value
    /// A mapping with these keys only.
    case mapping([String: KeySchema])
    /// A list, each item as the schema says.
    case list(KeySchema)
    /// A mapping whose keys are the user's own (`env: {NAME: value}`).
    case anyKeys
}

/// A problem in one of the user's files (a YAML file here; the reader's
/// manifest, snippets and checks too, as `CorpusError`), with where it is.
public struct FileError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
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

/// YAML files of the user's (the manifest, the checks, the benchmark catalog)
/// read strictly: a misspelled key is an error that names the file, the line
/// and the nearest valid key, never a setting silently ignored.
public enum StrictYAML {
    /// Decodes `type` from `text`, after checking every key against `schema`.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String, schema: KeySchema) throws -> T {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw FileError(file: file, line: line(of: error), message: "not valid YAML: \(problem(of: error))")
        }
        if let root { try check(root, against: schema, path: "", file: file) }
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as DecodingError {
            throw FileError(file: file, line: root.flatMap { line(of: error, in: $0) }, message: describe(error))
        } catch let error as YamlError {
            throw FileError(file: file, line: line(of: error), message: "not valid YAML: \(problem(of: error))")
        }
    }

    /// The 1-based line of the node at `codingPath` (keys and list indices), or
    /// of the nearest node above it that exists.
    public static func line(of codingPath: [CodingKey], in root: Node) -> Int? {
        var node = root
        var found = root.mark?.line
        for key in codingPath {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let mapping = node.mapping, let pair = mapping.first(where: { $0.key.string == key.stringValue }) {
                found = pair.key.mark?.line ?? found
                node = pair.value
                continue
            } else {
                break
            }
            found = node.mark?.line ?? found
        }
        return found
    }

    private static func check(_ node: Node, against schema: KeySchema, path: String, file: String) throws {
        switch (schema, node) {
        case (.mapping(let keys), .mapping(let mapping)):
            for (key, value) in mapping {
                let name = key.string ?? ""
                guard let inner = keys[name] else {
                    let hint = nearest(name, in: Array(keys.keys)).map { "; did you mean '\($0)'?" } ?? ""
                    let known = keys.keys.sorted().joined(separator: ", ")
                    throw FileError(file: file, line: key.mark?.line,
                                      message: "unknown key '\(name)'\(path.isEmpty ? "" : " in \(path)")\(hint) (valid here: \(known))")
                }
                try check(value, against: inner, path: path.isEmpty ? name : "\(path).\(name)", file: file)
            }
        case (.list(let item), .sequence(let sequence)):
            for (index, element) in sequence.enumerated() {
                try check(element, against: item, path: "\(path)[\(index)]", file: file)
            }
        default:
            return  // a wrong type is the decoder's to report, with its own words
        }
    }

    /// The valid key closest to a misspelling (edit distance at most a third of its length, and at least 2).
    static func nearest(_ name: String, in keys: [String]) -> String? {
        let scored = keys.map { ($0, editDistance(name, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (key, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
        return key
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    static func describe(_ error: DecodingError) -> String {
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

    private static func line(of error: DecodingError, in root: Node) -> Int? {
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
             .dataCorrupted(let context):
            if let yaml = context.underlyingError as? YamlError { return line(of: yaml) }
            return line(of: context.codingPath, in: root)
        @unknown default:
            return nil
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
        return text.isEmpty ? "the file" : String(text.drop(while: { $0 == "." }))
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
