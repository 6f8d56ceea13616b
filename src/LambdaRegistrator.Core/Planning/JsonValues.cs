using System.Buffers;
using System.Text.Json;

namespace LambdaRegistrator.Core.Planning;

/// <summary>Builds standalone JSON values for envoy-extension arguments without reflection.</summary>
internal static class JsonValues
{
    /// <summary>The aws/lambda extension arguments, parsed as one document (one allocation per service instead of one per value).</summary>
    public static Dictionary<string, JsonElement> LambdaArguments(string arn, bool payloadPassthrough, string invocationMode)
    {
        var buffer = new ArrayBufferWriter<byte>(arn.Length + 96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("arn", arn);
            writer.WriteBoolean("payloadPassthrough", payloadPassthrough);
            writer.WriteString("invocationMode", invocationMode);
            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement.Clone();
        var arguments = new Dictionary<string, JsonElement>(3, StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            arguments[property.Name] = property.Value;
        }

        return arguments;
    }
}
