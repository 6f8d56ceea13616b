namespace LambdaRegistrator.Function.Tests;

public sealed class InvocationResultTests
{
    [Fact]
    public void Success_Body_IsSuccessWithoutErrorType()
    {
        var result = InvocationResult.Success("""{"status":"ok"}"""u8.ToArray());

        Assert.True(result.IsSuccess);
        Assert.Null(result.ErrorType);
        Assert.Equal("""{"status":"ok"}"""u8.ToArray(), result.ResponseJson.ToArray());
    }

    [Fact]
    public void Failure_ValidType_CarriesTypeAndMessage()
    {
        var result = InvocationResult.Failure("Registrator.ActionsFailed", "2 of 20 actions failed");

        Assert.False(result.IsSuccess);
        Assert.Equal("Registrator.ActionsFailed", result.ErrorType);
        Assert.Equal("2 of 20 actions failed", result.ErrorMessage);
    }

    public static TheoryData<string, string> BadTypes => new()
    {
        { "empty", "" },
        { "a space would break the managed runtime's message prefix", "Actions Failed" },
        { "a newline would break the HTTP header", "Actions\nFailed" },
        { "a colon", "Registrator:Failed" },
    };

    [Theory]
    [MemberData(nameof(BadTypes))]
    public void Failure_TypeUnfitForAHeader_Throws(string scenario, string errorType)
    {
        _ = scenario;
        Assert.Throws<ArgumentException>(() => InvocationResult.Failure(errorType, "message"));
    }
}
