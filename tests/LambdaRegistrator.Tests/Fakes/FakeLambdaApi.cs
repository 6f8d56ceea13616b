using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Lambda;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>An in-memory Lambda control plane that records every call.</summary>
internal sealed class FakeLambdaApi : ILambdaApi
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    public ConcurrentDictionary<string, FakeFunction> Functions { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Function names whose GetFunction fails with a 500.</summary>
    public HashSet<string> FailGetFunction { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra FunctionArn values ListFunctions yields after the functions (e.g. malformed ones).</summary>
    public List<string> ListedArns { get; } = [];

    public static string ArnOf(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    public FakeFunction Add(string name, IReadOnlyDictionary<string, string> tags, params string[] aliases)
    {
        var function = new FakeFunction(name, new Dictionary<string, string>(tags, StringComparer.Ordinal), [.. aliases]);
        Functions[name] = function;
        return function;
    }

    public int CallCount(string operation) => Calls.Count(c => c.StartsWith(operation + " ", StringComparison.Ordinal) || c == operation);

    public async IAsyncEnumerable<FunctionConfiguration> ListFunctionsAsync(int maxItems = 50, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("ListFunctions");
        await Task.Yield();
        foreach (var function in Functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            yield return new FunctionConfiguration { FunctionName = function.Name, FunctionArn = ArnOf(function.Name) };
        }

        foreach (var arn in ListedArns)
        {
            yield return new FunctionConfiguration { FunctionName = arn, FunctionArn = arn };
        }
    }

    public Task<FunctionDetails?> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        GetFunctionAsync(functionName, null, cancellationToken);

    /// <summary>Like Lambda: a qualifier that is not an alias of the function answers 404, as a missing function does; the FunctionArn is then qualified.</summary>
    public Task<FunctionDetails?> GetFunctionAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        var name = NameOf(functionName);
        Calls.Enqueue(qualifier is null ? "GetFunction " + name : $"GetFunction {name}:{qualifier}");
        if (FailGetFunction.Contains(name))
        {
            throw new AwsServiceException("Lambda", "GetFunction", "ServiceException", HttpStatusCode.InternalServerError, $"Lambda GetFunction failed for {name} (simulated).", 1);
        }

        if (!Functions.TryGetValue(name, out var function) || (qualifier is not null && !function.Aliases.Contains(qualifier)))
        {
            return Task.FromResult<FunctionDetails?>(null);
        }

        var tags = function.TagsUnknown
            ? FunctionTags.Unknown("AccessDeniedException", "not authorized to perform lambda:ListTags")
            : FunctionTags.Known(new Dictionary<string, string>(function.Tags, StringComparer.Ordinal));
        return Task.FromResult<FunctionDetails?>(new FunctionDetails(new FunctionConfiguration { FunctionName = name, FunctionArn = qualifier is null ? ArnOf(name) : $"{ArnOf(name)}:{qualifier}" }, tags));
    }

    public async IAsyncEnumerable<AliasConfiguration> ListAliasesAsync(string functionName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var name = NameOf(functionName);
        Calls.Enqueue("ListAliases " + name);
        await Task.Yield();
        if (!Functions.TryGetValue(name, out var function))
        {
            throw new AwsServiceException("Lambda", "ListAliases", "ResourceNotFoundException", HttpStatusCode.NotFound, $"Function not found: {name}", 1);
        }

        foreach (var alias in function.Aliases)
        {
            yield return new AliasConfiguration { Name = alias, AliasArn = ArnOf(name) + ":" + alias };
        }
    }

    public Task<IReadOnlyDictionary<string, string>?> ListTagsAsync(string functionArn, CancellationToken cancellationToken = default)
    {
        var name = NameOf(functionArn);
        Calls.Enqueue("ListTags " + name);
        return Task.FromResult(Functions.TryGetValue(name, out var function) ? (IReadOnlyDictionary<string, string>?)function.Tags : null);
    }

    private static string NameOf(string functionName)
    {
        var parts = functionName.Split(':');
        return parts.Length >= 7 ? parts[6] : parts.Length == 3 ? parts[2] : parts[0];
    }
}

/// <summary>One function of <see cref="FakeLambdaApi"/>.</summary>
internal sealed record FakeFunction(string Name, Dictionary<string, string> Tags, HashSet<string> Aliases)
{
    public bool TagsUnknown { get; set; }
}
