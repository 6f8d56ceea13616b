using LambdaRegistrator.Aws.Lambda;

namespace LambdaRegistrator.Aws.Tests.Lambda;

public sealed class FunctionTagsTests
{
    [Fact]
    public void Known_Values_AreReadable()
    {
        var tags = FunctionTags.Known(new Dictionary<string, string> { ["a"] = "1" });

        Assert.True(tags.IsKnown);
        Assert.True(tags.TryGetValues(out var values));
        Assert.Equal("1", values["a"]);
        Assert.Null(tags.ErrorCode);
        Assert.Equal("1 tag(s)", tags.ToString());
    }

    [Fact]
    public void None_IsKnownAndEmpty()
    {
        Assert.True(FunctionTags.None.IsKnown);
        Assert.Empty(FunctionTags.None.Values);
    }

    [Fact]
    public void Unknown_Values_ThrowWithAdvice()
    {
        var tags = FunctionTags.Unknown("AccessDeniedException", "not authorized");

        Assert.False(tags.IsKnown);
        Assert.False(tags.TryGetValues(out var values));
        Assert.Null(values);
        var exception = Assert.Throws<InvalidOperationException>(() => tags.Values);
        Assert.Contains("AccessDeniedException", exception.Message, StringComparison.Ordinal);
        Assert.Contains("lambda:ListTags", exception.Message, StringComparison.Ordinal);
        Assert.Equal("unknown tags (AccessDeniedException)", tags.ToString());
    }
}
