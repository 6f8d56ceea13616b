using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaRegistrator.Consul.Http;

/// <summary>Serializer settings of <see cref="ConsulJsonContext"/> plus one rule: empty collections are omitted on write, like Go's <c>omitempty</c>.</summary>
internal static class ConsulJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, TypeInfo<T>());

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ConsulJsonContext.Default.Options)
        {
            TypeInfoResolver = ConsulJsonContext.Default.WithAddedModifier(OmitEmptyCollections),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyCollections(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            // Why: Go's omitempty drops nil and empty maps/slices alike; sending "Meta":{} or "Tags":[] is harmless but noisier,
            // and a JSON null would be worse. Setting ShouldSerialize replaces the null check, so null is handled here too.
            property.ShouldSerialize = static (_, value) => value is IEnumerable items && items.GetEnumerator().MoveNext();
        }
    }
}
