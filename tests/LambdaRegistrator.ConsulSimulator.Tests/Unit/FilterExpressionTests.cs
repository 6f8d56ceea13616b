using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.Filtering;

namespace LambdaRegistrator.ConsulSimulator.Tests.Unit;

public sealed class FilterExpressionTests
{
    private static readonly string[] Fields = ["ServiceName", "ServiceTags", "ServiceMeta", "ServicePort", "ServiceEnableTagOverride", "Node"];

    private static JsonObject Instance() => JsonNode.Parse("""
        {"ServiceName":"fn-orders","ServiceTags":["managed-by-lambda-registrator","prod"],
         "ServiceMeta":{"owner":"acct/us-east-1","lambda-registrator-id":"r1"},"ServicePort":0,
         "ServiceEnableTagOverride":false,"Node":"lambdas"}
        """)!.AsObject();

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "equal string", "ServiceName == \"fn-orders\"", true },
        { "not equal string", "ServiceName != \"fn-orders\"", false },
        { "tag in list", "\"prod\" in ServiceTags", true },
        { "tag not in list", "\"dev\" not in ServiceTags", true },
        { "list contains tag", "ServiceTags contains \"managed-by-lambda-registrator\"", true },
        { "list not contains", "ServiceTags not contains \"prod\"", false },
        { "meta selector", "ServiceMeta.owner == \"acct/us-east-1\"", true },
        { "meta bracket selector with dash", "ServiceMeta[\"lambda-registrator-id\"] == \"r1\"", true },
        { "missing meta key equals", "ServiceMeta.nope == \"x\"", false },
        { "missing meta key not equals", "ServiceMeta.nope != \"x\"", true },
        { "key in map", "\"owner\" in ServiceMeta", true },
        { "number equality", "ServicePort == 0", true },
        { "bool equality", "ServiceEnableTagOverride == false", true },
        { "and", "Node == \"lambdas\" and \"prod\" in ServiceTags", true },
        { "or", "Node == \"other\" or ServiceName == \"fn-orders\"", true },
        { "not", "not (Node == \"lambdas\")", false },
        { "precedence: and binds tighter than or", "Node == \"x\" and ServiceName == \"y\" or ServicePort == 0", true },
        { "parentheses change grouping", "Node == \"x\" and (ServiceName == \"y\" or ServicePort == 0)", false },
        { "is empty on list", "ServiceTags is empty", false },
        { "is not empty on map", "ServiceMeta is not empty", true },
        { "matches regex", "ServiceName matches \"^fn-\"", true },
        { "backtick string", "ServiceName == `fn-orders`", true },
        { "substring in string", "\"orders\" in ServiceName", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_Expression_EvaluatesLikeBexpr(string caseName, string expression, bool expected)
    {
        var filter = FilterExpression.Compile(expression, Fields);

        Assert.True(expected == filter.Matches(Instance()), caseName);
    }

    public static TheoryData<string, string> InvalidCases => new()
    {
        { "dangling operator", "ServiceTags contains" },
        { "unknown selector", "Bogus == \"x\"" },
        { "unbalanced parenthesis", "(ServiceName == \"x\"" },
        { "empty expression", "   " },
        { "missing operator", "ServiceName \"x\"" },
        { "unterminated string", "ServiceName == \"x" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Compile_InvalidExpression_Throws(string caseName, string expression)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => FilterExpression.Compile(expression, Fields));
        Assert.False(string.IsNullOrEmpty(error.Message), caseName);
    }
}
