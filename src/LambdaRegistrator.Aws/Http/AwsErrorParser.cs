using System.Net;
using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.Aws.Http;

/// <summary>Reads the error code and message from an AWS JSON (rest-json or JSON 1.1) error response.</summary>
internal static class AwsErrorParser
{
    /// <summary>
    /// The code comes from the <c>x-amzn-ErrorType</c> header first, then the body's <c>__type</c>, <c>code</c>
    /// or <c>Code</c>; the message from <c>message</c> or <c>Message</c>. Codes are cut at the first <c>:</c>
    /// and after the last <c>#</c>.
    /// </summary>
    /// <remarks>Why: real Lambda errors mix <c>Message</c> and <c>message</c>; moto puts <c>__type</c> in the body;
    /// moto with auth enabled even answers XML, so a minimal XML fallback is kept.</remarks>
    public static (string Code, string? Message) Parse(string? errorTypeHeader, ReadOnlySpan<byte> body, HttpStatusCode status)
    {
        string? code = Clean(errorTypeHeader);
        string? message = null;
        var trimmed = TrimStart(body);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed.ToArray());
                var root = document.RootElement;
                code ??= Clean(StringMember(root, "__type") ?? StringMember(root, "code") ?? StringMember(root, "Code"));
                message = StringMember(root, "message") ?? StringMember(root, "Message") ?? StringMember(root, "errorMessage");
            }
            catch (JsonException)
            {
                // Not JSON after all: keep the header code and fall through to the status-based code.
            }
        }
        else if (trimmed.Length > 0 && trimmed[0] == (byte)'<')
        {
            var text = Encoding.UTF8.GetString(trimmed);
            code ??= Clean(XmlElement(text, "Code"));
            message = XmlElement(text, "Message");
        }

        return (code ?? $"Http{(int)status}", message);
    }

    /// <summary>Keeps the part before the first <c>:</c> and after the last <c>#</c>, as botocore and the AWS .NET SDK do.</summary>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var value = raw;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            value = value[..colon];
        }

        var hash = value.LastIndexOf('#');
        if (hash >= 0)
        {
            value = value[(hash + 1)..];
        }

        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string? StringMember(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? XmlElement(string text, string name)
    {
        var open = $"<{name}>";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = text.IndexOf($"</{name}>", start, StringComparison.Ordinal);
        return end < 0 ? null : text[start..end];
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> body)
    {
        var i = 0;
        while (i < body.Length && (body[i] == (byte)' ' || body[i] == (byte)'\n' || body[i] == (byte)'\r' || body[i] == (byte)'\t'))
        {
            i++;
        }

        return body[i..];
    }
}
