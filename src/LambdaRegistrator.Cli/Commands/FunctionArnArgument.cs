using System.CommandLine;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>The <c>&lt;function-arn&gt;</c> argument of <c>register</c> and <c>deregister</c>, checked while parsing.</summary>
internal static class FunctionArnArgument
{
    /// <summary>A new argument that accepts a function ARN (or a name / partial ARN when AWS_ACCOUNT_ID is set).</summary>
    public static Argument<string> Create()
    {
        var argument = new Argument<string>("function-arn")
        {
            Description = "The function, arn:aws:lambda:<region>:<account>:function:<name> (a name or partial ARN works with AWS_ACCOUNT_ID set).",
        };
        argument.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (!LambdaArn.TryParse(value, out _, out var error))
            {
                result.AddError($"\"{value}\" is not a Lambda function: {error}.");
            }
        });
        return argument;
    }
}
