using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// The <c>builtin/aws/lambda</c> extension's argument check (<c>agent/envoyextensions/builtin/aws-lambda/aws_lambda.go</c>,
/// <c>fromArguments</c> and <c>validate</c>): <c>mapstructure.Decode</c> into <c>{ARN string, PayloadPassthrough bool,
/// InvocationMode string}</c> without weak typing (keys matched case-insensitively, unknown keys ignored, a wrong type is an
/// error naming the field), then only a non-empty ARN is required.
/// </summary>
internal static class AwsLambdaArguments
{
    private static readonly (string Field, JsonValueKind Kind, string GoType)[] Fields =
    [
        ("ARN", JsonValueKind.String, "string"),
        ("PayloadPassthrough", JsonValueKind.True, "bool"),
        ("InvocationMode", JsonValueKind.String, "string"),
    ];

    /// <summary>The extension's error (without the <c>invalid EnvoyExtensions[i][name]: </c> prefix), or null.</summary>
    public static string? Check(JsonNode? arguments)
    {
        var map = arguments as JsonObject;
        var decodeErrors = new List<string>();
        string arn = "";
        foreach (var (field, kind, goType) in Fields)
        {
            var value = Lookup(map, field);
            if (value is null)
            {
                continue;
            }

            var actual = value.GetValueKind();
            var matches = kind == JsonValueKind.True ? actual is JsonValueKind.True or JsonValueKind.False : actual == kind;
            if (!matches)
            {
                decodeErrors.Add($"'{field}' expected type '{goType}', got unconvertible type '{GoValue.TypeName(value)}', value: '{GoValue.Format(value)}'");
            }
            else if (field == "ARN")
            {
                arn = value.GetValue<string>();
            }
        }

        if (decodeErrors.Count > 0)
        {
            var points = decodeErrors.Select(e => "* " + e).Order(StringComparer.Ordinal);
            return $"error decoding extension arguments: {decodeErrors.Count} error(s) decoding:\n\n{string.Join('\n', points)}";
        }

        // Why: validate() appends to a go-multierror, so even the single error prints in its list format.
        return arn.Length == 0 ? ConfigEntryDecoder.MultiError(["ARN is required"]) : null;
    }

    /// <summary>mapstructure's key lookup: the exact field name first, else the first key equal ignoring case.</summary>
    private static JsonNode? Lookup(JsonObject? map, string field)
    {
        if (map is null)
        {
            return null;
        }

        if (map.TryGetPropertyValue(field, out var exact))
        {
            return exact;
        }

        return map.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
