// The C surface guidecheck uses from CPython.
//
// Python.h defines glibc feature macros (_GNU_SOURCE, _XOPEN_SOURCE) before it
// includes system headers, so a Swift file importing both Foundation and this
// module would see two different definitions of `fd_set`. Including the system
// headers first, with the default macros, makes both orders build.
#ifndef GUIDECHECK_CPYTHON_SHIM_H
#define GUIDECHECK_CPYTHON_SHIM_H

#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <dlfcn.h>
#include <poll.h>
#include <pthread.h>

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

// Swift 6 rejects macros that expand to mutable globals; these wrap them.
static inline PyObject *gc_none(void) { return Py_None; }
static inline PyObject *gc_true(void) { return Py_True; }
static inline PyObject *gc_false(void) { return Py_False; }
static inline int gc_is_none(PyObject *o) { return o == Py_None; }

// PyConfig string fields, set from UTF-8/locale bytes.
static inline PyStatus gc_config_set_executable(PyConfig *c, const char *s) {
    return PyConfig_SetBytesString(c, &c->executable, s);
}
static inline PyStatus gc_config_set_program_name(PyConfig *c, const char *s) {
    return PyConfig_SetBytesString(c, &c->program_name, s);
}
static inline PyStatus gc_config_set_home(PyConfig *c, const char *s) {
    return PyConfig_SetBytesString(c, &c->home, s);
}
static inline PyStatus gc_config_set_argv0(PyConfig *c, const char *s) {
    char *argv[1] = { (char *)s };
    return PyConfig_SetBytesArgv(c, 1, argv);
}

// The address of a libpython symbol, to find the shared library we linked.
static inline const void *gc_libpython_symbol(void) { return (const void *)&Py_GetVersion; }

// obj.name() without arguments (PyObject_CallMethod is variadic).
static inline PyObject *gc_call_method_noargs(PyObject *obj, const char *name) {
    PyObject *method = PyObject_GetAttrString(obj, name);
    if (method == NULL) { return NULL; }
    PyObject *result = PyObject_CallNoArgs(method);
    Py_DecRef(method);
    return result;
}

// A pipe whose ends are close-on-exec from the start: no child spawned meanwhile
// keeps one. (pipe2 is a GNU extension, hidden by the default feature macros
// the system headers were included with above.)
int pipe2(int pipefd[2], int flags);
static inline int gc_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

// C stdout to a pipe is fully buffered; a terminal's is line-buffered.
static inline void gc_line_buffer_stdout(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

// Exception classes are mutable globals to Swift.
static inline int gc_matches_syntax_error(PyObject *type) { return PyErr_GivenExceptionMatches(type, PyExc_SyntaxError); }
static inline int gc_matches_system_exit(PyObject *type) { return PyErr_GivenExceptionMatches(type, PyExc_SystemExit); }
static inline int gc_matches_keyboard_interrupt(PyObject *type) { return PyErr_GivenExceptionMatches(type, PyExc_KeyboardInterrupt); }

// The type of an object, as a new reference.
static inline PyObject *gc_type_of(PyObject *o) { return Py_NewRef((PyObject *)Py_TYPE(o)); }

// Raises RuntimeError(message) (PyExc_RuntimeError is a mutable global to Swift).
static inline void gc_raise_runtime_error(const char *message) { PyErr_SetString(PyExc_RuntimeError, message); }
static inline void gc_raise_syntax_error(const char *message) { PyErr_SetString(PyExc_SyntaxError, message); }

// Type checks that are macros in the C API.
static inline int gc_is_unicode(PyObject *o) { return PyUnicode_Check(o); }
static inline int gc_is_long(PyObject *o) { return PyLong_Check(o); }
static inline int gc_is_bool(PyObject *o) { return PyBool_Check(o); }
static inline int gc_is_float(PyObject *o) { return PyFloat_Check(o); }
static inline int gc_is_bytes(PyObject *o) { return PyBytes_Check(o); }
static inline int gc_is_list(PyObject *o) { return PyList_Check(o); }
static inline int gc_is_tuple(PyObject *o) { return PyTuple_Check(o); }
static inline int gc_is_dict(PyObject *o) { return PyDict_Check(o); }

// A native module whose functions are Swift `@convention(c)` closures. The
// definitions must outlive the module, so they are allocated once and never freed
// (one module per process).
typedef PyObject *(*gc_cfunction)(PyObject *, PyObject *);
static inline PyObject *gc_make_native_module(const char *name, const char *const *names,
                                              gc_cfunction const *functions, const int *flags,
                                              int count) {
    PyMethodDef *defs = (PyMethodDef *)calloc((size_t)count + 1, sizeof(PyMethodDef));
    PyModuleDef *def = (PyModuleDef *)calloc(1, sizeof(PyModuleDef));
    if (defs == NULL || def == NULL) { return PyErr_NoMemory(); }
    for (int i = 0; i < count; i++) {
        defs[i].ml_name = strdup(names[i]);
        defs[i].ml_meth = functions[i];
        defs[i].ml_flags = flags[i];
    }
    PyModuleDef init = { PyModuleDef_HEAD_INIT, strdup(name), NULL, -1, defs, NULL, NULL, NULL, NULL };
    *def = init;
    return PyModule_Create(def);
}
static inline int gc_meth_noargs(void) { return METH_NOARGS; }
static inline int gc_meth_o(void) { return METH_O; }

#endif
