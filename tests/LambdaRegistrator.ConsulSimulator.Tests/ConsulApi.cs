using System.Text;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>A raw HttpClient over a <see cref="ConsulTarget"/>: tests assert on exactly what goes over the wire.</summary>
public sealed class ConsulApi : IDisposable
{
    private readonly HttpClient _http;

    public ConsulApi(Uri address, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = address;
        _http.Timeout = TimeSpan.FromSeconds(60);
    }

    public async Task<ConsulReply> SendAsync(HttpMethod method, string pathAndQuery, string? body = null, string? token = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Add("X-Consul-Token", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ConsulReply((int)response.StatusCode, text, response.Headers, response.Content.Headers);
    }

    public Task<ConsulReply> GetAsync(string pathAndQuery, string? token = null) => SendAsync(HttpMethod.Get, pathAndQuery, null, token);

    public Task<ConsulReply> PutAsync(string pathAndQuery, string? body, string? token = null) => SendAsync(HttpMethod.Put, pathAndQuery, body, token);

    public Task<ConsulReply> DeleteAsync(string pathAndQuery, string? token = null) => SendAsync(HttpMethod.Delete, pathAndQuery, null, token);

    /// <summary>A name unique to one test so tests sharing a target never see each other's data.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public void Dispose() => _http.Dispose();
}
