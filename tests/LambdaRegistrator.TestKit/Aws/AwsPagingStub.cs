using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// A tiny fake Lambda and Tagging API on loopback that really paginates (moto ignores Lambda's MaxItems and
/// Marker): ListFunctions, ListAliases, GetFunction (with an optional TagsError) and GetResources. Its page tokens
/// contain <c>+</c>, <c>/</c> and <c>=</c> and must come back exactly, so a client that forgets to percent-encode
/// them gets InvalidParameterValueException. Failures can be injected on a chosen page.
/// </summary>
public sealed class AwsPagingStub : IAsyncDisposable
{
    private const string ListFunctions = "ListFunctions";
    private const string ListAliases = "ListAliases";
    private const string GetFunction = "GetFunction";
    private const string GetResources = "GetResources";

    private readonly List<StubFunction> _functions = [];
    private readonly Dictionary<string, List<(string Name, string Version)>> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Operation, int Page), (int Status, string Code, int Remaining)> _failures = [];
    private readonly List<StubRequest> _requests = [];
    private readonly Lock _lock = new();
    private LoopbackHttpServer? _server;

    private AwsPagingStub()
    {
    }

    /// <summary>The stub's base URL; use it for every AWS endpoint.</summary>
    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("The stub is not started.");

    /// <summary>The most items the stub puts in one page, whatever the client asks (default 2).</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>When true, GetFunction answers with <c>TagsError</c> (AccessDeniedException) instead of <c>Tags</c>.</summary>
    public bool DenyListTags { get; set; }

    /// <summary>Every call served so far, in order.</summary>
    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the stub on a free loopback port.</summary>
    public static async Task<AwsPagingStub> StartAsync(CancellationToken cancellationToken = default)
    {
        var stub = new AwsPagingStub();
        stub._server = await LoopbackHttpServer.StartAsync(stub.HandleAsync, cancellationToken).ConfigureAwait(false);
        return stub;
    }

    /// <summary>Adds a function and returns its ARN.</summary>
    public string AddFunction(string functionName, IReadOnlyDictionary<string, string>? tags = null)
    {
        var arn = $"arn:aws:lambda:{MotoServer.Region}:{MotoServer.AccountId}:function:{functionName}";
        lock (_lock)
        {
            _functions.Add(new StubFunction(functionName, arn, tags ?? new Dictionary<string, string>()));
        }

        return arn;
    }

    /// <summary>Adds an alias to a function.</summary>
    public void AddAlias(string functionName, string aliasName, string functionVersion = "1")
    {
        lock (_lock)
        {
            if (!_aliases.TryGetValue(functionName, out var list))
            {
                _aliases[functionName] = list = [];
            }

            list.Add((aliasName, functionVersion));
        }
    }

    /// <summary>
    /// Fails page <paramref name="page"/> (1-based) of <paramref name="operation"/> (ListFunctions, ListAliases or
    /// GetResources) <paramref name="times"/> times with the given status and AWS error code.
    /// </summary>
    public void FailPage(string operation, int page, int statusCode, string errorCode, int times = int.MaxValue)
    {
        lock (_lock)
        {
            _failures[(operation, page)] = (statusCode, errorCode, times);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var segments = (request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == "POST" && request.Headers["X-Amz-Target"] == "ResourceGroupsTaggingAPI_20170126.GetResources")
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
            await ServeGetResourcesAsync(context, document.RootElement, raw);
        }
        else if (request.Method == "GET" && segments is ["2015-03-31", "functions"])
        {
            List<StubFunction> functions;
            lock (_lock)
            {
                functions = [.. _functions];
            }

            var items = functions.Select(f => (Action<Utf8JsonWriter>)(w => WriteConfiguration(w, f))).ToList();
            await ServePageAsync(context, ListFunctions, "Functions", items, raw);
        }
        else if (request.Method == "GET" && segments is ["2015-03-31", "functions", var name, "aliases"])
        {
            var function = Find(Uri.UnescapeDataString(name));
            if (function is null)
            {
                await NotFoundAsync(context, name);
                return;
            }

            List<(string Name, string Version)> aliases;
            lock (_lock)
            {
                aliases = _aliases.TryGetValue(function.Name, out var list) ? [.. list] : [];
            }

            var items = aliases.Select(a => (Action<Utf8JsonWriter>)(w =>
            {
                w.WriteStartObject();
                w.WriteString("AliasArn", $"{function.Arn}:{a.Name}");
                w.WriteString("Name", a.Name);
                w.WriteString("FunctionVersion", a.Version);
                w.WriteString("Description", string.Empty);
                w.WriteString("RevisionId", "00000000-0000-0000-0000-000000000000");
                w.WriteEndObject();
            })).ToList();
            await ServePageAsync(context, ListAliases, "Aliases", items, raw);
        }
        else if (request.Method == "GET" && segments is ["2015-03-31", "functions", var getName])
        {
            Record(new StubRequest(GetFunction, null, null, raw, false));
            var function = Find(Uri.UnescapeDataString(getName));
            if (function is null)
            {
                await NotFoundAsync(context, getName);
                return;
            }

            await WriteAsync(context, 200, null, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("Configuration");
                WriteConfiguration(w, function);
                if (DenyListTags)
                {
                    w.WriteStartObject("TagsError");
                    w.WriteString("ErrorCode", "AccessDeniedException");
                    w.WriteString("Message", "User is not authorized to perform: lambda:ListTags");
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
        }
        else
        {
            await WriteAsync(context, 400, "InvalidParameterValueException", w =>
            {
                w.WriteStartObject();
                w.WriteString("Type", "User");
                w.WriteString("message", $"The paging stub does not implement {request.Method} {raw}.");
                w.WriteEndObject();
            });
        }
    }

    private async Task ServePageAsync(HttpContext context, string operation, string listName, List<Action<Utf8JsonWriter>> items, string raw)
    {
        // Why: ASP.NET decodes the query with form rules, so a raw '+' arrives as a space and fails the lookup below.
        var marker = context.Request.Query.TryGetValue("Marker", out var m) ? m.ToString() : null;
        int? maxItems = int.TryParse(context.Request.Query["MaxItems"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        await ServeAsync(context, operation, marker, maxItems, items, raw, listName, "NextMarker", nullEnd: true);
    }

    private async Task ServeGetResourcesAsync(HttpContext context, JsonElement body, string raw)
    {
        var token = body.TryGetProperty("PaginationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (token?.Length == 0)
        {
            token = null;
        }

        int? perPage = body.TryGetProperty("ResourcesPerPage", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
        var typeFilters = body.TryGetProperty("ResourceTypeFilters", out var types) ? types.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        var filters = body.TryGetProperty("TagFilters", out var tf)
            ? tf.EnumerateArray().Select(f => (
                Key: f.GetProperty("Key").GetString()!,
                Values: f.TryGetProperty("Values", out var v) ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : []))
                .ToList()
            : [];
        List<StubFunction> functions;
        lock (_lock)
        {
            functions = [.. _functions];
        }

        var matching = functions
            .Where(_ => typeFilters.Count == 0 || typeFilters.Contains("lambda:function") || typeFilters.Contains("lambda"))
            .Where(f => f.Tags.Count > 0)
            .Where(f => filters.All(filter => f.Tags.TryGetValue(filter.Key, out var value) && (filter.Values.Count == 0 || filter.Values.Contains(value))))
            .Select(f => (Action<Utf8JsonWriter>)(w =>
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
            }))
            .ToList();
        await ServeAsync(context, GetResources, token, perPage, matching, raw, "ResourceTagMappingList", "PaginationToken", nullEnd: false);
    }

    private async Task ServeAsync(
        HttpContext context, string operation, string? marker, int? requested, List<Action<Utf8JsonWriter>> items, string raw,
        string listName, string tokenName, bool nullEnd)
    {
        var offset = 0;
        if (marker is not null)
        {
            bool known;
            lock (_lock)
            {
                known = _tokens.TryGetValue($"{operation}\n{marker}", out offset);
            }

            if (!known)
            {
                Record(new StubRequest(operation, marker, requested, raw, true));
                await WriteAsync(context, 400, "InvalidParameterValueException", w =>
                {
                    w.WriteStartObject();
                    w.WriteString("Type", "User");
                    w.WriteString("message", $"Invalid pagination token '{marker}': it was not issued (was it percent-encoded?).");
                    w.WriteEndObject();
                });
                return;
            }
        }

        var size = Math.Min(PageSize, requested ?? PageSize);
        var page = (offset / Math.Max(1, size)) + 1;
        (int Status, string Code)? failure = null;
        lock (_lock)
        {
            if (_failures.TryGetValue((operation, page), out var f) && f.Remaining > 0)
            {
                _failures[(operation, page)] = (f.Status, f.Code, f.Remaining == int.MaxValue ? f.Remaining : f.Remaining - 1);
                failure = (f.Status, f.Code);
            }
        }

        Record(new StubRequest(operation, marker, requested, raw, failure is not null));
        if (failure is { } fail)
        {
            await WriteAsync(context, fail.Status, fail.Code, w =>
            {
                w.WriteStartObject();
                w.WriteString("Type", "Service");
                w.WriteString("Message", $"Injected failure on page {page}.");
                w.WriteEndObject();
            });
            return;
        }

        var end = Math.Min(items.Count, offset + size);
        string? next = null;
        if (end < items.Count)
        {
            // Why: real tokens are opaque base64-ish strings; '+', '/' and '=' catch clients that do not encode them.
            next = $"{operation[..3]}+{end}/{page}==";
            lock (_lock)
            {
                _tokens[$"{operation}\n{next}"] = end;
            }
        }

        await WriteAsync(context, 200, null, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(listName);
            for (var i = offset; i < end; i++)
            {
                items[i](w);
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString(tokenName, next);
            }
            else if (nullEnd)
            {
                w.WriteNull(tokenName);
            }
            else
            {
                // Why: the Tagging API may end with an empty token; botocore treats "" as the end.
                w.WriteString(tokenName, string.Empty);
            }

            w.WriteEndObject();
        });
    }

    private StubFunction? Find(string nameOrArn)
    {
        lock (_lock)
        {
            return _functions.FirstOrDefault(f => f.Name == nameOrArn || f.Arn == nameOrArn);
        }
    }

    private void Record(StubRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    private static Task NotFoundAsync(HttpContext context, string name) =>
        // Why: real Lambda sends {Type, Message} and a header with a ':' suffix, unlike moto's __type/message body.
        WriteAsync(context, 404, "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/", w =>
        {
            w.WriteStartObject();
            w.WriteString("Type", "User");
            w.WriteString("Message", $"Function not found: {Uri.UnescapeDataString(name)}");
            w.WriteEndObject();
        });

    private static void WriteConfiguration(Utf8JsonWriter w, StubFunction function)
    {
        w.WriteStartObject();
        w.WriteString("FunctionName", function.Name);
        w.WriteString("FunctionArn", function.Arn);
        w.WriteString("Runtime", "dotnet8");
        w.WriteString("Handler", "bootstrap");
        w.WriteNumber("Timeout", 30);
        w.WriteNumber("MemorySize", 512);
        w.WriteString("LastModified", "2025-01-01T00:00:00.000+0000");
        w.WriteString("Version", "$LATEST");
        w.WriteString("PackageType", "Zip");
        w.WriteStartArray("Architectures");
        w.WriteStringValue("arm64");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static async Task WriteAsync(HttpContext context, int status, string? errorType, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (errorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = errorType;
        }

        await context.Response.Body.WriteAsync(stream.ToArray(), context.RequestAborted);
    }

    private sealed record StubFunction(string Name, string Arn, IReadOnlyDictionary<string, string> Tags);
}
