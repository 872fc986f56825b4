import DiscordTypes
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Turns Hummingbird requests into `EmulatorRequest`s and the engine's answers back into
/// HTTP responses; serves the test-control endpoints under `/_emulator/`.
struct EmulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let emulator: DiscordEmulator

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: 26 << 20)
        let body = Data(buffer.readableBytesView)
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        var path = request.uri.path
        if let query = request.uri.query, !query.isEmpty { path += "?" + query }
        let emulatorRequest = EmulatorRequest(method: request.method.rawValue, path: path, headers: headers, body: body)

        let answer: EmulatorResponse
        if request.uri.path.hasPrefix("/_emulator/") {
            answer = await ControlAPI(emulator: emulator).handle(emulatorRequest)
        } else {
            answer = await emulator.handle(emulatorRequest)
        }
        if let delay = answer.delay { try? await Task.sleep(for: delay) }
        var fields = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
