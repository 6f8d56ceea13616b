namespace LambdaRegistrator.Core.Confirmation;

/// <summary>One Lambda read that <see cref="ConfirmationProgress.Next"/> asks the shell to make.</summary>
/// <param name="Kind">GetFunction or ListAliases.</param>
/// <param name="Qualifier">For GetFunction: the alias to qualify the read with; null reads the function itself.</param>
public sealed record ConfirmationRead(ConfirmationReadKind Kind, string? Qualifier)
{
    /// <summary>GetFunction without a qualifier: the function's existence and its tags.</summary>
    public static ConfirmationRead Function { get; } = new(ConfirmationReadKind.GetFunction, null);

    /// <summary>ListAliases: every alias of the function.</summary>
    public static ConfirmationRead Aliases { get; } = new(ConfirmationReadKind.ListAliases, null);

    /// <summary>GetFunction with <c>Qualifier=<paramref name="alias"/></c>: the alias exists (and so the function), with the function's tags.</summary>
    public static ConfirmationRead Alias(string alias)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        return new ConfirmationRead(ConfirmationReadKind.GetFunction, alias);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind == ConfirmationReadKind.ListAliases ? "ListAliases" : Qualifier is null ? "GetFunction" : $"GetFunction Qualifier={Qualifier}";
}
