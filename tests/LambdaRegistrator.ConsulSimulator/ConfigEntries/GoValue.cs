using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>How Go names and prints a JSON value decoded into <c>interface{}</c>, for mapstructure's error texts.</summary>
internal static class GoValue
{
    /// <summary><c>reflect.Type</c> of the value: <c>string</c>, <c>float64</c>, <c>bool</c>, <c>map[string]interface {}</c>, <c>[]interface {}</c>.</summary>
    public static string TypeName(JsonNode? value) => value switch
    {
        JsonObject => "map[string]interface {}",
        JsonArray => "[]interface {}",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => "float64",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "<nil>",
    };

    /// <summary><c>reflect.Kind</c> of the value: <c>string</c>, <c>float64</c>, <c>bool</c>, <c>map</c>, <c>slice</c>.</summary>
    public static string KindName(JsonNode? value) => value switch
    {
        JsonObject => "map",
        JsonArray => "slice",
        _ => TypeName(value),
    };

    /// <summary>The value as Go's <c>%v</c> prints it (maps with sorted keys, slices space-separated).</summary>
    public static string Format(JsonNode? value) => value switch
    {
        null => "<nil>",
        JsonObject o => "map[" + string.Join(' ', o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Format(p.Value))) + "]",
        JsonArray a => "[" + string.Join(' ', a.Select(Format)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => FormatFloat(v.GetValue<double>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    /// <summary>Go's <c>%v</c> of a float64: shortest form, exponent from 1e21 up.</summary>
    private static string FormatFloat(double number) =>
        Math.Abs(number) >= 1e21 ? number.ToString("0.######e+00", CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);
}
