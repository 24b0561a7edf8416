import Foundation
import PythonRuntime
import TestSupport
import Testing

@Suite("The Python thread and the GIL")
struct ThreadTests {
    @Test("a Python thread keeps counting between two jobs: the GIL is released while Swift waits")
    func threadRunsBetweenJobs() async throws {
        let python = TestPython.shared
        // Pipes Swift uses outside any job: `go` lets the thread start counting
        // once job 1 is over, `done` says it counted. Events, not a guessed time.
        var go: [Int32] = [-1, -1], done: [Int32] = [-1, -1]
        try #require(pipe(&go) == 0 && pipe(&done) == 0)
        defer { for descriptor in [go[1], done[0]] { close(descriptor) } }
        let (goReader, doneWriter) = (go[0], done[1])
        // Job 1 starts a thread that waits for `go`, counts to 2000, says so on
        // `done`, and counts on until told to stop.
        let atEndOfFirstJob = try await python.withGIL { gil in
            let namespace = try gil.namespace()
            try gil.run("""
                import os, sys, threading, types
                state = types.SimpleNamespace(count=0, stop=False)
                sys.modules['guidecheck_counter_test'] = state
                def count():
                    os.read(\(goReader), 1)
                    os.close(\(goReader))
                    while not state.stop:
                        state.count += 1
                        if state.count == 2000:
                            os.write(\(doneWriter), b'.')
                            os.close(\(doneWriter))
                threading.Thread(target=count, daemon=True).start()
                """, globals: namespace)
            return try gil.importModule("guidecheck_counter_test").attribute("count", gil).int(gil)
        }
        // Outside any job: let it count, and wait (as long as a loaded machine
        // needs, within reason) for it to say it did.
        _ = write(go[1], "g", 1)
        var ready = pollfd(fd: done[0], events: Int16(POLLIN), revents: 0)
        let signalled = poll(&ready, 1, 30_000) == 1
        // Job 2 reads the counter: it moved while no job held the GIL.
        let atStartOfSecondJob = try await python.withGIL { gil in
            let state = try gil.importModule("guidecheck_counter_test")
            let count = try state.attribute("count", gil).int(gil)
            try state.setAttribute("stop", to: PythonValue.bool(true).object(gil), gil)
            return count
        }
        #expect(atEndOfFirstJob == 0)
        #expect(signalled, "the thread did not count while no job held the GIL")
        #expect(atStartOfSecondJob >= 2000, "the thread counted \(atStartOfSecondJob) times between the jobs")
    }

    @Test("jobs run on Python's main thread: signals and asyncio work there")
    func jobsRunOnPythonsMainThread() async throws {
        let python = TestPython.shared
        let facts = try await python.withGIL { gil in
            let namespace = try gil.namespace()
            try gil.run("""
                import asyncio, signal, threading
                is_main = threading.current_thread() is threading.main_thread()
                previous = signal.signal(signal.SIGUSR1, lambda *a: None)
                signal.signal(signal.SIGUSR1, previous)
                async def answer():
                    await asyncio.sleep(0.01)
                    return 42
                result = asyncio.run(answer())
                """, globals: namespace)
            return (try namespace.item("is_main", gil).bool(gil), try namespace.item("result", gil).int(gil))
        }
        #expect(facts.0)
        #expect(facts.1 == 42)
    }

    @Test("every job runs on the interpreter's one thread, whatever thread submits it")
    func jobsAreConfinedToOneThread() async throws {
        let python = TestPython.shared
        let identities = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await python.withGIL { gil in
                        precondition(python.isOnPythonThread)
                        return try gil.importModule("threading").callMethod("get_ident", [], gil).int(gil)
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(identities.count == 1)
        #expect(!python.isOnPythonThread)
    }

    @Test("allowThreads lets Python threads run inside a job while Swift blocks")
    func allowThreadsInsideAJob() throws {
        let progressed = try TestPython.shared.withGILBlocking { gil in
            let namespace = try gil.namespace()
            try gil.run("""
                import threading, time
                ticks = []
                def tick():
                    for _ in range(5):
                        ticks.append(1)
                        time.sleep(0.001)
                worker = threading.Thread(target=tick)
                worker.start()
                """, globals: namespace)
            // As long as a loaded machine needs, within reason: only the count matters.
            var ticks = 0
            let deadline = Date().addingTimeInterval(30)
            while ticks < 5 && Date() < deadline {
                _ = gil.allowThreads { usleep(10_000) }
                ticks = try namespace.item("ticks", gil).callMethod("__len__", [], gil).int(gil)
            }
            try gil.run("worker.join()", globals: namespace)
            return ticks
        }
        #expect(progressed == 5)
    }
}

@Suite("Signals on the Python thread")
struct SignalMaskTests {
    @Test("the Python thread blocks no signals, whatever the host process blocks")
    func emptySignalMask() throws {
        let blocked = try TestPython.shared.withGILBlocking { gil in
            let signal = try gil.importModule("signal")
            let current = try signal.callMethod("pthread_sigmask", [.int(0), .list([])], gil)  // SIG_BLOCK, nothing
            return try current.callMethod("__len__", [], gil).int(gil)
        }
        #expect(blocked == 0)
    }

    @Test("a process started with SIGTERM blocked still lets Pool.terminate() stop its workers")
    func poolTerminateWithBlockedParentMask() async throws {
        await #expect(processExitsWith: .success) {
            // Without the fix this hangs in Pool.join(); fail in bounded time instead.
            var watchdog = pthread_t()
            pthread_create(&watchdog, nil, { _ in sleep(30); _exit(3) }, nil)
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_SETMASK, &all, nil)  // as a test runner or CI agent may leave it
            let python = try PythonInterpreter.start()
            try python.withGILBlocking { gil in
                let namespace = try gil.namespace()
                try gil.run("""
                    import multiprocessing
                    pool = multiprocessing.get_context('fork').Pool(2)
                    pool.terminate()
                    pool.join()
                    """, globals: namespace)
            }
        }
    }
}
