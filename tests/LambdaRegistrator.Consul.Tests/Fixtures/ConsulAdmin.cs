using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.Consul.Tests.Fixtures;

/// <summary>Test set-up through Consul's own admin API (ACL policies and tokens, Enterprise partitions and namespaces), which the client under test does not cover.</summary>
internal static class ConsulAdmin
{
    /// <summary>Creates a policy with <paramref name="rules"/> (HCL) and a token holding it; returns the token's SecretID.</summary>
    public static async Task<string> CreateTokenAsync(Uri consul, string managementToken, string rules)
    {
        var policyName = "p-" + Guid.NewGuid().ToString("N")[..12];
        await PutAsync(consul, managementToken, "/v1/acl/policy", $$"""{"Name":{{Quote(policyName)}},"Rules":{{Quote(rules)}}}""");
        using var token = await PutAsync(consul, managementToken, "/v1/acl/token", $$"""{"Description":"test","Policies":[{"Name":{{Quote(policyName)}}}]}""");
        return token.RootElement.GetProperty("SecretID").GetString() ?? throw new InvalidOperationException("token without SecretID");
    }

    /// <summary>Creates an Enterprise admin partition.</summary>
    public static async Task CreatePartitionAsync(Uri consul, string name) =>
        (await PutAsync(consul, null, "/v1/partition", $$"""{"Name":{{Quote(name)}}}""")).Dispose();

    /// <summary>Creates an Enterprise namespace in <paramref name="partition"/>.</summary>
    public static async Task CreateNamespaceAsync(Uri consul, string name, string partition = "default") =>
        (await PutAsync(consul, null, "/v1/namespace?partition=" + Uri.EscapeDataString(partition), $$"""{"Name":{{Quote(name)}},"Partition":{{Quote(partition)}}}""")).Dispose();

    private static string Quote(string value) => JsonSerializer.Serialize(value, TestJsonContext.Default.String);

    private static async Task<JsonDocument> PutAsync(Uri consul, string? token, string path, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(consul, path));
        request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Add("X-Consul-Token", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Test set-up PUT {path} failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }
}
