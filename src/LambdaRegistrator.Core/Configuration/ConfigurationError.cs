namespace LambdaRegistrator.Core.Configuration;

/// <summary>One invalid environment variable: its name and a message that says what is wrong and what is allowed.</summary>
/// <param name="Variable">The environment variable name, e.g. <c>PAGE_SIZE</c>.</param>
/// <param name="Message">A complete sentence naming the variable, the problem and the allowed values.</param>
public sealed record ConfigurationError(string Variable, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
