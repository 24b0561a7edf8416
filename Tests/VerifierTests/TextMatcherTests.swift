import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

@Suite("Matching documented text against output")
struct TextMatcherTests {
    @Test("exact, ignoring the final newline")
    func exact() {
        #expect(TextMatcher.compare(documented: "True", observed: "True\n") == .exact)
        #expect(TextMatcher.compare(documented: "True", observed: "False\n") == .different)
    }

    @Test("each named normalisation, alone", arguments: [
        ("'zeroth'", "zeroth", Normalisation.reprQuotes),
        ("(<class 'D'>, <class 'object'>)", "(<class '__main__.D'>, <class 'object'>)", .mainQualification),
        ("(<cell at 0x...>,)", "(<cell at 0x7f2feeb2a8c0: int object at 0xa566a8>,)", .memoryAddress),
        ("~400,064 bytes", "408360", .approximately),
        ("0, 1, 2", "0\n1\n2", .commaJoinedLines),
    ])
    func single(documented: String, observed: String, normalisation: Normalisation) {
        #expect(TextMatcher.compare(documented: documented, observed: observed) == .normalised([normalisation]))
    }

    @Test("approximately means within 10 %")
    func tolerance() {
        #expect(TextMatcher.compare(documented: "~48 bytes", observed: "52") == .normalised([.approximately]))
        #expect(TextMatcher.compare(documented: "~48 bytes", observed: "56") == .different)
        #expect(TextMatcher.compare(documented: "~232 bytes", observed: "296") == .different)
    }

    @Test("a duration matches only when the claim allows it")
    func duration() {
        let documented = "slow_function took 0.3271s"
        let observed = "slow_function took 0.0809s"
        #expect(TextMatcher.compare(documented: documented, observed: observed) == .different)
        #expect(TextMatcher.compare(documented: documented, observed: observed, allowing: [.duration]) == .normalised([.duration]))
    }

    @Test("two normalisations at once, and only those needed are named")
    func combined() {
        #expect(TextMatcher.compare(documented: "'<class 'D'>'", observed: "<class '__main__.D'>") == .different)
        #expect(TextMatcher.compare(documented: "{'A': <class 'A'>, 'B': <class 'B'>}",
                                    observed: "{'A': <class '__main__.A'>, 'B': <class '__main__.B'>}") == .normalised([.mainQualification]))
    }

    @Test("a wrong order is never normalised away")
    func order() {
        #expect(TextMatcher.compare(documented: "[('s', 4), ('i', 4), ('p', 2)]", observed: "[('i', 4), ('s', 4), ('p', 2)]") == .different)
        #expect(TextMatcher.compare(documented: "B: starting\nA: starting", observed: "A: starting\nB: starting") == .different)
    }

    @Test("an address placeholder does not match text that is not an address")
    func addressNeedsAnAddress() {
        #expect(TextMatcher.compare(documented: "<cell at 0x...>", observed: "<cell at nowhere>") == .different)
    }

    @Test("whitespace runs count as one space outside quoted strings, never inside them")
    func whitespaceInStrings() {
        #expect(TextMatcher.compare(documented: "['a b',  1]", observed: "['a b', 1]") == .normalised([.whitespace]))
        #expect(TextMatcher.compare(documented: "'a  b'", observed: "'a b'") == .different)
        #expect(TextMatcher.compare(documented: "{\"k\": \"x  y\"}", observed: "{\"k\": \"x y\"}") == .different)
        #expect(TextMatcher.compare(documented: "'it\\'s  here'", observed: "'it\\'s here'") == .different, "an escaped quote does not close it")
        // An apostrophe that does not close on its line is prose, not a string.
        #expect(TextMatcher.collapsed("don't   stop\n  now") == "don't stop now")
    }

    @Test("an address the guide printed after ` at ` stands for any address; a hex number elsewhere is a number")
    func printedAddress() {
        #expect(TextMatcher.compare(documented: "<object object at 0x7f98a1a67fc8>", observed: "<object object at 0x7f58b09c80b0>")
                == .normalised([.memoryAddress]))
        #expect(TextMatcher.compare(documented: "'0x3e418'", observed: "'0x3e419'") == .different)
        #expect(TextMatcher.compare(documented: "<object object at 0x7f98a1a67fc8>", observed: "<object object>") == .different)
    }

    @Test("`[...]` and `{...}` are CPython's recursion markers: only the marker matches them; other `...` elide")
    func recursionMarkers() {
        #expect(TextMatcher.compare(documented: "[[...]]", observed: "[[1, 2]]") == .different)
        #expect(TextMatcher.compare(documented: "{...}", observed: "{1: 2}") == .different)
        #expect(TextMatcher.compare(documented: "[1, [...]]", observed: "[1, [...]]") == .exact)
        #expect(TextMatcher.compare(documented: "[1, [...]] ...", observed: "[1, [...]] and more") == .normalised([.ellipsis]))
        #expect(TextMatcher.compare(documented: "[1, ...]", observed: "[1, 2, 3]") == .normalised([.ellipsis]))
    }
}
