namespace LambdaRegistrator.Cli.Tests;

/// <summary>The test classes that share one seeded moto_server (<see cref="SeededAws"/>); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SeededAwsDefinition : ICollectionFixture<SeededAws>
{
    /// <summary>The collection name.</summary>
    public const string Name = "seeded moto_server";
}
