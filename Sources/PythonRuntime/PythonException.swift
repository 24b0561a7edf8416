import CPython

/// A Python exception, turned into a Swift error while the GIL was still held.
///
/// It carries only Swift values (names, text, line numbers), so it can travel
/// anywhere, and it never holds the exception object itself.
public struct PythonException: Error, Sendable, Equatable, CustomStringConvertible {
    /// One frame of the traceback, outermost first.
    public struct Frame: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var function: String
    }

    /// `module.QualifiedName`, with `builtins.` left out as tracebacks do:
    /// `ValueError`, `dataclasses.FrozenInstanceError`.
    public var typeName: String
    /// `str(exception)`.
    public var message: String
    /// The traceback as Python prints it, chained causes included.
    public var traceback: String
    /// The traceback's frames, outermost first.
    public var frames: [Frame]
    /// For a `SyntaxError`: the file, line and column it points at.
    public var syntaxLocation: (file: String, line: Int, column: Int)?
    /// For `SystemExit`: the exit code it carries (`sys.exit(2)` → 2).
    public var exitCode: Int?
    /// `__qualname__` alone: `FrozenInstanceError`.
    public var name: String = ""
    /// The `__qualname__` of each class of its MRO, itself first.
    public var bases: [String] = []

    public static func == (lhs: PythonException, rhs: PythonException) -> Bool {
        lhs.typeName == rhs.typeName && lhs.message == rhs.message && lhs.traceback == rhs.traceback
            && lhs.frames == rhs.frames && lhs.exitCode == rhs.exitCode
            && lhs.syntaxLocation?.file == rhs.syntaxLocation?.file
            && lhs.syntaxLocation?.line == rhs.syntaxLocation?.line
            && lhs.syntaxLocation?.column == rhs.syntaxLocation?.column
    }

    /// The innermost line the exception passed through in `file`: the line of the
    /// running script where it was raised or, for a `SyntaxError`, where it points.
    public func line(in file: String) -> Int? {
        if let location = syntaxLocation, location.file == file { return location.line }
        return frames.last(where: { $0.file == file })?.line
    }

    /// `ValueError: Age must be int between 0 and 150, got -1`
    public var summary: String { message.isEmpty ? typeName : "\(typeName): \(message)" }

    public var description: String { traceback.isEmpty ? summary : traceback }

    /// Takes the pending exception out of the interpreter and describes it.
    /// Must be called right after a C API call reported failure.
    static func fetch(_ gil: borrowing GIL) -> PythonException {
        var type: UnsafeMutablePointer<PyObject>?
        var value: UnsafeMutablePointer<PyObject>?
        var traceback: UnsafeMutablePointer<PyObject>?
        PyErr_Fetch(&type, &value, &traceback)
        guard type != nil else {
            return PythonException(typeName: "SystemError", message: "a Python call failed without setting an exception",
                                   traceback: "", frames: [])
        }
        PyErr_NormalizeException(&type, &value, &traceback)
        let typeObject = PyRef(owning: type!)
        let exception = value.map { PyRef(owning: $0) } ?? PyRef(borrowing: gc_none())
        if let traceback {
            PyException_SetTraceback(exception.pointer, traceback)
            Py_DecRef(traceback)
        }
        return describe(exception, type: typeObject, gil)
    }

    /// Describes an exception object without raising anything itself: a failure
    /// while describing (a broken `__str__`) is reported in the text instead.
    static func describe(_ exception: borrowing PyRef, type: borrowing PyRef, _ gil: borrowing GIL) -> PythonException {
        let module = (try? type.attribute("__module__", gil).string(gil)) ?? "builtins"
        let name = (try? type.attribute("__qualname__", gil).string(gil)) ?? "Exception"
        let message: String
        do { message = try exception.string(gil) } catch { message = "<exception str() failed: \(error.summary)>" }
        var result = PythonException(
            typeName: module == "builtins" ? name : "\(module).\(name)",
            message: message, traceback: formattedTraceback(exception, gil), frames: frames(of: exception, gil))
        result.name = name
        result.bases = bases(of: type, gil)
        if gc_matches_syntax_error(type.pointer) != 0 {
            let file = (try? exception.attribute("filename", gil).string(gil)) ?? ""
            let line = (try? exception.attribute("lineno", gil).int(gil)) ?? 0
            let column = (try? exception.attribute("offset", gil).int(gil)) ?? 0
            result.syntaxLocation = (file, line, column)
        }
        if gc_matches_system_exit(type.pointer) != 0,
           let code = try? exception.attribute("code", gil) {
            result.exitCode = code.isNone(gil) ? 0 : ((try? code.int(gil)) ?? 1)
        }
        PyErr_Clear()
        return result
    }

    private static func bases(of type: borrowing PyRef, _ gil: borrowing GIL) -> [String] {
        var names: [String] = []
        guard let mro = try? type.attribute("__mro__", gil) else { PyErr_Clear(); return [] }
        try? mro.forEach(gil) { base in
            if let name = try? base.attribute("__qualname__", gil).string(gil) { names.append(name) }
        }
        PyErr_Clear()
        return names
    }

    private static func formattedTraceback(_ exception: borrowing PyRef, _ gil: borrowing GIL) -> String {
        do {
            let format = try gil.importModule("traceback").attribute("format_exception", gil)
            let lines = try format.call(with: exception, gil)
            let empty = try PythonValue.string("").object(gil)
            return try PyRef.checked(PyUnicode_Join(empty.pointer, lines.pointer), gil).string(gil)
        } catch {
            PyErr_Clear()
            return ""
        }
    }

    private static func frames(of exception: borrowing PyRef, _ gil: borrowing GIL) -> [Frame] {
        var frames: [Frame] = []
        guard var link = try? exception.attribute("__traceback__", gil) else { PyErr_Clear(); return [] }
        while !link.isNone(gil) {
            guard let code = try? link.attribute("tb_frame", gil).attribute("f_code", gil),
                  let file = try? code.attribute("co_filename", gil).string(gil),
                  let function = try? code.attribute("co_name", gil).string(gil),
                  let line = try? link.attribute("tb_lineno", gil).int(gil),
                  let next = try? link.attribute("tb_next", gil)
            else { break }
            frames.append(Frame(file: file, line: line, function: function))
            link = next
        }
        PyErr_Clear()
        return frames
    }
}
