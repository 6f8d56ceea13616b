using System.Net;
using System.Text.Json;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>Reads what the CLI left in Consul through the plain HTTP API, independent of the client under test.</summary>
internal static class ConsulState
{
    /// <summary>Service names on the node (default node <c>lambdas</c>), sorted.</summary>
    public static async Task<IReadOnlyList<string>> ServicesAsync(ConsulTarget consul, string node = "lambdas")
    {
        using var document = await GetAsync(consul, $"/v1/catalog/node-services/{node}");
        if (document is null || document.RootElement.ValueKind == JsonValueKind.Null
            || !document.RootElement.TryGetProperty("Services", out var services) || services.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. services.EnumerateArray().Select(s => s.GetProperty("Service").GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>The service-defaults entry of <paramref name="service"/>, or null when there is none.</summary>
    public static Task<JsonDocument?> ServiceDefaultsAsync(ConsulTarget consul, string service) =>
        GetAsync(consul, $"/v1/config/service-defaults/{Uri.EscapeDataString(service)}");

    /// <summary>Names of every service-defaults entry, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ServiceDefaultsNamesAsync(ConsulTarget consul)
    {
        using var document = await GetAsync(consul, "/v1/config/service-defaults");
        return document is null
            ? []
            : [.. document.RootElement.EnumerateArray().Select(e => e.GetProperty("Name").GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>The config entry <paramref name="kind"/>/<paramref name="name"/>, or null when there is none.</summary>
    public static Task<JsonDocument?> ConfigEntryAsync(ConsulTarget consul, string kind, string name) =>
        GetAsync(consul, $"/v1/config/{kind}/{Uri.EscapeDataString(name)}");

    /// <summary>
    /// Writes a function's service as the Go registrator does: a service-defaults entry without Meta whose aws/lambda
    /// extension invokes <paramref name="arn"/> (upper-case ASYNCHRONOUS, as Go writes it), and a catalog registration
    /// tagged managed-by-lambda-registrator without Meta.
    /// </summary>
    public static async Task WriteAsGoRegistratorAsync(ConsulTarget consul, string service, string arn, string node = "lambdas")
    {
        using var http = new HttpClient { BaseAddress = consul.Address };
        if (consul.ManagementToken is { } token)
        {
            http.DefaultRequestHeaders.Add("X-Consul-Token", token);
        }

        var entry = $$$"""
            {"Kind":"service-defaults","Name":"{{{service}}}","Protocol":"http",
             "EnvoyExtensions":[{"Name":"builtin/aws/lambda","Required":false,
               "Arguments":{"arn":"{{{arn}}}","payloadPassthrough":false,"invocationMode":"ASYNCHRONOUS"}}]}
            """;
        using (var response = await http.PutAsync(new Uri("/v1/config", UriKind.Relative), new StringContent(entry)))
        {
            response.EnsureSuccessStatusCode();
        }

        var registration = $$$"""
            {"Node":"{{{node}}}","SkipNodeUpdate":true,"NodeMeta":{"external-node":"true","external-probe":"true"},
             "Service":{"ID":"{{{service}}}","Service":"{{{service}}}","Tags":["managed-by-lambda-registrator"]}}
            """;
        using (var response = await http.PutAsync(new Uri("/v1/catalog/register", UriKind.Relative), new StringContent(registration)))
        {
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonDocument?> GetAsync(ConsulTarget consul, string path)
    {
        using var http = new HttpClient { BaseAddress = consul.Address };
        if (consul.ManagementToken is { } token)
        {
            http.DefaultRequestHeaders.Add("X-Consul-Token", token);
        }

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
