namespace LambdaRegistrator.Aws.Lambda;

/// <summary>The Lambda control-plane calls the registrator makes. Rate-limited to Lambda's quotas and retried.</summary>
public interface ILambdaApi
{
    /// <summary>
    /// Lists every function (unpublished versions) page by page, following <c>NextMarker</c>.
    /// Spends one call per page from the shared 15 req/s control-plane bucket.
    /// </summary>
    /// <param name="maxItems">Page size, 1..50 (AWS never returns more than 50).</param>
    /// <param name="cancellationToken">Stops paging and any retry wait.</param>
    IAsyncEnumerable<FunctionConfiguration> ListFunctionsAsync(int maxItems = 50, CancellationToken cancellationToken = default);

    /// <summary>Gets a function's configuration and tags; null when the function does not exist.</summary>
    /// <param name="functionName">A name, an ARN or a partial ARN; a qualifier (<c>name:alias</c>) is allowed.</param>
    /// <param name="cancellationToken">Stops the call and any retry wait.</param>
    /// <remarks>Spends from the 100 req/s GetFunction bucket.</remarks>
    Task<FunctionDetails?> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a function with <c>Qualifier=<paramref name="qualifier"/></c> (an alias or version); null when Lambda answers
    /// 404 ResourceNotFoundException, which it does both when the qualifier and when the whole function is missing.
    /// </summary>
    /// <param name="functionName">A name, an ARN or a partial ARN, without a qualifier.</param>
    /// <param name="qualifier">The alias (or version) to read; null reads the function like the overload without it.</param>
    /// <param name="cancellationToken">Stops the call and any retry wait.</param>
    /// <remarks>Spends from the 100 req/s GetFunction bucket; <c>Configuration.FunctionArn</c> is then the qualified ARN.</remarks>
    Task<FunctionDetails?> GetFunctionAsync(string functionName, string? qualifier, CancellationToken cancellationToken);

    /// <summary>Lists a function's aliases page by page; the function must exist.</summary>
    /// <param name="functionName">A name or ARN.</param>
    /// <param name="cancellationToken">Stops paging and any retry wait.</param>
    IAsyncEnumerable<AliasConfiguration> ListAliasesAsync(string functionName, CancellationToken cancellationToken = default);

    /// <summary>Lists a function's tags (ListTags); null when the function does not exist.</summary>
    /// <param name="functionArn">The unqualified function ARN.</param>
    /// <param name="cancellationToken">Stops the call and any retry wait.</param>
    Task<IReadOnlyDictionary<string, string>?> ListTagsAsync(string functionArn, CancellationToken cancellationToken = default);
}
