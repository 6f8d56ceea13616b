namespace LambdaRegistrator.Function;

/// <summary>
/// The one place where the deployed function is composed: both entry points (<c>bootstrap</c> and
/// <see cref="FunctionHandler"/>) take their initializer from <see cref="CreateInitializer"/>.
/// </summary>
internal static class Composition
{
    /// <summary>
    /// The registrator engine, created once per container from the process environment; its JSON log lines go to
    /// standard output (CloudWatch) at <c>LOG_LEVEL</c>.
    /// </summary>
    public static IFunctionInitializer CreateInitializer() => new RegistratorInitializer(new RegistratorHostOptions());
}
