using System.Net.Http.Headers;
using System.Text.Json;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>A raw HTTP reply from the Consul under test: status, body text and headers.</summary>
public sealed record ConsulReply(int Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders)
{
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : ContentHeaders is not null && ContentHeaders.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : null;

    public string? ContentType => ContentHeaders?.ContentType?.ToString();

    public ulong Index => ulong.Parse(Header("X-Consul-Index") ?? throw new InvalidOperationException("no X-Consul-Index header"), System.Globalization.CultureInfo.InvariantCulture);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
