using System.Globalization;

namespace LambdaRegistrator.Logging;

/// <summary>
/// What the JSON log lines say about where they come from, with the keys AWS Lambda Powertools uses: <c>service</c>,
/// <c>function_name</c> and <c>function_memory_size</c> for the process, and per invocation <c>cold_start</c>,
/// <c>function_arn</c>, <c>function_request_id</c> and <c>xray_trace_id</c> (<see cref="BeginInvocation"/>).
/// </summary>
/// <remarks>
/// Invocations may overlap in one process (Lambda's multi-concurrency environments, the managed runtime), so the
/// current invocation is ambient (<see cref="AsyncLocal{T}"/>): every line written in the asynchronous flow of an
/// invocation, parallel work included, carries that invocation's keys and no other's.
/// </remarks>
public sealed class LogContext
{
    /// <summary>Powertools' variable for the service name; the Terraform module sets it to the function name.</summary>
    public const string ServiceNameVariable = "POWERTOOLS_SERVICE_NAME";

    /// <summary>The <c>service</c> when <see cref="ServiceNameVariable"/> is unset.</summary>
    public const string DefaultService = "lambda-registrator";

    private const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
    private const string MemorySizeVariable = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    private static readonly AsyncLocal<InvocationLogFields?> Current = new();
    private static readonly Lazy<LogContext> ProcessContext = new(() => FromEnvironment(Environment.GetEnvironmentVariable));

    private int _invocations;

    /// <summary>Creates a context; <paramref name="functionName"/> null means "not running as a Lambda function" (the CLI).</summary>
    public LogContext(string service, string? functionName = null, int? functionMemorySize = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        Service = service;
        FunctionName = functionName;
        FunctionMemorySize = functionMemorySize;
    }

    /// <summary>The deployed function's context, from this process's environment; shared by the host and the engine.</summary>
    public static LogContext Process => ProcessContext.Value;

    /// <summary>Outside Lambda (the CLI, tests): only <c>service</c>, and per-invocation keys when an invocation is begun.</summary>
    public static LogContext None { get; } = new(DefaultService);

    /// <summary>The invocation of the current asynchronous flow, if any.</summary>
    public static InvocationLogFields? CurrentInvocation => Current.Value;

    /// <summary>The <c>service</c> key.</summary>
    public string Service { get; }

    /// <summary>The <c>function_name</c> key; null outside Lambda.</summary>
    public string? FunctionName { get; }

    /// <summary>The <c>function_memory_size</c> key (MB); null when unknown.</summary>
    public int? FunctionMemorySize { get; }

    /// <summary>True when lines carry the Lambda keys (running as a function, or inside an invocation).</summary>
    public bool InLambda => FunctionName is not null || CurrentInvocation is not null;

    /// <summary>
    /// <c>cold_start</c>: the current invocation's, or outside any invocation true until the first one began (the
    /// lines written while the function initializes).
    /// </summary>
    public bool ColdStart => CurrentInvocation?.ColdStart ?? Volatile.Read(ref _invocations) == 0;

    /// <summary>Reads <see cref="ServiceNameVariable"/>, the function name and its memory size from <paramref name="environment"/>.</summary>
    public static LogContext FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var service = environment(ServiceNameVariable)?.Trim();
        var functionName = environment(FunctionNameVariable)?.Trim();
        var memory = int.TryParse(environment(MemorySizeVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : (int?)null;
        return new LogContext(
            string.IsNullOrEmpty(service) ? (string.IsNullOrEmpty(functionName) ? DefaultService : functionName) : service,
            string.IsNullOrEmpty(functionName) ? null : functionName,
            memory);
    }

    /// <summary>
    /// Makes the invocation current for this asynchronous flow until the result is disposed (which restores the
    /// previous one). The first invocation begun on this context is the cold start.
    /// </summary>
    /// <param name="requestId">Lambda's request id, or null.</param>
    /// <param name="traceHeader">The X-Ray trace header (<c>Root=…;Parent=…;Sampled=…</c>) or a bare trace id, or null.</param>
    /// <param name="functionArn">The invoked function ARN, or null.</param>
    public IDisposable BeginInvocation(string? requestId, string? traceHeader, string? functionArn)
    {
        var cold = Interlocked.Increment(ref _invocations) == 1;
        var previous = Current.Value;
        Current.Value = new InvocationLogFields(requestId, TraceRoot(traceHeader), functionArn, cold);
        return new Scope(previous);
    }

    /// <summary>
    /// The trace id in an X-Ray trace header: its <c>Root</c> field (<c>1-5759e988-bd862e3fe1be46a994272793</c>), as
    /// Powertools writes <c>xray_trace_id</c>; a header without <c>Root=</c> is taken as the id itself.
    /// </summary>
    public static string? TraceRoot(string? traceHeader)
    {
        if (string.IsNullOrWhiteSpace(traceHeader))
        {
            return null;
        }

        foreach (var part in traceHeader.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("Root=", StringComparison.Ordinal))
            {
                return part.Length > 5 ? part[5..] : null;
            }
        }

        return traceHeader.Contains('=', StringComparison.Ordinal) ? null : traceHeader.Trim();
    }

    private sealed class Scope(InvocationLogFields? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
