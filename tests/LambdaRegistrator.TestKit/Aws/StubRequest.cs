namespace LambdaRegistrator.TestKit.Aws;

/// <summary>A call the paging stub served.</summary>
/// <param name="Operation">ListFunctions, ListAliases, GetFunction or GetResources.</param>
/// <param name="Marker">The decoded Marker or PaginationToken the client sent, if any.</param>
/// <param name="PageSize">The MaxItems or ResourcesPerPage the client asked for, if any.</param>
/// <param name="RawTarget">The raw request target (path and query) as sent on the wire.</param>
/// <param name="Failed">True when the stub answered with an injected failure.</param>
public sealed record StubRequest(string Operation, string? Marker, int? PageSize, string RawTarget, bool Failed);
