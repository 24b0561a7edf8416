/// guidecheck's binary form of a `Codable` value, for the messages between it and
/// its snippet workers: a few kilobytes per snippet each way, where Foundation's
/// JSON coding cost a tenth of all the CPU of a verify (its keyed containers build
/// a dictionary of every object's keys; this decoder reads keys in the order they
/// were written). Both ends are this program, so the form needs no schema and no
/// versioning; a message that does not decode is a broken worker.
///
/// Every value starts with a tag byte:
///
///     0 nil   1 false   2 true
///     3 signed integer, zigzag LEB128      4 unsigned integer, LEB128
///     5 Double, 8 bytes little endian      6 Float, 4 bytes little endian
///     7 string: LEB128 byte count, UTF-8
///     8 list:   UInt32 byte count of what follows, LEB128 item count, items
///     9 keyed:  UInt32 byte count of what follows, LEB128 entry count,
///               entries (key as LEB128 byte count and UTF-8, then the value)
///
/// A container's byte count lets a reader skip it without reading it.
public enum CompactCoding {
    enum Tag: UInt8 {
        case null = 0, `false`, `true`, signed, unsigned, double, float, string, list, keyed
    }

    public static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let root = EncodedValue()
        try root.store(value)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        root.write(into: &bytes)
        return bytes
    }
}

/// A value being encoded. Containers are filled after they are handed out, so
/// each value is a reference, written out only once the whole tree is built.
final class EncodedValue {
    enum Content {
        case empty, null, bool(Bool), signed(Int64), unsigned(UInt64), double(Double), float(Float), string(String)
        case list, keyed
    }

    var content = Content.empty
    var items: [EncodedValue] = []
    var entries: [(key: String, value: EncodedValue)] = []

    /// `value`, through its fast path when it is a primitive.
    func store<Value: Encodable>(_ value: Value) throws {
        switch value {
        case let text as String: content = .string(text)
        case let number as Int: content = .signed(Int64(number))
        case let number as Double: content = .double(number)
        case let flag as Bool: content = .bool(flag)
        default: try value.encode(to: CompactEncoder(value: self))
        }
    }

    func write(into bytes: inout [UInt8]) {
        switch content {
        case .null: bytes.append(CompactCoding.Tag.null.rawValue)
        case .empty:  // asked for no container: an empty keyed one, as JSON writes `{}`
            writeContainer(.keyed, count: 0, into: &bytes) { _ in }
        case .bool(let flag): bytes.append(flag ? CompactCoding.Tag.true.rawValue : CompactCoding.Tag.false.rawValue)
        case .signed(let number):
            bytes.append(CompactCoding.Tag.signed.rawValue)
            Self.writeVarint(UInt64(bitPattern: (number << 1) ^ (number >> 63)), into: &bytes)
        case .unsigned(let number):
            bytes.append(CompactCoding.Tag.unsigned.rawValue)
            Self.writeVarint(number, into: &bytes)
        case .double(let number):
            bytes.append(CompactCoding.Tag.double.rawValue)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .float(let number):
            bytes.append(CompactCoding.Tag.float.rawValue)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let text):
            bytes.append(CompactCoding.Tag.string.rawValue)
            Self.writeString(text, into: &bytes)
        case .list:
            writeContainer(.list, count: items.count, into: &bytes) { bytes in
                for item in items { item.write(into: &bytes) }
            }
        case .keyed:
            writeContainer(.keyed, count: entries.count, into: &bytes) { bytes in
                for entry in entries {
                    Self.writeString(entry.key, into: &bytes)
                    entry.value.write(into: &bytes)
                }
            }
        }
    }

    /// The tag, a byte count patched in once the body is written, the count, the body.
    private func writeContainer(_ tag: CompactCoding.Tag, count: Int, into bytes: inout [UInt8],
                                body: (inout [UInt8]) -> Void) {
        bytes.append(tag.rawValue)
        let lengthAt = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        Self.writeVarint(UInt64(count), into: &bytes)
        body(&bytes)
        let length = UInt32(bytes.count - lengthAt - 4)
        withUnsafeBytes(of: length.littleEndian) { raw in
            for (offset, byte) in raw.enumerated() { bytes[lengthAt + offset] = byte }
        }
    }

    static func writeVarint(_ value: UInt64, into bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static func writeString(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count), into: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
}

struct CompactEncoder: Encoder {
    let value: EncodedValue
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = value.content {} else { value.content = .keyed }
        return KeyedEncodingContainer(KeyedContainer<Key>(value: value))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .list = value.content {} else { value.content = .list }
        return UnkeyedContainer(value: value)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleValue(value: value) }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let value: EncodedValue
        var codingPath: [CodingKey] { [] }

        private func child(_ key: Key) -> EncodedValue { child(named: key.stringValue) }

        private func child(named name: String) -> EncodedValue {
            let child = EncodedValue()
            value.entries.append((name, child))
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).content = .null }
        mutating func encode(_ flag: Bool, forKey key: Key) throws { child(key).content = .bool(flag) }
        mutating func encode(_ text: String, forKey key: Key) throws { child(key).content = .string(text) }
        mutating func encode(_ number: Double, forKey key: Key) throws { child(key).content = .double(number) }
        mutating func encode(_ number: Float, forKey key: Key) throws { child(key).content = .float(number) }
        mutating func encode(_ number: Int, forKey key: Key) throws { child(key).content = .signed(Int64(number)) }
        mutating func encode(_ number: Int8, forKey key: Key) throws { child(key).content = .signed(Int64(number)) }
        mutating func encode(_ number: Int16, forKey key: Key) throws { child(key).content = .signed(Int64(number)) }
        mutating func encode(_ number: Int32, forKey key: Key) throws { child(key).content = .signed(Int64(number)) }
        mutating func encode(_ number: Int64, forKey key: Key) throws { child(key).content = .signed(number) }
        mutating func encode(_ number: UInt, forKey key: Key) throws { child(key).content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt8, forKey key: Key) throws { child(key).content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt16, forKey key: Key) throws { child(key).content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt32, forKey key: Key) throws { child(key).content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt64, forKey key: Key) throws { child(key).content = .unsigned(number) }
        mutating func encode<Value: Encodable>(_ item: Value, forKey key: Key) throws { try child(key).store(item) }

        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
            CompactEncoder(value: child(key)).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            CompactEncoder(value: child(key)).unkeyedContainer()
        }

        mutating func superEncoder() -> Encoder { CompactEncoder(value: child(named: CompactDecoder.superKey)) }
        mutating func superEncoder(forKey key: Key) -> Encoder { CompactEncoder(value: child(key)) }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let value: EncodedValue
        var codingPath: [CodingKey] { [] }
        var count: Int { value.items.count }

        private func next() -> EncodedValue {
            let child = EncodedValue()
            value.items.append(child)
            return child
        }

        mutating func encodeNil() throws { next().content = .null }
        mutating func encode(_ flag: Bool) throws { next().content = .bool(flag) }
        mutating func encode(_ text: String) throws { next().content = .string(text) }
        mutating func encode(_ number: Double) throws { next().content = .double(number) }
        mutating func encode(_ number: Float) throws { next().content = .float(number) }
        mutating func encode(_ number: Int) throws { next().content = .signed(Int64(number)) }
        mutating func encode(_ number: Int8) throws { next().content = .signed(Int64(number)) }
        mutating func encode(_ number: Int16) throws { next().content = .signed(Int64(number)) }
        mutating func encode(_ number: Int32) throws { next().content = .signed(Int64(number)) }
        mutating func encode(_ number: Int64) throws { next().content = .signed(number) }
        mutating func encode(_ number: UInt) throws { next().content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt8) throws { next().content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt16) throws { next().content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt32) throws { next().content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt64) throws { next().content = .unsigned(number) }
        mutating func encode<Value: Encodable>(_ item: Value) throws { try next().store(item) }

        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
            CompactEncoder(value: next()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { CompactEncoder(value: next()).unkeyedContainer() }
        mutating func superEncoder() -> Encoder { CompactEncoder(value: next()) }
    }

    struct SingleValue: SingleValueEncodingContainer {
        let value: EncodedValue
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { value.content = .null }
        mutating func encode(_ flag: Bool) throws { value.content = .bool(flag) }
        mutating func encode(_ text: String) throws { value.content = .string(text) }
        mutating func encode(_ number: Double) throws { value.content = .double(number) }
        mutating func encode(_ number: Float) throws { value.content = .float(number) }
        mutating func encode(_ number: Int) throws { value.content = .signed(Int64(number)) }
        mutating func encode(_ number: Int8) throws { value.content = .signed(Int64(number)) }
        mutating func encode(_ number: Int16) throws { value.content = .signed(Int64(number)) }
        mutating func encode(_ number: Int32) throws { value.content = .signed(Int64(number)) }
        mutating func encode(_ number: Int64) throws { value.content = .signed(number) }
        mutating func encode(_ number: UInt) throws { value.content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt8) throws { value.content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt16) throws { value.content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt32) throws { value.content = .unsigned(UInt64(number)) }
        mutating func encode(_ number: UInt64) throws { value.content = .unsigned(number) }
        mutating func encode<Value: Encodable>(_ item: Value) throws { try value.store(item) }
    }
}
