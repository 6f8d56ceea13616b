namespace LambdaRegistrator.Core.Confirmation;

/// <summary>The Lambda call a <see cref="ConfirmationRead"/> makes.</summary>
public enum ConfirmationReadKind
{
    /// <summary>GetFunction, unqualified or with <c>Qualifier=&lt;alias&gt;</c> (the 100 req/s GetFunction quota).</summary>
    GetFunction,

    /// <summary>ListAliases (the shared 15 req/s control-plane quota).</summary>
    ListAliases,
}
