using System.Diagnostics.CodeAnalysis;

namespace LambdaRegistrator.Function;

/// <summary>Settings of the Runtime API loop, parsed once at cold start.</summary>
internal sealed record RuntimeOptions
{
    /// <summary>Base address of the Runtime API, <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>.</summary>
    public required Uri RuntimeApi { get; init; }

    /// <summary>The function's memory in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>); when set, the GC heap is capped below it.</summary>
    public int? MemorySizeMb { get; init; }

    /// <summary>The environment handed to <see cref="IFunctionInitializer.InitializeAsync"/>.</summary>
    public required Func<string, string?> Environment { get; init; }

    /// <summary>Reads the options from <paramref name="environment"/>; on failure <paramref name="errors"/> names each bad variable.</summary>
    public static bool TryParse(
        Func<string, string?> environment,
        [NotNullWhen(true)] out RuntimeOptions? options,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var found = new List<string>();
        var runtimeApi = FunctionSettings.ReadRuntimeApi(environment, found);
        var memory = FunctionSettings.ReadMemorySizeMb(environment, found);
        errors = found;
        options = runtimeApi is null || found.Count > 0
            ? null
            : new RuntimeOptions { RuntimeApi = runtimeApi, MemorySizeMb = memory, Environment = environment };
        return options is not null;
    }
}
