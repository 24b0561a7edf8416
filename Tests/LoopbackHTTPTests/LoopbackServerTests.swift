import LoopbackHTTP
import PythonRuntime
import Testing
import TestSupport

/// The loopback server, through a real HTTP client (urllib, in the embedded interpreter).
@Suite("loopback HTTP server")
struct LoopbackServerTests {
    /// Runs `source` with `BASE` bound to the server's URL; returns the string `result`.
    func client(_ source: String, _ server: LoopbackServer) throws -> String {
        try TestPython.shared.withGILBlocking { gil in
            let globals = try gil.namespace()
            try gil.run("BASE = \(server.baseURL.debugDescription)\n" + source, globals: globals)
            return try gil.evaluate("result", globals: globals).string(gil)
        }
    }

    @Test("answers each route as httpbin does: a page, the request echoed, a status, a delay; 404 otherwise")
    func routes() throws {
        let server = try LoopbackServer.startBlocking()
        defer { server.stop() }
        let result = try client("""
            import json, urllib.request, urllib.error
            def fetch(path, **headers):
                try:
                    with urllib.request.urlopen(urllib.request.Request(BASE + path, headers=headers), timeout=30) as r:
                        return r.status, r.headers['Content-Type'], r.read().decode()
                except urllib.error.HTTPError as error:
                    return error.code, error.headers['Content-Type'], error.read().decode()
            page = fetch('/')
            echoed = fetch('/get?name=a%20b&n=1&n=2', **{'X-Probe': 'yes'})
            body = json.loads(echoed[2])
            delay = fetch('/delay/0.1')
            result = '\\n'.join([
                f'{page[0]} {page[1]} {"Example Domain" in page[2]}',
                f'{echoed[0]} {echoed[1]} {body["args"]} {body["url"]} {body["headers"].get("X-Probe")}',
                f'{delay[0]} {json.loads(delay[2])}',
                f'{fetch("/status/418")[0]} {fetch("/nowhere")[0]} {fetch("/delay/x")[0]} {fetch("/status/1000")[0]}',
            ])
            """, server)
        #expect(result.split(separator: "\n").map(String.init) == [
            "200 text/html; charset=utf-8 True",
            "200 application/json {'n': '1', 'name': 'a b'} /get yes",
            "200 {'delay': 0.1, 'url': '/delay/0.1'}",
            "418 404 404 404",
        ])
    }

    @Test("a delayed answer does not hold up another request: each connection has its own thread")
    func concurrent() throws {
        let server = try LoopbackServer.startBlocking()
        defer { server.stop() }
        let result = try client("""
            import threading, urllib.request
            slow = threading.Thread(target=lambda: urllib.request.urlopen(BASE + '/delay/3', timeout=30).read())
            slow.start()
            with urllib.request.urlopen(BASE + '/get', timeout=30) as response:
                answered = response.status
            result = f'{answered} while the delayed request was waiting: {slow.is_alive()}'
            slow.join()
            """, server)
        #expect(result == "200 while the delayed request was waiting: True")
    }

    @Test("a stopped server refuses connections")
    func stops() throws {
        let server = try LoopbackServer.startBlocking()
        server.stop()
        let result = try client("""
            import urllib.request
            try:
                urllib.request.urlopen(BASE + '/', timeout=5)
                result = 'answered'
            except OSError as error:
                result = 'refused'
            """, server)
        #expect(result == "refused")
    }
}
