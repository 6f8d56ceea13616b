namespace LambdaRegistrator.Bench.Scale.Child;

/// <summary>The strategies the bench compares: the engine's two INVENTORY_STRATEGY values and the Go-equivalent.</summary>
internal static class Strategies
{
    public const string Tagging = "tagging";
    public const string ListFunctions = "list-functions";
    public const string Go = "go-equivalent";

    public static IReadOnlyList<string> All { get; } = [Tagging, ListFunctions, Go];
}
