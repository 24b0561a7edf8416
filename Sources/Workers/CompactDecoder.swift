extension CompactCoding {
    /// Decodes what `encode` wrote. It reads in place: a keyed container notes
    /// where each of its entries is once, and keys are looked up in the order they
    /// were written (the order a synthesised `init(from:)` asks for them in).
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let message = Message(bytes: bytes)
        return try CompactDecoder(message: message, offset: 0).decodeValue(type)
    }

    /// Why bytes do not decode: a worker that sends them is broken.
    static func corrupt(_ why: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a worker message that does not decode: \(why)"))
    }
}

/// The bytes of one message, shared by the containers reading it.
final class Message {
    let bytes: [UInt8]
    init(bytes: [UInt8]) { self.bytes = bytes }

    func byte(at offset: Int) throws -> UInt8 {
        guard offset < bytes.count else { throw CompactCoding.corrupt("it ends early") }
        return bytes[offset]
    }

    /// A LEB128 number at `offset`, and where it ends.
    func varint(at offset: Int) throws -> (value: UInt64, end: Int) {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var index = offset
        while true {
            let byte = try byte(at: index)
            index += 1
            guard shift < 64 else { throw CompactCoding.corrupt("a number is too long") }
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return (value, index) }
            shift += 7
        }
    }

    /// A string's bytes at `offset` (after its tag): their range.
    func stringRange(at offset: Int) throws -> Range<Int> {
        let (count, start) = try varint(at: offset)
        guard count <= UInt64(bytes.count - start) else { throw CompactCoding.corrupt("a string runs past the end") }
        return start..<(start + Int(count))
    }

    func string(at offset: Int) throws -> (value: String, end: Int) {
        let range = try stringRange(at: offset)
        return (String(decoding: bytes[range], as: UTF8.self), range.upperBound)
    }

    func fixed<Bits: FixedWidthInteger>(_ type: Bits.Type, at offset: Int) throws -> Bits {
        let size = MemoryLayout<Bits>.size
        guard offset + size <= bytes.count else { throw CompactCoding.corrupt("it ends early") }
        var value: Bits = 0
        for index in 0..<size { value |= Bits(bytes[offset + index]) << (8 * index) }
        return value
    }

    /// Where the value at `offset` ends.
    func end(of offset: Int) throws -> Int {
        guard let tag = CompactCoding.Tag(rawValue: try byte(at: offset)) else { throw CompactCoding.corrupt("unknown tag") }
        switch tag {
        case .null, .false, .true: return offset + 1
        case .signed, .unsigned: return try varint(at: offset + 1).end
        case .double: return offset + 9
        case .float: return offset + 5
        case .string: return try stringRange(at: offset + 1).upperBound
        case .list, .keyed: return offset + 5 + Int(try fixed(UInt32.self, at: offset + 1))
        }
    }

    /// The container at `offset` of the kind `tag`: its entry count and where its entries start.
    func container(_ tag: CompactCoding.Tag, at offset: Int) throws -> (count: Int, start: Int) {
        guard try byte(at: offset) == tag.rawValue else {
            throw CompactCoding.corrupt(tag == .keyed ? "expected a keyed container" : "expected a list")
        }
        let (count, start) = try varint(at: offset + 5)
        // Every entry takes a byte at least: a larger count is a lie, not an allocation.
        guard count <= UInt64(bytes.count - start) else { throw CompactCoding.corrupt("a container counts more entries than it has bytes") }
        return (Int(count), start)
    }
}

struct CompactDecoder: Decoder {
    let message: Message
    let offset: Int
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The key `superEncoder()` writes the superclass under (no `CodingKeys` has it).
    static let superKey = "super"

    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let single = SingleValue(message: message, offset: offset)
        switch type {
        case is String.Type: return try single.decode(String.self) as! Value
        case is Int.Type: return try single.decode(Int.self) as! Value
        case is Double.Type: return try single.decode(Double.self) as! Value
        case is Bool.Type: return try single.decode(Bool.self) as! Value
        default: return try Value(from: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedContainer<Key>(message: message, offset: offset))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer { try UnkeyedContainer(message: message, offset: offset) }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleValue(message: message, offset: offset) }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let message: Message
        /// Each entry's key (the range of its UTF-8 bytes) and where its value starts.
        let entries: [(key: Range<Int>, value: Int)]
        /// Where the next lookup starts: keys are asked for in the order they were written.
        private let cursor = Cursor()
        final class Cursor { var next = 0 }
        var codingPath: [CodingKey] { [] }

        init(message: Message, offset: Int) throws {
            self.message = message
            let (count, start) = try message.container(.keyed, at: offset)
            var entries: [(key: Range<Int>, value: Int)] = []
            entries.reserveCapacity(count)
            var position = start
            for _ in 0..<count {
                let key = try message.stringRange(at: position)
                entries.append((key, key.upperBound))
                position = try message.end(of: key.upperBound)
            }
            self.entries = entries
        }

        var allKeys: [Key] {
            entries.compactMap { Key(stringValue: String(decoding: message.bytes[$0.key], as: UTF8.self)) }
        }

        /// Where `key`'s value starts, if the container has it.
        private func find(_ key: Key) -> Int? { find(named: key.stringValue) }

        private func find(named: String) -> Int? {
            var name = named
            let count = entries.count
            return name.withUTF8 { wanted in
                for step in 0..<count {
                    let index = (cursor.next + step) % count
                    let range = entries[index].key
                    if range.count == wanted.count, message.bytes[range].elementsEqual(wanted) {
                        cursor.next = index + 1
                        return entries[index].value
                    }
                }
                return nil
            }
        }

        private func value(_ key: Key) throws -> Int {
            guard let offset = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for '\(key.stringValue)'"))
            }
            return offset
        }

        func contains(_ key: Key) -> Bool {
            let next = cursor.next
            defer { cursor.next = next }  // asking whether a key is there is not reading it
            return find(key) != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            try message.byte(at: try value(key)) == CompactCoding.Tag.null.rawValue
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
            try SingleValue(message: message, offset: value(key)).decode(type)
        }

        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            try SingleValue(message: message, offset: value(key)).decode(type)
        }

        func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
            try SingleValue(message: message, offset: value(key)).decode(type)
        }

        func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
            try SingleValue(message: message, offset: value(key)).decode(type)
        }

        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
            try CompactDecoder(message: message, offset: value(key)).decodeValue(type)
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let offset = find(key), try message.byte(at: offset) != CompactCoding.Tag.null.rawValue else { return nil }
            return try SingleValue(message: message, offset: offset).decode(type)
        }

        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            guard let offset = find(key), try message.byte(at: offset) != CompactCoding.Tag.null.rawValue else { return nil }
            return try SingleValue(message: message, offset: offset).decode(type)
        }

        func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
            guard let offset = find(key), try message.byte(at: offset) != CompactCoding.Tag.null.rawValue else { return nil }
            return try CompactDecoder(message: message, offset: offset).decodeValue(type)
        }

        func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) throws -> KeyedDecodingContainer<Nested> {
            try CompactDecoder(message: message, offset: value(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            try CompactDecoder(message: message, offset: value(key)).unkeyedContainer()
        }

        func superDecoder() throws -> Decoder {
            guard let offset = find(named: CompactDecoder.superKey) else { throw CompactCoding.corrupt("no superclass value") }
            return CompactDecoder(message: message, offset: offset)
        }
        func superDecoder(forKey key: Key) throws -> Decoder { CompactDecoder(message: message, offset: try value(key)) }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let message: Message
        let total: Int
        private var position: Int
        private(set) var currentIndex = 0
        var codingPath: [CodingKey] { [] }
        var count: Int? { total }
        var isAtEnd: Bool { currentIndex >= total }

        init(message: Message, offset: Int) throws {
            self.message = message
            (total, position) = try message.container(.list, at: offset)
        }

        /// The next item's offset, moving past it.
        private mutating func advance() throws -> Int {
            guard !isAtEnd else { throw CompactCoding.corrupt("a list has fewer items than asked for") }
            let offset = position
            position = try message.end(of: offset)
            currentIndex += 1
            return offset
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, try message.byte(at: position) == CompactCoding.Tag.null.rawValue else { return false }
            _ = try advance()
            return true
        }

        mutating func decode(_ type: String.Type) throws -> String { try SingleValue(message: message, offset: advance()).decode(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try SingleValue(message: message, offset: advance()).decode(type) }

        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            try CompactDecoder(message: message, offset: advance()).decodeValue(type)
        }

        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) throws -> KeyedDecodingContainer<Nested> {
            try CompactDecoder(message: message, offset: advance()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            try CompactDecoder(message: message, offset: advance()).unkeyedContainer()
        }

        mutating func superDecoder() throws -> Decoder { CompactDecoder(message: message, offset: try advance()) }
    }

    struct SingleValue: SingleValueDecodingContainer {
        let message: Message
        let offset: Int
        var codingPath: [CodingKey] { [] }

        private func tag() throws -> CompactCoding.Tag {
            guard let tag = CompactCoding.Tag(rawValue: try message.byte(at: offset)) else { throw CompactCoding.corrupt("unknown tag") }
            return tag
        }

        func decodeNil() -> Bool { (try? tag()) == .null }

        func decode(_ type: Bool.Type) throws -> Bool {
            switch try tag() {
            case .true: return true
            case .false: return false
            default: throw CompactCoding.corrupt("expected a Bool")
            }
        }

        func decode(_ type: String.Type) throws -> String {
            guard try tag() == .string else { throw CompactCoding.corrupt("expected a string") }
            return try message.string(at: offset + 1).value
        }

        func decode(_ type: Double.Type) throws -> Double {
            switch try tag() {
            case .double: return Double(bitPattern: try message.fixed(UInt64.self, at: offset + 1))
            case .float: return Double(Float(bitPattern: try message.fixed(UInt32.self, at: offset + 1)))
            default: return Double(try integer(Int64.self))
            }
        }

        func decode(_ type: Float.Type) throws -> Float {
            switch try tag() {
            case .float: return Float(bitPattern: try message.fixed(UInt32.self, at: offset + 1))
            case .double: return Float(Double(bitPattern: try message.fixed(UInt64.self, at: offset + 1)))
            default: return Float(try integer(Int64.self))
            }
        }

        /// An integer of either tag, if it fits `Number`.
        private func integer<Number: FixedWidthInteger>(_ type: Number.Type) throws -> Number {
            let (raw, _) = try message.varint(at: offset + 1)
            let fits: Number?
            switch try tag() {
            case .signed:
                let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
                fits = Number(exactly: value)
            case .unsigned:
                fits = Number(exactly: raw)
            default:
                throw CompactCoding.corrupt("expected an integer")
            }
            guard let value = fits else { throw CompactCoding.corrupt("an integer does not fit \(Number.self)") }
            return value
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            try CompactDecoder(message: message, offset: offset).decodeValue(type)
        }
    }
}
