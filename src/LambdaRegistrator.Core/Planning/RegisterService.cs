namespace LambdaRegistrator.Core.Planning;

/// <summary><c>PUT /v1/catalog/register</c> with this body.</summary>
/// <param name="Registration">The complete registration.</param>
public sealed record RegisterService(CatalogRegistration Registration) : PlanStep;
