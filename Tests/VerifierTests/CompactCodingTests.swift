import Foundation
import Testing
@testable import GuideModel
@testable import Verifier
@testable import Workers

/// The snippet workers' wire form: whatever goes in comes out, and bytes that are
/// not a message are an error, never a value.
@Suite("The compact wire form")
struct CompactCodingTests {
    /// JSON with sorted keys: what a value holds, to compare before and after.
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        try CompactCoding.decode(Value.self, from: CompactCoding.encode(value))
    }

    struct Sample: Codable, Equatable {
        enum Shape: Codable, Equatable {
            case point
            case circle(radius: Double)
            case labelled(String, Int)
        }

        var text: String
        var empty: String
        var absent: String?
        var present: Int?
        var extremes: [Int64]
        var unsigned: UInt64
        var small: [Int8]
        var doubles: [Double]
        var float: Float
        var flags: [Bool]
        var shapes: [Shape]
        var byName: [String: Int]
        var byNumber: [Int: String]
        var nested: [[String]]
        var nothing: [Int]
        var date: Date
        var data: Data
    }

    static let sample = Sample(
        text: "naïve ☃ \u{1F600} \"quoted\"\n\ttabbed \u{0}nul", empty: "", absent: nil, present: 0,
        extremes: [.min, -1, 0, 1, .max], unsigned: .max, small: [-128, 127], doubles: [0, -0.0, 1.5e-300, .infinity, -.infinity, .pi],
        float: 3.25, flags: [true, false], shapes: [.point, .circle(radius: 2.5), .labelled("a", -7)],
        byName: ["a": 1, "": 2, "ключ": 3], byNumber: [3: "three", -1: "minus one"], nested: [[], ["x"], ["y", "z"]],
        nothing: [], date: Date(timeIntervalSince1970: 1_234_567.25), data: Data([0, 1, 255]))

    @Test("a value of every kind Codable makes comes back equal: strings, integers at their limits, floats, optionals, enums with payloads, dictionaries, dates, data")
    func everyKind() throws {
        #expect(try Self.roundTrip(Self.sample) == Self.sample)
        // -0.0 keeps its sign: == alone would not tell.
        #expect(try Self.roundTrip(Self.sample).doubles[1].sign == .minus)
    }

    @Test("an optional left out and one set to nil both come back nil; a key the type does not know is ignored")
    func optionalsAndUnknownKeys() throws {
        struct Wide: Codable { var a: Int; var b: String?; var extra: [String] }
        struct Narrow: Codable, Equatable { var a: Int; var b: String? }
        let bytes = try CompactCoding.encode(Wide(a: 5, b: nil, extra: ["ignored"]))
        #expect(try CompactCoding.decode(Narrow.self, from: bytes) == Narrow(a: 5, b: nil))
    }

    @Test("keys asked for in another order than written are found")
    func keysInAnyOrder() throws {
        struct Written: Encodable { var first = 1; var second = "two"; var third = [3.0] }
        struct Read: Decodable, Equatable {
            var first: Int, second: String, third: [Double]
            enum CodingKeys: String, CodingKey { case third, first, second }
            init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                third = try container.decode([Double].self, forKey: .third)
                second = try container.decode(String.self, forKey: .second)
                first = try container.decode(Int.self, forKey: .first)
            }
            init(first: Int, second: String, third: [Double]) { (self.first, self.second, self.third) = (first, second, third) }
        }
        #expect(try CompactCoding.decode(Read.self, from: CompactCoding.encode(Written())) == Read(first: 1, second: "two", third: [3.0]))
    }

    @Test("bytes that are not a message are an error: cut short anywhere, a wrong type, a missing key, an integer too large")
    func malformed() throws {
        let bytes = try CompactCoding.encode(Self.sample)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: (any Error).self) { try CompactCoding.decode(Sample.self, from: Array(bytes.prefix(length))) }
        }
        #expect(throws: (any Error).self) { try CompactCoding.decode(Int.self, from: CompactCoding.encode("text")) }
        #expect(throws: (any Error).self) { try CompactCoding.decode(Int8.self, from: CompactCoding.encode(300)) }
        struct Needs: Decodable { var missing: Int }
        #expect(throws: DecodingError.self) { try CompactCoding.decode(Needs.self, from: CompactCoding.encode(["other": 1])) }
    }

    @Test("a count larger than the bytes left is an error, not an allocation or a trap")
    func lyingCounts() throws {
        // A keyed container (tag 9, its byte count, then the entry count) claiming
        // 2^63 + 1 entries, and one claiming about 2^44: both in a dozen bytes.
        let huge: [UInt8] = [9, 0, 0, 0, 0] + [UInt8](repeating: 255, count: 9) + [1]
        let large: [UInt8] = [9, 0, 0, 0, 0, 128, 128, 128, 128, 128, 32]
        for bytes in [huge, large] {
            #expect(throws: DecodingError.self) { try CompactCoding.decode([String: Int].self, from: bytes) }
            #expect(throws: DecodingError.self) { try CompactCoding.decode(Sample.self, from: bytes) }
        }
    }

    @Test("a superclass's values, under the key `super`, and a value that asks for no container, come back")
    func superclassesAndNothing() throws {
        class Base: Codable { var base = 1; init() {} }
        final class Derived: Base {
            var own = "own"
            enum CodingKeys: String, CodingKey { case own }
            override init() { super.init() }
            required init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                own = try container.decode(String.self, forKey: .own)
                try super.init(from: container.superDecoder())
            }
            override func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(own, forKey: .own)
                try super.encode(to: container.superEncoder())
            }
        }
        let value = Derived()
        value.base = 7
        value.own = "mine"
        let back = try Self.roundTrip(value)
        #expect(back.base == 7 && back.own == "mine")
        struct Nothing: Codable, Equatable {
            init() {}
            init(from decoder: Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
            func encode(to encoder: Encoder) throws {}
            enum CodingKeys: CodingKey {}
        }
        #expect(try Self.roundTrip([Nothing(), Nothing()]) == [Nothing(), Nothing()])
    }

    @Test("every message of a real verify comes back as it went: the known corpus's jobs and outcomes, compared as JSON")
    func realMessages() throws {
        let report = KnownVerdictsTests.report
        #expect(!report.snippets.isEmpty)
        for result in report.snippets {
            let outcome = NumberedOutcome(id: 7, outcome: result.outcome, final: true, readingSent: false)
            #expect(try Self.json(Self.roundTrip(outcome)) == Self.json(outcome), "\(result.snippet.name)")
            let message = WorkerMessage<NumberedOutcome>.body(outcome)
            #expect(try Self.json(Self.roundTrip(message)) == Self.json(message))
        }
    }
}
