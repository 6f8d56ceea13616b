using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>Something reported instead of acted on, with a sentence saying what to do about it.</summary>
/// <param name="Kind">Category.</param>
/// <param name="FunctionArn">The function concerned, when there is one.</param>
/// <param name="Service">The service concerned, when there is one.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record PlanProblem(PlanProblemKind Kind, LambdaArn? FunctionArn, ServiceKey? Service, string Message)
{
    /// <summary>One line for logs and the CLI.</summary>
    public override string ToString() => $"{Kind}: {Message}";
}
