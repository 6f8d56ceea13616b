using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaRegistrator.ConsulSimulator.Http;

namespace LambdaRegistrator.ConsulSimulator.Json;

/// <summary>Writes JSON replies like Consul: compact without trailing newline, or 4-space indented plus newline for <c>?pretty</c>.</summary>
internal static class JsonReply
{
    public static ApiResponse Of<T>(T value, JsonTypeInfo<T> typeInfo, bool pretty) =>
        Bytes(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), pretty);

    public static ApiResponse Of(JsonNode? node, bool pretty) =>
        Bytes(JsonSerializer.SerializeToUtf8Bytes(node, SimulatorJsonContext.Wire.JsonNode), pretty);

    public static JsonObject ToObject<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToNode(value, typeInfo)!.AsObject();

    private static ApiResponse Bytes(byte[] compact, bool pretty)
    {
        if (!pretty)
        {
            return ApiResponse.Json(compact);
        }

        using var document = JsonDocument.Parse(compact);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4 }))
        {
            document.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return ApiResponse.Json(buffer.ToArray());
    }
}
