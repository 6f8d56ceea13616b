using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>Creates ACL policies and tokens through Consul's own ACL endpoints (as an operator would), for the ACL-mode tests.</summary>
internal static class ConsulAcl
{
    /// <summary>Creates a policy with <paramref name="rules"/> (HCL) and a token with it and the given secret.</summary>
    public static async Task CreateTokenAsync(Uri consul, string managementToken, string rules, string secretId, HttpMessageHandler? handler = null)
    {
        var policyName = "registrator-" + Guid.NewGuid().ToString("N")[..10];
        await PutAsync(consul, managementToken, "/v1/acl/policy", w =>
        {
            w.WriteString("Name", policyName);
            w.WriteString("Rules", rules);
        }, handler);
        await PutAsync(consul, managementToken, "/v1/acl/token", w =>
        {
            w.WriteString("Description", "lambda registrator");
            w.WriteString("SecretID", secretId);
            w.WriteStartArray("Policies");
            w.WriteStartObject();
            w.WriteString("Name", policyName);
            w.WriteEndObject();
            w.WriteEndArray();
        }, handler);
    }

    private static async Task PutAsync(Uri consul, string token, string path, Action<Utf8JsonWriter> body, HttpMessageHandler? handler)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(consul, path));
        request.Content = new ByteArrayContent(stream.ToArray());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Consul-Token", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ACL set-up PUT {path} failed: {(int)response.StatusCode} {Encoding.UTF8.GetByteCount(text)} bytes: {text}");
    }
}
