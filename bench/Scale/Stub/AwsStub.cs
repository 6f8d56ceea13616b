using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LambdaRegistrator.Bench.Scale.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Bench.Scale.Stub;

/// <summary>
/// A fast AWS API stub on 127.0.0.1 serving exactly what the registrator calls, over an in-memory
/// <see cref="SyntheticAccount"/>: Lambda ListFunctions (50 per page, Marker/NextMarker), GetFunction (Configuration and
/// Tags), ListAliases, ListTags, and Tagging GetResources (TagFilters, 100 per page, PaginationToken). It counts requests
/// per operation, adds a fixed latency, and can enforce Lambda's quotas with token buckets (429 + Retry-After).
/// Signatures are not checked.
/// </summary>
internal sealed class AwsStub : IAsyncDisposable
{
    private const int FunctionsPerPage = 50;
    private const int ResourcesPerPage = 100;
    private const string GetResourcesTarget = "ResourceGroupsTaggingAPI_20170126.GetResources";
    private readonly WebApplication _app;
    private readonly SyntheticAccount _account;
    private readonly AwsStubOptions _options;
    private readonly QuotaBucket _getFunction = new(100, 100);
    private readonly QuotaBucket _controlPlane = new(15, 15);

    private AwsStub(WebApplication app, SyntheticAccount account, AwsStubOptions options, Uri endpoint)
    {
        _app = app;
        _account = account;
        _options = options;
        Endpoint = endpoint;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>: the value for <c>AWS_ENDPOINT_URL</c>.</summary>
    public Uri Endpoint { get; }

    public StubCounters Counters { get; } = new();

    public static async Task<AwsStub> StartAsync(SyntheticAccount account, AwsStubOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        AwsStub? stub = null;
        app.Run(context => stub!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new AwsStub(app, account, options, new Uri($"http://127.0.0.1:{new Uri(address).Port}"));
        return stub;
    }

    /// <summary>Zeroes the counters and refills the quota buckets (a scenario starts from an idle account).</summary>
    public void Reset()
    {
        Counters.Reset();
        _getFunction.Refill();
        _controlPlane.Refill();
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private static AwsOperation Classify(HttpRequest request, string[] segments) => request.Method switch
    {
        "POST" when request.Headers["X-Amz-Target"] == GetResourcesTarget => AwsOperation.GetResources,
        "GET" when segments is ["2015-03-31", "functions"] => AwsOperation.ListFunctions,
        "GET" when segments is ["2015-03-31", "functions", _, "aliases"] => AwsOperation.ListAliases,
        "GET" when segments is ["2015-03-31", "functions", _] => AwsOperation.GetFunction,
        "GET" when segments is ["2017-03-31", "tags", _] => AwsOperation.ListTags,
        _ => AwsOperation.Unsupported,
    };

    private static string EncodeToken(string kind, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}/{offset.ToString(CultureInfo.InvariantCulture)}/bench+"));

    private static int? DecodeToken(string kind, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('/');
            return parts.Length == 3 && parts[0] == kind && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string? errorType, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (errorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = errorType;
        }

        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string type, string message) =>
        WriteAsync(context, status, type, w =>
        {
            w.WriteStartObject();
            w.WriteString("Type", "User");
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    private static void WriteTagMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> tags)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in tags)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = (request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var operation = Classify(request, segments);
        Counters.Count(operation);
        var bucket = !_options.EnforceQuotas ? null : operation switch
        {
            AwsOperation.GetFunction => _getFunction,
            AwsOperation.ListFunctions or AwsOperation.ListAliases or AwsOperation.ListTags => _controlPlane,
            _ => null,
        };
        var throttled = bucket is not null && !bucket.TryTake();
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, context.RequestAborted);
        }

        if (throttled)
        {
            Counters.CountThrottled(operation);
            context.Response.Headers["Retry-After"] = "1";
            await WriteAsync(context, 429, "TooManyRequestsException", w =>
            {
                w.WriteStartObject();
                w.WriteString("Type", "User");
                w.WriteString("message", "Rate exceeded");
                w.WriteString("Reason", "CallerRateLimitExceeded");
                w.WriteEndObject();
            });
            return;
        }

        switch (operation)
        {
            case AwsOperation.ListFunctions:
                await ListFunctionsAsync(context);
                break;
            case AwsOperation.GetFunction:
                await GetFunctionAsync(context, segments[2]);
                break;
            case AwsOperation.ListAliases:
                await ListAliasesAsync(context, segments[2]);
                break;
            case AwsOperation.ListTags:
                await ListTagsAsync(context, segments[2]);
                break;
            case AwsOperation.GetResources:
                await GetResourcesAsync(context);
                break;
            default:
                await ErrorAsync(context, 400, "InvalidParameterValueException", $"The bench AWS stub does not implement {request.Method} {request.Path}.");
                break;
        }
    }

    private async Task ListFunctionsAsync(HttpContext context)
    {
        var offset = DecodeToken("lf", context.Request.Query["Marker"]);
        if (offset is not { } start)
        {
            await ErrorAsync(context, 400, "InvalidParameterValueException", "Invalid Marker: it was not issued by ListFunctions (was it percent-encoded?).");
            return;
        }

        var size = int.TryParse(context.Request.Query["MaxItems"], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            ? Math.Clamp(max, 1, FunctionsPerPage)
            : FunctionsPerPage;
        var functions = _account.Functions;
        var end = Math.Min(functions.Count, start + size);
        await WriteAsync(context, 200, null, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("Functions");
            for (var i = start; i < end; i++)
            {
                w.WriteRawValue(functions[i].ConfigurationJson, skipInputValidation: true);
            }

            w.WriteEndArray();
            if (end < functions.Count)
            {
                w.WriteString("NextMarker", EncodeToken("lf", end));
            }

            w.WriteEndObject();
        });
    }

    private async Task GetFunctionAsync(HttpContext context, string nameOrArn)
    {
        // Like Lambda: Qualifier=<alias> of a missing alias (or function) answers 404 naming the qualified ARN.
        var qualifier = context.Request.Query["Qualifier"].ToString();
        if (_account.Find(nameOrArn) is not { } function || (qualifier.Length > 0 && !function.Aliases.Contains(qualifier)))
        {
            await ErrorAsync(context, 404, "ResourceNotFoundException", $"Function not found: {nameOrArn}{(qualifier.Length > 0 ? ":" + qualifier : string.Empty)}");
            return;
        }

        var tags = function.Tags;
        await WriteAsync(context, 200, null, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("Configuration");
            w.WriteRawValue(qualifier.Length > 0 ? function.QualifiedConfigurationJson(qualifier) : function.ConfigurationJson, skipInputValidation: true);
            w.WriteStartObject("Code");
            w.WriteString("RepositoryType", "S3");
            w.WriteString("Location", $"https://awslambda-{SyntheticAccount.Region}-tasks.s3.{SyntheticAccount.Region}.amazonaws.com/snapshots/{SyntheticAccount.AccountId}/{function.Name}");
            w.WriteEndObject();
            WriteTagMap(w, "Tags", tags);
            w.WriteEndObject();
        });
    }

    private async Task ListAliasesAsync(HttpContext context, string nameOrArn)
    {
        if (_account.Find(nameOrArn) is not { } function)
        {
            await ErrorAsync(context, 404, "ResourceNotFoundException", $"Function not found: {nameOrArn}");
            return;
        }

        await WriteAsync(context, 200, null, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("Aliases");
            foreach (var alias in function.Aliases)
            {
                w.WriteStartObject();
                w.WriteString("AliasArn", $"{function.Arn}:{alias}");
                w.WriteString("Name", alias);
                w.WriteString("FunctionVersion", "1");
                w.WriteString("Description", string.Empty);
                w.WriteString("RevisionId", "0d6a1f5e-2b3c-4d5e-8f9a-0b1c2d3e4f5a");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private async Task ListTagsAsync(HttpContext context, string arn)
    {
        if (_account.Find(arn) is not { } function)
        {
            await ErrorAsync(context, 404, "ResourceNotFoundException", $"Function not found: {arn}");
            return;
        }

        var tags = function.Tags;
        await WriteAsync(context, 200, null, w =>
        {
            w.WriteStartObject();
            WriteTagMap(w, "Tags", tags);
            w.WriteEndObject();
        });
    }

    private async Task GetResourcesAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var token = root.TryGetProperty("PaginationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var perPage = root.TryGetProperty("ResourcesPerPage", out var p) && p.ValueKind == JsonValueKind.Number ? Math.Clamp(p.GetInt32(), 1, ResourcesPerPage) : ResourcesPerPage;
        var types = root.TryGetProperty("ResourceTypeFilters", out var rt) ? rt.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        var filters = root.TryGetProperty("TagFilters", out var tf)
            ? tf.EnumerateArray().Select(f => (
                Key: f.GetProperty("Key").GetString() ?? string.Empty,
                Values: f.TryGetProperty("Values", out var v) ? v.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : []))
                .ToList()
            : [];
        if (DecodeToken("gr", token) is not { } start)
        {
            await ErrorAsync(context, 400, "InvalidParameterException", "PaginationToken was not issued by GetResources.");
            return;
        }

        var functionsListed = types.Count == 0 || types.Contains("lambda") || types.Contains("lambda:function");
        var matching = !functionsListed
            ? []
            : _account.Functions
                .Select(f => (Function: f, Tags: f.Tags))
                .Where(x => x.Tags.Count > 0 && filters.All(filter =>
                    x.Tags.TryGetValue(filter.Key, out var value) && (filter.Values.Count == 0 || filter.Values.Contains(value, StringComparer.Ordinal))))
                .ToList();
        var end = Math.Min(matching.Count, start + perPage);
        await WriteAsync(context, 200, null, w =>
        {
            w.WriteStartObject();
            w.WriteString("PaginationToken", end < matching.Count ? EncodeToken("gr", end) : string.Empty);
            w.WriteStartArray("ResourceTagMappingList");
            for (var i = start; i < end; i++)
            {
                w.WriteStartObject();
                w.WriteString("ResourceARN", matching[i].Function.Arn);
                w.WriteStartArray("Tags");
                foreach (var (key, value) in matching[i].Tags)
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
            w.WriteEndObject();
        });
    }
}
