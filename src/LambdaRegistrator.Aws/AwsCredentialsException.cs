namespace LambdaRegistrator.Aws;

/// <summary>
/// AWS credentials could not be obtained or refreshed: an assumed role was denied or its STS call failed, a web
/// identity token could not be read, or a profile's credential provider failed. The message names the role, profile
/// or variable and says what to do; it never contains a secret.
/// </summary>
public sealed class AwsCredentialsException : Exception
{
    /// <summary>Creates the exception for <paramref name="roleArn"/> (null when no role is involved).</summary>
    public AwsCredentialsException(string message, string? roleArn, Exception? innerException = null)
        : base(message, innerException)
    {
        RoleArn = roleArn;
    }

    /// <summary>Creates the exception with a message that says what to do.</summary>
    public AwsCredentialsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that says what to do and the underlying cause.</summary>
    public AwsCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception; prefer the constructors that explain what to do.</summary>
    public AwsCredentialsException()
        : base("AWS credentials could not be obtained.")
    {
    }

    /// <summary>The role that could not be assumed, or null.</summary>
    public string? RoleArn { get; }
}
