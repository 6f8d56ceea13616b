namespace LambdaRegistrator.Function;

/// <summary>Handles one Lambda invocation: the event JSON in, a short JSON summary or a typed failure out.</summary>
internal interface IInvocationHandler
{
    /// <summary>
    /// How long before the invocation deadline the token passed to <see cref="HandleAsync"/> fires
    /// (<c>DEADLINE_MARGIN_MS</c>, parsed with the handler's own configuration).
    /// </summary>
    TimeSpan DeadlineMargin { get; }

    /// <summary>
    /// Handles one event. <paramref name="cancellationToken"/> fires at the invocation deadline minus
    /// <c>DEADLINE_MARGIN_MS</c>: stop starting new writes then and report what was left undone.
    /// Expected outcomes (a rejected event, some actions failed) are returned as
    /// <see cref="InvocationResult.Failure"/>, not thrown.
    /// </summary>
    Task<InvocationResult> HandleAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken);
}
