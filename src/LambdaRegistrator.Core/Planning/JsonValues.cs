using System.Buffers;
using System.Text.Json;

namespace LambdaRegistrator.Core.Planning;

/// <summary>Builds standalone JSON values for envoy-extension arguments without reflection.</summary>
internal static class JsonValues
{
    public static JsonElement True { get; } = Parse("true"u8);

    public static JsonElement False { get; } = Parse("false"u8);

    public static JsonElement Bool(bool value) => value ? True : False;

    public static JsonElement String(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        return Parse(buffer.WrittenSpan);
    }

    private static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }
}
