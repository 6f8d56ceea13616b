using LambdaRegistrator.TestKit.Aws;
namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>
/// The classes that need moto_server share one and run one after another: moto is single-threaded and the machine has two
/// cores, so running them in parallel only makes each slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MotoGroup : ICollectionFixture<MotoFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "moto";
}
