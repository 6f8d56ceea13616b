using System.Globalization;
using System.Net;
using System.Text.Json;
using LambdaRegistrator.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>
/// A fake Lambda + Resource Groups Tagging API on loopback that serves whatever inventory a test sets, however hostile:
/// names and ARNs AWS would never return (other partitions and accounts, path and query characters), tag values of any
/// length and content, per-function read failures, and a failing page. It records every raw request target, so tests
/// can prove names were percent-encoded. Unlike moto it is fast enough for property tests over random inventories.
/// </summary>
internal sealed class HostileAws : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<string> _requests = [];
    private List<FakeFunction> _functions = [];
    private int? _failPage;

    private HostileAws(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Items per ListFunctions / GetResources page.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Every request as "METHOD raw-target [X-Amz-Target]", in arrival order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<HostileAws> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fake = new HostileAws(app, new Uri($"http://127.0.0.1:{port}"));
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Replaces the whole inventory.</summary>
    public void Set(IEnumerable<FakeFunction> functions)
    {
        lock (_lock)
        {
            _functions = [.. functions];
        }
    }

    /// <summary>Makes page <paramref name="page"/> (1-based) of ListFunctions and GetResources fail with a non-retryable 403; null heals it.</summary>
    public void FailPage(int? page)
    {
        lock (_lock)
        {
            _failPage = page;
        }
    }

    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var target = request.Headers["X-Amz-Target"].ToString();
        List<FakeFunction> functions;
        int? failPage;
        lock (_lock)
        {
            _requests.Add($"{request.Method} {raw} {target}".TrimEnd());
            functions = _functions;
            failPage = _failPage;
        }

        // Why: match on the raw, still-encoded path, so a name containing '/' or '?' can only be found when it was encoded.
        var path = raw.Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == "POST" && target == "ResourceGroupsTaggingAPI_20170126.GetResources")
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var token = body.RootElement.TryGetProperty("PaginationToken", out var t) ? t.GetString() : null;
            var offset = string.IsNullOrEmpty(token) ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
            var keys = body.RootElement.TryGetProperty("TagFilters", out var filters)
                ? filters.EnumerateArray().Select(f => f.GetProperty("Key").GetString()!).ToList()
                : [];
            var matching = functions.Where(f => keys.All(f.Tags.ContainsKey)).ToList();
            if (failPage == (offset / PageSize) + 1)
            {
                await ErrorAsync(context, 400, "AccessDeniedException", "Injected failure of this page.");
                return;
            }

            await JsonAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("ResourceTagMappingList");
                foreach (var f in matching.Skip(offset).Take(PageSize))
                {
                    w.WriteStartObject();
                    w.WriteString("ResourceARN", f.Arn);
                    w.WriteStartArray("Tags");
                    foreach (var (key, value) in f.Tags)
                    {
                        w.WriteStartObject();
                        w.WriteString("Key", key);
                        w.WriteString("Value", value);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("PaginationToken", offset + PageSize < matching.Count ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : string.Empty);
                w.WriteEndObject();
            });
            return;
        }

        if (request.Method == "GET" && segments is ["2015-03-31", "functions"])
        {
            var marker = request.Query["Marker"].ToString();
            var offset = marker.Length == 0 ? 0 : int.Parse(marker, CultureInfo.InvariantCulture);
            if (failPage == (offset / PageSize) + 1)
            {
                await ErrorAsync(context, 403, "AccessDeniedException", "Injected failure of this page.");
                return;
            }

            await JsonAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("Functions");
                foreach (var f in functions.Skip(offset).Take(PageSize))
                {
                    Configuration(w, f);
                }

                w.WriteEndArray();
                if (offset + PageSize < functions.Count)
                {
                    w.WriteString("NextMarker", (offset + PageSize).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    w.WriteNull("NextMarker");
                }

                w.WriteEndObject();
            });
            return;
        }

        if (request.Method == "GET" && segments is ["2015-03-31", "functions", var encoded, "aliases"])
        {
            var function = Find(functions, encoded);
            if (function is null)
            {
                await ErrorAsync(context, 404, "ResourceNotFoundException", "Function not found");
                return;
            }

            if (function.FailListAliases)
            {
                await ErrorAsync(context, 500, "ServiceException", "Injected ListAliases failure.");
                return;
            }

            await JsonAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("Aliases");
                foreach (var alias in function.Aliases)
                {
                    w.WriteStartObject();
                    w.WriteString("AliasArn", $"{function.Arn}:{alias}");
                    w.WriteString("Name", alias);
                    w.WriteString("FunctionVersion", "1");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNull("NextMarker");
                w.WriteEndObject();
            });
            return;
        }

        if (request.Method == "GET" && segments is ["2015-03-31", "functions", var name])
        {
            var function = Find(functions, name);
            if (function is null)
            {
                await ErrorAsync(context, 404, "ResourceNotFoundException", "Function not found");
                return;
            }

            if (function.FailGetFunction)
            {
                await ErrorAsync(context, 500, "ServiceException", "Injected GetFunction failure.");
                return;
            }

            // Like Lambda: Qualifier=<alias> of a missing alias answers what a missing function answers.
            var qualifier = request.Query["Qualifier"].ToString();
            if (qualifier.Length > 0 && function.FailAliasRead)
            {
                await ErrorAsync(context, 500, "ServiceException", "Injected failure of GetFunction Qualifier=" + qualifier + ".");
                return;
            }

            if (qualifier.Length > 0 && !function.Aliases.Contains(qualifier))
            {
                await ErrorAsync(context, 404, "ResourceNotFoundException", $"Function not found: {function.Arn}:{qualifier}");
                return;
            }

            await JsonAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("Configuration");
                Configuration(w, function, qualifier.Length > 0 ? qualifier : null);
                if (function.DenyTags)
                {
                    w.WriteStartObject("TagsError");
                    w.WriteString("ErrorCode", "AccessDeniedException");
                    w.WriteString("Message", "not authorized to perform: lambda:ListTags");
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteStartObject("Tags");
                    foreach (var (key, value) in function.Tags)
                    {
                        w.WriteString(key, value);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            });
            return;
        }

        await ErrorAsync(context, 400, "InvalidParameterValueException", $"HostileAws does not serve {request.Method} {raw}.");
    }

    // A request names the function by its percent-encoded name or ARN, exactly as AWS expects it.
    private static FakeFunction? Find(List<FakeFunction> functions, string encoded) =>
        functions.FirstOrDefault(f => Uri.EscapeDataString(f.Name) == encoded || Uri.EscapeDataString(f.Arn) == encoded);

    private static void Configuration(Utf8JsonWriter w, FakeFunction f, string? qualifier = null)
    {
        w.WriteStartObject();
        w.WriteString("FunctionName", f.Name);
        w.WriteString("FunctionArn", qualifier is null ? f.Arn : $"{f.Arn}:{qualifier}");
        w.WriteString("Runtime", "provided.al2023");
        w.WriteString("Version", "$LATEST");
        w.WriteEndObject();
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.Headers["x-amzn-ErrorType"] = code;
        return JsonAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("__type", code);
            w.WriteString("Message", message);
            w.WriteEndObject();
        });
    }

    private static async Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(stream.ToArray());
    }
}
