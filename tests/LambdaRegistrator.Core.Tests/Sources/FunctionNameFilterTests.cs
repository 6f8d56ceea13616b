using LambdaRegistrator.Core.Sources;

namespace LambdaRegistrator.Core.Tests.Sources;

public sealed class FunctionNameFilterTests
{
    [Theory]
    [InlineData("orders-*", "orders-api", true)]
    [InlineData("orders-*", "orders-", true)]
    [InlineData("orders-*", "order-api", false)]
    [InlineData("*-api", "orders-api", true)]
    [InlineData("*-api", "orders-api-v2", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("fn-?", "fn-1", true)]
    [InlineData("fn-?", "fn-12", false)]
    [InlineData("*", "anything", true)]
    [InlineData("Orders-*", "orders-api", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    public void Matches_GlobAgainstName(string glob, string name, bool expected) =>
        Assert.Equal(expected, FunctionNameFilter.Matches(glob, name));

    [Fact]
    public void Rejection_SaysWhichGlobDecided()
    {
        var filter = FunctionNameFilter.Create(["orders-*"], ["*-test"]);

        Assert.Null(filter.Rejection("orders-api"));
        Assert.Contains("\"*-test\"", filter.Rejection("orders-test"), StringComparison.Ordinal);
        Assert.Contains("orders-*", filter.Rejection("billing"), StringComparison.Ordinal);
    }

    [Fact]
    public void All_AdmitsEveryName()
    {
        Assert.True(FunctionNameFilter.All.AdmitsAll);
        Assert.Same(FunctionNameFilter.All, FunctionNameFilter.Create([], []));
        Assert.True(FunctionNameFilter.All.Admits("x"));
    }
}
