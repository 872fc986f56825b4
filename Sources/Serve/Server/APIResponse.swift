import Foundation

/// One answer of the API before it goes on the wire: status, content type, body bytes.
public struct APIResponse: Sendable {
    public var status: Int
    public var contentType: String?
    public var body: Data
    public var headers: [(String, String)] = []

    public init(status: Int, contentType: String?, body: Data, headers: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// `value` as JSON (snake_case keys, ISO 8601 dates, sorted keys).
    static func json(_ value: some Encodable, status: Int = 200) -> APIResponse {
        do {
            return APIResponse(status: status, contentType: "application/json", body: try APIJSON.encoder.encode(value))
        } catch {
            return Self.error(APIError(500, .internalError, "could not encode the answer"))
        }
    }

    static func error(_ error: APIError) -> APIResponse {
        let data = (try? APIJSON.encoder.encode(error.body)) ?? Data(#"{"code":"internal_error","message":"error"}"#.utf8)
        return APIResponse(status: error.status, contentType: "application/json", body: data)
    }

    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8", status: Int = 200) -> APIResponse {
        APIResponse(status: status, contentType: contentType, body: Data(text.utf8))
    }

    /// A raw JSON document already rendered (the plan's JSON renderer).
    static func rawJSON(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, contentType: "application/json", body: Data(text.utf8))
    }
}

/// The API's JSON conventions: snake_case keys, ISO 8601 instants, stable key order.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// Decodes a request body, or a 400 naming what is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws(APIError) -> T {
        do {
            return try decoder.decode(type, from: body)
        } catch DecodingError.keyNotFound(let key, _) {
            throw .badRequest("the JSON body lacks '\(key.stringValue.snakeCased)'")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue.snakeCased).joined(separator: ".")
            throw .badRequest("the JSON body has the wrong type at '\(path)'")
        } catch {
            throw .badRequest("the body is not the JSON object this endpoint takes (see docs/api.yaml)")
        }
    }
}

extension String {
    /// `guildId` -> `guild_id`, for messages about JSON fields.
    var snakeCased: String {
        var result = ""
        for character in self {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
