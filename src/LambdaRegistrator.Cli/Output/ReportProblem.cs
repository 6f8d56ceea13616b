using System.Text.Json.Serialization;
using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Cli.Output;

/// <summary>One reported problem in <see cref="ReportDocument"/>.</summary>
internal sealed record ReportProblem : ReportSubject
{
    public ReportProblem(PlanProblem problem)
        : base(problem.Service, problem.FunctionArn)
    {
        Kind = ReportWriter.Kebab(problem.Kind.ToString());
        Message = problem.Message;
    }

    /// <summary>Kebab-case kind, e.g. <c>invalid-tags</c>, <c>name-collision</c>, <c>missing-alias</c>.</summary>
    [JsonPropertyName("kind")]
    [JsonPropertyOrder(0)]
    public string Kind { get; }

    /// <summary>What is wrong and what to do.</summary>
    [JsonPropertyName("message")]
    [JsonPropertyOrder(8)]
    public string Message { get; }
}
