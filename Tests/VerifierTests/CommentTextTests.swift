import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

@Suite("Reading comment text")
struct CommentTextTests {
    @Test("the tail after a spaced dash is explanation", arguments: [
        ("True — same cached object", "True", "same cached object"),
        ("'zeroth' — O(1) — unlike list.pop(0)", "'zeroth'", "O(1) — unlike list.pop(0)"),
        ("TypeError – name is positional-only", "TypeError", "name is positional-only"),
        ("[1, 2] -- not [2]!", "[1, 2]", "not [2]!"),
    ])
    func tail(text: String, head: String, tail: String) {
        let split = CommentText.splitTail(text)
        #expect(split.head == head)
        #expect(split.tail == tail)
    }

    @Test("a dash inside a value is not a tail")
    func dashInsideValue() {
        #expect(CommentText.splitTail("-5").tail == nil)
        #expect(CommentText.splitTail("a-b").tail == nil)
    }

    @Test("a trailing parenthetical after a space is explanation; a parenthesised value is kept")
    func parenthetical() {
        #expect(CommentText.splitParenthetical("2 (one for x, one for the getrefcount argument)").head == "2")
        #expect(CommentText.splitParenthetical("False in some contexts (contains a space)").head == "False in some contexts")
        #expect(CommentText.splitParenthetical("(700, 10, 10)").head == "(700, 10, 10)")
        #expect(CommentText.splitParenthetical("(<cell at 0x...>,)").head == "(<cell at 0x...>,)")
        #expect(CommentText.splitParenthetical("CacheInfo(hits=98, misses=101)").head == "CacheInfo(hits=98, misses=101)")
        #expect(CommentText.splitParenthetical("[] (not KeyError)").head == "[]")
    }

    @Test("exception forms")
    func exceptions() {
        #expect(CommentText.exception(in: "raises ValueError")! == ("ValueError", nil))
        #expect(CommentText.exception(in: "ValueError")! == ("ValueError", nil))
        #expect(CommentText.exception(in: "TypeError: unhashable type: 'list'")! == ("TypeError", "unhashable type: 'list'"))
        #expect(CommentText.exception(in: "StopIteration")! == ("StopIteration", nil))
        #expect(CommentText.exception(in: "dataclasses.FrozenInstanceError")! == ("dataclasses.FrozenInstanceError", nil))
        #expect(CommentText.exception(in: "KeyboardInterrupt")! == ("KeyboardInterrupt", nil))
        #expect(CommentText.exception(in: "ValueError is raised later") == nil, "words after the name: prose")
        #expect(CommentText.exception(in: "Vector(4, 6)") == nil)
        #expect(CommentText.exception(in: "errors are values") == nil)
    }

    @Test("OK and works say no exception")
    func noException() {
        #expect(CommentText.saysNoException("OK"))
        #expect(CommentText.saysNoException("works"))
        #expect(!CommentText.saysNoException("OK then"))
    }

    @Test("approximate numbers")
    func approximate() {
        #expect(CommentText.approximate("~48 bytes")?.value == 48)
        #expect(CommentText.approximate("~800,056 bytes")?.value == 800_056)
        #expect(CommentText.approximate("~1s")?.value == 1)
        #expect(CommentText.approximate("48 bytes") == nil)
        #expect(CommentText.approximate("~8-10x on 10 URLs") == nil)
    }

    @Test("prose versus output lines")
    func prose() {
        #expect(CommentText.isProse("The infinite sequence never fully materializes in memory"))
        #expect(CommentText.isProse("Each __init__ called exactly once — cooperative multiple inheritance"))
        #expect(CommentText.isProse("Both tasks done here. ExceptionGroup raised if any failed."))
        #expect(!CommentText.isProse("B: done after 1s"))
        #expect(!CommentText.isProse("CacheInfo(hits=98, misses=101, maxsize=None, currsize=101)"))
        #expect(!CommentText.isProse("slow_function took 0.3271s"))
        #expect(!CommentText.isProse("D.__init__"))
        #expect(!CommentText.isProse("Going north"))
    }

    @Test("complexities and reprs")
    func complexityAndRepr() {
        #expect(CommentText.isComplexity("O(n) — each subproblem computed once"))
        #expect(!CommentText.isComplexity("Other"))
        #expect(CommentText.looksLikeRepr("<class 'type'>"))
        #expect(CommentText.looksLikeRepr("(<cell at 0x...>,)"))
        #expect(!CommentText.looksLikeRepr("[1, 2]"))
    }
}
