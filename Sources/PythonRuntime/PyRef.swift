import CPython

/// An owned (strong) reference to a Python object.
///
/// Dropping it calls `Py_DecRef`, which is safe only with the GIL held. It is
/// `~Copyable`, so each reference is released exactly once, and not `Sendable`, so
/// the compiler refuses to let it leave the job that made it (a job returns a
/// `Sendable` value). Where Swift cannot see a misuse, `deinit` checks the GIL and
/// stops the process with a message instead of corrupting memory at random, the
/// failure PythonKit's GIL-unaware `deinit` is known for.
public struct PyRef: ~Copyable {
    let pointer: UnsafeMutablePointer<PyObject>

    /// Takes over a new ("owned") reference, as the C API returns them.
    init(owning pointer: UnsafeMutablePointer<PyObject>) {
        self.pointer = pointer
    }

    /// Adds a reference to a borrowed pointer.
    init(borrowing pointer: UnsafeMutablePointer<PyObject>) {
        Py_IncRef(pointer)
        self.pointer = pointer
    }

    deinit {
        GILCheck.require("releasing a Python reference")
        Py_DecRef(pointer)
    }

    /// Gives the reference to a C API that steals it.
    consuming func stolen() -> UnsafeMutablePointer<PyObject> {
        let pointer = self.pointer
        discard self
        return pointer
    }

    /// A new owned reference to the same object.
    public func copy(_ gil: borrowing GIL) -> PyRef { PyRef(borrowing: pointer) }

    public func isNone(_ gil: borrowing GIL) -> Bool { gc_is_none(pointer) != 0 }

    /// `getattr(self, name)`.
    public func attribute(_ name: String, _ gil: borrowing GIL) throws(PythonException) -> PyRef {
        try PyRef.checked(PyObject_GetAttrString(pointer, name), gil)
    }

    /// `setattr(self, name, value)`.
    public func setAttribute(_ name: String, to value: borrowing PyRef, _ gil: borrowing GIL) throws(PythonException) {
        if PyObject_SetAttrString(pointer, name, value.pointer) != 0 { throw PythonException.fetch(gil) }
    }

    /// `self[key]`.
    public func item(_ key: PythonValue, _ gil: borrowing GIL) throws(PythonException) -> PyRef {
        let key = try key.object(gil)
        return try PyRef.checked(PyObject_GetItem(pointer, key.pointer), gil)
    }

    /// `self[key] = value`.
    public func setItem(_ key: PythonValue, to value: borrowing PyRef, _ gil: borrowing GIL) throws(PythonException) {
        let key = try key.object(gil)
        if PyObject_SetItem(pointer, key.pointer, value.pointer) != 0 { throw PythonException.fetch(gil) }
    }

    /// `self(*arguments, **keywords)`.
    public func call(_ arguments: [PythonValue] = [], keywords: [(String, PythonValue)] = [],
                     _ gil: borrowing GIL) throws(PythonException) -> PyRef {
        let tuple = try PythonValue.tuple(arguments).object(gil)
        if keywords.isEmpty {
            return try PyRef.checked(PyObject_Call(pointer, tuple.pointer, nil), gil)
        }
        let dictionary = try PythonValue.dictionary(keywords).object(gil)
        return try PyRef.checked(PyObject_Call(pointer, tuple.pointer, dictionary.pointer), gil)
    }

    /// `self(argument)` with a Python object as the one argument.
    public func call(with argument: borrowing PyRef, _ gil: borrowing GIL) throws(PythonException) -> PyRef {
        try PyRef.checked(PyObject_CallOneArg(pointer, argument.pointer), gil)
    }

    /// `self.name(*arguments, **keywords)`.
    public func callMethod(_ name: String, _ arguments: [PythonValue] = [],
                           keywords: [(String, PythonValue)] = [],
                           _ gil: borrowing GIL) throws(PythonException) -> PyRef {
        try attribute(name, gil).call(arguments, keywords: keywords, gil)
    }

    /// `str(self)` as a Swift string.
    public func string(_ gil: borrowing GIL) throws(PythonException) -> String {
        let text = gc_is_unicode(pointer) != 0 ? PyRef(borrowing: pointer) : try PyRef.checked(PyObject_Str(pointer), gil)
        return try text.utf8(gil)
    }

    /// `repr(self)` as a Swift string.
    public func repr(_ gil: borrowing GIL) throws(PythonException) -> String {
        try PyRef.checked(PyObject_Repr(pointer), gil).utf8(gil)
    }

    /// `int(self)` as a Swift `Int`.
    public func int(_ gil: borrowing GIL) throws(PythonException) -> Int {
        let value = PyLong_AsLongLong(pointer)
        if value == -1, PyErr_Occurred() != nil { throw PythonException.fetch(gil) }
        return Int(value)
    }

    /// `float(self)` as a Swift `Double`.
    public func double(_ gil: borrowing GIL) throws(PythonException) -> Double {
        let value = PyFloat_AsDouble(pointer)
        if value == -1, PyErr_Occurred() != nil { throw PythonException.fetch(gil) }
        return value
    }

    /// `bool(self)`.
    public func bool(_ gil: borrowing GIL) throws(PythonException) -> Bool {
        let truth = PyObject_IsTrue(pointer)
        if truth < 0 { throw PythonException.fetch(gil) }
        return truth == 1
    }

    /// The elements of an iterable, each as an owned reference.
    public func forEach(_ gil: borrowing GIL, _ body: (borrowing PyRef) throws -> Void) throws {
        let iterator = try PyRef.checked(PyObject_GetIter(pointer), gil)
        while let next = PyIter_Next(iterator.pointer) {
            let element = PyRef(owning: next)
            try body(element)
        }
        if PyErr_Occurred() != nil { throw PythonException.fetch(gil) }
    }

    /// The UTF-8 text of a `str` (lone surrogates are escaped, never fatal).
    private func utf8(_ gil: borrowing GIL) throws(PythonException) -> String {
        var size = 0
        if let bytes = PyUnicode_AsUTF8AndSize(pointer, &size) {
            return bytes.withMemoryRebound(to: UInt8.self, capacity: size) {
                String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self)
            }
        }
        PyErr_Clear()
        let encoded = try PyRef.checked(PyUnicode_AsEncodedString(pointer, "utf-8", "backslashreplace"), gil)
        let count = PyBytes_Size(encoded.pointer)
        let start = PyBytes_AsString(encoded.pointer)!
        return start.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    /// Wraps a C API result: a new reference, or NULL with an exception set.
    static func checked(_ result: UnsafeMutablePointer<PyObject>?, _ gil: borrowing GIL) throws(PythonException) -> PyRef {
        guard let result else { throw PythonException.fetch(gil) }
        return PyRef(owning: result)
    }
}

@available(*, unavailable, message: "Python references must not leave the Python thread")
extension PyRef: Sendable {}
