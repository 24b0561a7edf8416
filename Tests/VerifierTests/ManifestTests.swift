import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Reader

/// A user's mistakes in `manifest.yaml` are errors that say where and what, never
/// settings silently ignored.
@Suite("Reading the manifest strictly")
struct ManifestTests {
    static func load(_ yaml: String, snippets: [String: String] = [:]) throws -> SnippetCorpus {
        let scratch = ScratchDirectory()
        return try withExtendedLifetime(scratch) {
            scratch.write("snippets/manifest.yaml", yaml)
            for (name, source) in snippets { scratch.write("snippets/\(name)", source) }
            return try SnippetCorpus.load(directory: scratch.path + "/snippets")
        }
    }

    static func error(_ yaml: String, snippets: [String: String] = ["a.py": "print(1)  # 1\n"]) -> CorpusError? {
        do {
            _ = try load(yaml, snippets: snippets)
            return nil
        } catch let error as CorpusError {
            return error
        } catch {
            return CorpusError(file: "?", line: nil, message: "\(error)")
        }
    }

    @Test("an unknown key names its line and the nearest valid key", arguments: [
        ("snippets:\n  - file: a.py\n    question: Q1\n    timout: 1\n", 4, "unknown key 'timout' in snippets[0]; did you mean 'timeout'?"),
        ("snippets:\n  - file: a.py\n    fixture: [network]\n", 3, "unknown key 'fixture' in snippets[0]; did you mean 'fixtures'?"),
        ("snippets:\n  - file: a.py\n    annotations:\n      - line: 1\n        comentary: prose\n", 5,
         "unknown key 'comentary' in snippets[0].annotations[0]; did you mean 'commentary'?"),
        ("gide: x.txt\nsnippets: []\n", 1, "unknown key 'gide'; did you mean 'guide'?"),
    ])
    func unknownKey(yaml: String, line: Int, message: String) throws {
        let error = try #require(Self.error(yaml))
        #expect(error.line == line, "\(error)")
        #expect(error.message.hasPrefix(message), "\(error)")
        #expect(error.description.contains("manifest.yaml:\(line): "))
    }

    @Test("a key with no near neighbour lists the valid ones")
    func farKey() throws {
        let error = try #require(Self.error("snippets:\n  - file: a.py\n    zzzzzzzz: 1\n"))
        #expect(error.message.contains("unknown key 'zzzzzzzz' in snippets[0] (valid here: annotations, exclusive"), "\(error)")
    }

    @Test("a misspelled normalisation is an error on its line, naming the valid ones")
    func misspelledNormalisation() throws {
        let yaml = "snippets:\n  - file: a.py\n    annotations:\n      - line: 1\n        normalise: [durations]\n"
        let error = try #require(Self.error(yaml))
        #expect(error.line == 5, "\(error)")
        #expect(error.message.contains("unknown normalisation 'durations'"), "\(error)")
        #expect(error.message.contains("duration"))
        let good = try Self.load("snippets:\n  - file: a.py\n    annotations:\n      - line: 1\n        normalise: [duration]\n",
                                 snippets: ["a.py": "print(1)  # 1\n"])
        #expect(good.snippets[0].entry?.annotations?[0].normalise == [.duration])
    }

    @Test("an annotation for a line the snippet does not have is an error at the annotation")
    func annotationPastTheEnd() throws {
        let yaml = "snippets:\n  - file: a.py\n    annotations:\n      - line: 1\n        note: fine\n      - line: 9\n        commentary: gone\n"
        let error = try #require(Self.error(yaml))
        #expect(error.line == 6, "\(error)")
        #expect(error.message == "an annotation for line 9 of a.py, which has 1 line")
    }

    @Test("a wrong type names its place")
    func wrongType() throws {
        let error = try #require(Self.error("snippets:\n  - file: a.py\n    timeout: soon\n"))
        #expect(error.line == 3, "\(error)")
        #expect(error.message.contains("snippets[0].timeout must be a number"), "\(error)")
    }
}
