using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.TestKit.Lambda;

/// <summary>One request a runtime posted to the emulator, as received.</summary>
/// <param name="Kind">The endpoint.</param>
/// <param name="AwsRequestId">The invocation's request id from the path; null for an init error.</param>
/// <param name="Body">The raw body.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="ErrorTypeHeader">The <c>Lambda-Runtime-Function-Error-Type</c> header, if any.</param>
/// <param name="AnsweredStatus">The status code the emulator answered with.</param>
/// <param name="ReceivedTimestamp">When it arrived, in <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> units.</param>
public sealed record RuntimeApiPost(
    RuntimeApiPostKind Kind,
    string? AwsRequestId,
    byte[] Body,
    string? ContentType,
    string? ErrorTypeHeader,
    int AnsweredStatus,
    long ReceivedTimestamp)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Parses the body of an error or init-error post; throws when it is not the documented shape.</summary>
    public RuntimeApiError ReadError()
    {
        using var document = JsonDocument.Parse(Body);
        var root = document.RootElement;
        var stackTrace = root.GetProperty("stackTrace").EnumerateArray().Select(frame => frame.GetString() ?? string.Empty).ToList();
        return new RuntimeApiError(
            root.GetProperty("errorType").GetString() ?? throw new InvalidDataException("errorType is null"),
            root.GetProperty("errorMessage").GetString() ?? throw new InvalidDataException("errorMessage is null"),
            stackTrace);
    }
}
