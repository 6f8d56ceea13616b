namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>The JSON shape of <c>structs.Weights</c>.</summary>
internal sealed record WeightsView(int Passing, int Warning);
