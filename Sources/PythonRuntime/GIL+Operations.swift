import CPython

/// How `compile()` should read a piece of source.
public enum CompileMode: Sendable {
    /// A module: a whole file, as `python3 file.py` compiles it.
    case exec
    /// One interactive statement: expression values are echoed, as in the REPL.
    case single
    /// One expression.
    case eval

    var start: Int32 {
        switch self {
        case .exec: return Py_file_input
        case .single: return Py_single_input
        case .eval: return Py_eval_input
        }
    }
}

extension GIL {
    /// `import name`; a dotted name returns the leaf module (`concurrent.futures`).
    public func importModule(_ name: String) throws(PythonException) -> PyRef {
        try PyRef.checked(PyImport_ImportModule(name), self)
    }

    /// A new empty `dict`.
    public func dictionary() throws(PythonException) -> PyRef {
        try PyRef.checked(PyDict_New(), self)
    }

    /// A globals dictionary for running code: `__builtins__` set, `__name__` given.
    public func namespace(name: String = "__guidecheck__") throws(PythonException) -> PyRef {
        let globals = try dictionary()
        if PyDict_SetItemString(globals.pointer, "__builtins__", PyEval_GetBuiltins()) != 0 { throw PythonException.fetch(self) }
        let value = try PythonValue.string(name).object(self)
        if PyDict_SetItemString(globals.pointer, "__name__", value.pointer) != 0 { throw PythonException.fetch(self) }
        return globals
    }

    /// `compile(source, filename, mode)`. The source is already text: a coding
    /// declaration in it is not applied again (PyCF_IGNORE_COOKIE, as compile()
    /// does for a str).
    public func compile(_ source: String, filename: String, mode: CompileMode) throws(PythonException) -> PyRef {
        // The C API takes a C string, which would end at the first NUL: the
        // rest of the source would be dropped without a word.
        if source.utf8.contains(0) {
            gc_raise_syntax_error("source code cannot contain null bytes")
            return try PyRef.checked(nil, self)
        }
        var flags = PyCompilerFlags(cf_flags: 0x0800, cf_feature_version: PY_MINOR_VERSION)
        return try PyRef.checked(Py_CompileStringExFlags(source, filename, mode.start, &flags, -1), self)
    }

    /// `exec(code, globals)`.
    public func execute(_ code: borrowing PyRef, globals: borrowing PyRef) throws(PythonException) {
        _ = try PyRef.checked(PyEval_EvalCode(code.pointer, globals.pointer, globals.pointer), self)
    }

    /// Compiles and runs a block of statements in `globals`.
    public func run(_ source: String, filename: String = "<guidecheck>", globals: borrowing PyRef) throws(PythonException) {
        try execute(compile(source, filename: filename, mode: .exec), globals: globals)
    }

    /// Evaluates one expression in `globals`.
    public func evaluate(_ expression: String, globals: borrowing PyRef) throws(PythonException) -> PyRef {
        let code = try compile(expression, filename: "<guidecheck>", mode: .eval)
        return try PyRef.checked(PyEval_EvalCode(code.pointer, globals.pointer, globals.pointer), self)
    }

    /// Compiles `source` into a new module installed as `sys.modules[name]`
    /// (nothing happens when one is already there). guidecheck's helper modules
    /// are loaded this way, never through `sys.path`, so a snippet cannot see them.
    public func installModule(_ name: String, source: String, filename: String) throws(PythonException) {
        let modules = PyRef(borrowing: PyImport_GetModuleDict())
        if PyDict_GetItemString(modules.pointer, name) != nil { return }
        let module = try PyRef.checked(PyModule_New(name), self)
        try module.setAttribute("__file__", to: PythonValue.string(filename).object(self), self)
        let globals = PyRef(borrowing: PyModule_GetDict(module.pointer))
        if PyDict_GetItemString(globals.pointer, "__builtins__") == nil,
           PyDict_SetItemString(globals.pointer, "__builtins__", PyEval_GetBuiltins()) != 0 {
            throw PythonException.fetch(self)
        }
        try execute(compile(source, filename: filename, mode: .exec), globals: globals)
        if PyDict_SetItemString(modules.pointer, name, module.pointer) != 0 { throw PythonException.fetch(self) }
    }

    /// Flushes `sys.stdout`, `sys.stderr` and C stdio, so what Python buffered
    /// reaches the file descriptors before guidecheck moves them.
    public func flushStandardStreams() {
        for name in ["stdout", "stderr"] {
            if let stream = PySys_GetObject(name), gc_is_none(stream) == 0 {
                let result = gc_call_method_noargs(stream, "flush")
                if let result { Py_DecRef(result) } else { PyErr_Clear() }
            }
        }
        fflush(nil)
    }
}
