using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.TestKit.Consul;

/// <summary>Creates ACL policies and tokens through Consul's HTTP API (the simulator's or a real agent's).</summary>
public static class AclTokens
{
    /// <summary>Creates a policy with <paramref name="rules"/> and a token holding it; returns the token's SecretID.</summary>
    public static async Task<string> CreateAsync(Uri address, string managementToken, string rules, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Consul-Token", managementToken);
        var policyName = "policy-" + Guid.NewGuid().ToString("N");
        var policyId = await PutAsync(http, "/v1/acl/policy", writer =>
        {
            writer.WriteString("Name", policyName);
            writer.WriteString("Rules", rules);
        }, "ID", cancellationToken).ConfigureAwait(false);
        return await PutAsync(http, "/v1/acl/token", writer =>
        {
            writer.WriteStartArray("Policies");
            writer.WriteStartObject();
            writer.WriteString("ID", policyId);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }, "SecretID", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> PutAsync(HttpClient http, string path, Action<Utf8JsonWriter> body, string property, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        using var response = await http.PutAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(text));
        return document.RootElement.GetProperty(property).GetString()!;
    }
}
